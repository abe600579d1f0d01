package org.imagehub.delivery.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.imagehub.delivery.DeliveredStory;
import org.imagehub.platform.Json;
import org.junit.jupiter.api.Test;

/** The published document gets its number written over the 0 it was hashed with, and nothing else changes. */
class DeliveryItemRowsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final Json json = new Json(MAPPER);
    private final DeliveryItemRows rows = new DeliveryItemRows(null, json);

    @Test
    void theNumberReplacesVersionZeroAndTheRestOfTheDocumentIsUntouched() throws Exception {
        DeliveredStory story = story("st_01jd8x6m3v9q2w7r5t4y1k0zpa", "Hà Nội — 河内 — Ханой: \"version\":0 in a title");
        byte[] document = json.writeBytes(story.withVersion(0));

        byte[] numbered = rows.numbered(new DeliveryItemRows.Row(story, document, Instant.EPOCH, "hash", 1_234_567L));

        assertThat(new String(numbered, StandardCharsets.UTF_8)).startsWith("{\"id\":\"st_01jd8x6m3v9q2w7r5t4y1k0zpa\",\"version\":1234567,");
        JsonNode expected = MAPPER.readTree(document);
        ((ObjectNode) expected).put("version", 1_234_567); // an int node, as the parser reads it back
        assertThat(MAPPER.readTree(numbered)).isEqualTo(expected);
        assertThat(MAPPER.readValue(numbered, DeliveredStory.class)).isEqualTo(story.withVersion(1_234_567L));
    }

    @Test
    void aDocumentThatDoesNotStartWithItsIdAndVersionZeroIsRefusedRatherThanPatchedBlindly() {
        DeliveredStory story = story("st_1", "Titre");
        byte[] numberedAlready = json.writeBytes(story.withVersion(7));
        byte[] otherStory = json.writeBytes(story("st_2", "Titre").withVersion(0));

        for (byte[] document : List.of(numberedAlready, otherStory, "{}".getBytes(StandardCharsets.UTF_8))) {
            assertThatThrownBy(() -> rows.numbered(new DeliveryItemRows.Row(story, document, Instant.EPOCH, "hash", 8)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("st_1");
        }
    }

    private static DeliveredStory story(String id, String title) {
        return new DeliveredStory(id, "vi", "article", "normal", "mofa", "ha-noi", false, title, "Tóm tắt", "<p>Nội dung</p>", "Nội dung",
                List.of("culture"), List.of("FR"), List.of(), List.of(), Map.of(), Map.of(), new DeliveredStory.Rights("VNA", "MOFA", "CC-BY-4.0"),
                Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2026-01-02T03:04:05Z"), null, null, 0, "/api/v1/stories/" + id + "?lang=vi",
                List.of(new DeliveredStory.Alternate("fr", "hanoi", "/api/v1/stories/" + id + "?lang=fr")), List.of());
    }
}
