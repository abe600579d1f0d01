package org.imagehub.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.endsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.imagehub.content.importing.StoryImporter;
import org.imagehub.content.workflow.WorkflowService;
import org.imagehub.security.Actor;
import org.imagehub.security.Roles;
import org.imagehub.testing.Consumers;
import org.imagehub.testing.Eventually;
import org.junit.jupiter.api.Test;

/**
 * The demo dataset's images, loaded the way {@code ./run-hub} loads them (upload, texts, attach, publish drafts) into
 * copies of demo stories: every language is published with alt text, and the infographic shows each language its own
 * image, with renditions a consumer can download.
 */
@QuarkusTest
class DemoMediaTests {
    private static final Actor LOADER = new Actor("demo-media-test", "mofa", Set.of(Roles.ADMIN, Roles.APPROVER, Roles.EDITOR), true);

    @Inject
    DemoMedia media;
    @Inject
    StoryImporter importer;
    @Inject
    WorkflowService workflow;
    @Inject
    ObjectMapper objectMapper;

    @Test
    void everyPlannedImageHasACaptionAndAltTextInEveryLanguageOfItsStory() {
        DemoMedia.Plan plan = media.plan();
        Set<String> storiesWithImages = new HashSet<>();
        plan.media().path("images").forEach(image -> {
            String story = image.path("story").asText();
            storiesWithImages.add(story);
            assertThat(plan.titles()).containsKey(story);
            for (String lang : plan.titles().get(story).keySet()) {
                assertThat(plan.media().path("altText").path(image.path("motif").asText()).path(lang).asText())
                        .as("%s alt text of %s", lang, story).isNotBlank();
                if (image.path("perLanguage").asBoolean()) {
                    assertThat(plan.media().path("chartWords").path(lang).path("title").asText()).as("%s chart title", lang).isNotBlank();
                }
            }
        });
        assertThat(storiesWithImages).containsExactlyInAnyOrderElementsOf(plan.titles().keySet());
    }

    @Test
    void theDemoInfographicIsPublishedWithAnImageDrawnInEachLanguageAndRenditionsConsumersDownload() throws IOException {
        String storyId = importCopyOf("demo-007");
        assertThat(media.attach(storyId, "demo-007", LOADER)).isEqualTo(5);
        assertThat(workflow.publishDrafts(storyId, LOADER)).isEqualTo(5);

        String key = Consumers.reading().key();
        DemoMedia.Plan plan = media.plan();
        List<String> infographics = new ArrayList<>();
        for (String lang : List.of("fr", "vi", "uk")) {
            Map<String, Object> image = Eventually.until(lang + " infographic renditions", () -> Consumers.withKey(key)
                    .get("/api/v1/stories/" + storyId + "?lang=" + lang).then().statusCode(200).extract().jsonPath()
                    .<String, Object>getMap("media[0]"), item -> item != null && !((List<?>) item.get("renditions")).isEmpty());
            assertThat(image.get("role")).isEqualTo("infographic");
            assertThat(image.get("altText")).isEqualTo(plan.media().path("altText").path("export-chart").path(lang).asText());
            assertThat(image.get("caption")).isEqualTo(plan.titles().get("demo-007").get(lang));
            infographics.add((String) image.get("assetId"));
            Consumers.withKey(key).get("/api/v1/stories/" + storyId + "?lang=" + lang).then()
                    .body("media.size()", equalTo(1))
                    .body("media[0].renditions.url", hasItem(endsWith(".webp")));
        }
        assertThat(new HashSet<>(infographics)).hasSize(3);
        // km is not a language of the story: km,fr is served the French document, so the French image.
        Consumers.withKey(key).get("/api/v1/stories/" + storyId + "?lang=km,fr").then().statusCode(200)
                .body("media[0].assetId", equalTo(infographics.get(0)));

        String webp = Consumers.withKey(key).get("/api/v1/stories/" + storyId + "?lang=fr").then().extract().jsonPath()
                .<String>getList("media[0].renditions.url").stream().filter(url -> url.endsWith(".webp")).findFirst().orElseThrow();
        RestAssured.get(webp).then().statusCode(200).contentType("image/webp").header("Cache-Control", "public, max-age=31536000, immutable");
    }

    @Test
    void aDemoArticleIsPublishedWithItsLeadImageDescribedInEachLanguage() throws IOException {
        String storyId = importCopyOf("demo-005");
        assertThat(media.attach(storyId, "demo-005", LOADER)).isEqualTo(1);
        assertThat(workflow.publishDrafts(storyId, LOADER)).isEqualTo(5);

        String key = Consumers.reading().key();
        Consumers.withKey(key).get("/api/v1/stories/" + storyId + "?lang=uk").then().statusCode(200)
                .body("media[0].role", equalTo("lead"))
                .body("media[0].altText", equalTo(media.plan().media().path("altText").path("delta").path("uk").asText()))
                .body("media[0].credit", equalTo("Image Hub demo illustration"));
    }

    /** A demo story as its own story (a fresh external id; topics and key messages of the demo are not in the test data). */
    private String importCopyOf(String externalId) throws IOException {
        String line;
        try (InputStream stories = DemoMediaTests.class.getResourceAsStream("/demo/stories.ndjson")) {
            line = new String(stories.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(candidate -> candidate.contains("\"externalId\":\"" + externalId + "\"")).findFirst().orElseThrow();
        }
        ObjectNode story = (ObjectNode) objectMapper.readTree(line);
        story.put("externalId", externalId + "-" + UUID.randomUUID());
        story.putArray("topics");
        story.putArray("keyMessages");
        List<String> ids = new ArrayList<>();
        importer.importStories(new ByteArrayInputStream(objectMapper.writeValueAsBytes(story)), LOADER, result -> {
            assertThat(result.id()).as("import of %s: %s %s", externalId, result.detail(), result.errors()).isNotNull();
            ids.add(result.id());
        });
        return ids.get(0);
    }
}
