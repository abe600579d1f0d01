package org.imagehub.content.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.imagehub.platform.errors.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken type file stops start-up with a message naming the file, instead of failing some later save. */
class ContentModelLoadingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theShippedTypesLoad() {
        ContentModel model = new ContentModel(List.of(Path.of("content-model")), JSON);
        assertThat(model.types()).extracting(ContentType::type)
                .containsExactly("article", "fact-check", "infographic", "photo-gallery", "statement", "video");
    }

    @Test
    void anEmptyFieldSetGetsItsSchemasAnswerUnderEachPrefix() {
        ContentModel model = new ContentModel(List.of(Path.of("content-model")), JSON);
        ContentType statement = model.type("statement").orElseThrow();
        for (int round = 0; round < 2; round++) {
            assertThat(model.validate(statement.storyFields(), null, "fields")).extracting(FieldError::field, FieldError::code)
                    .containsExactlyInAnyOrder(tuple("fields.speaker", "schema-required"), tuple("fields.deliveredAt", "schema-required"));
            assertThat(model.validate(statement.storyFields(), JSON.createObjectNode(), "story.fields")).extracting(FieldError::field)
                    .containsExactlyInAnyOrder("story.fields.speaker", "story.fields.deliveredAt");
            assertThat(model.validate(statement.localizationFields(), null, "localizations[0].fields")).isEmpty();
        }
        assertThat(model.validate(statement.localizationFields(), JSON.createObjectNode().put("speaker", "x"), "localizations[1].fields"))
                .extracting(FieldError::code).containsExactly("schema-additionalProperties");
    }

    @Test
    void aFileThatIsNotJsonIsNamed(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("broken.json"), "{ \"type\": \"broken\", ");
        assertThatThrownBy(() -> new ContentModel(List.of(folder), JSON))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("broken.json");
    }

    @Test
    void aSchemaThatIsNotAnObjectSchemaIsNamed(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("odd.json"),
                "{\"type\":\"odd\",\"label\":{\"en\":\"Odd\"},\"storyFields\":{\"type\":\"array\"},\"localizationFields\":{\"type\":\"object\"}}");
        assertThatThrownBy(() -> new ContentModel(List.of(folder), JSON))
                .hasMessageContaining("odd.json")
                .hasMessageContaining("storyFields");
    }

    @Test
    void aMissingFolderIsNamed() {
        assertThatThrownBy(() -> new ContentModel(List.of(Path.of("no-such-folder")), JSON))
                .hasMessageContaining("no-such-folder");
    }
}
