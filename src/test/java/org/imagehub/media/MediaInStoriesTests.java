package org.imagehub.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.imagehub.media.MediaUploadTests.MEDIA;
import static org.imagehub.media.MediaUploadTests.ready;
import static org.imagehub.media.MediaUploadTests.upload;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
import org.imagehub.testing.Api;
import org.imagehub.testing.Database;
import org.imagehub.testing.Publishing;
import org.imagehub.testing.Stories;
import org.imagehub.testing.TestImages;
import org.junit.jupiter.api.Test;

/** Stories use assets by id and role: deletion, the alt-text rule at publication, and public files of published stories. */
@QuarkusTest
class MediaInStoriesTests {
    private static String story() {
        return Api.as("editor.mofa").body(Stories.article().inLanguages("fr", "en").build()).post("/api/v1/manage/stories")
                .then().statusCode(201).extract().path("id");
    }

    private static String use(String storyId, List<Map<String, Object>> items) {
        String etag = Api.as("editor.mofa").get("/api/v1/manage/stories/" + storyId).then().statusCode(200).extract().header("ETag");
        return Api.as("editor.mofa").header("If-Match", etag).body(Map.of("items", items)).put("/api/v1/manage/stories/" + storyId + "/media")
                .then().statusCode(200).extract().header("ETag");
    }

    @Test
    void anAssetAStoryUsesCannotBeDeletedAndTheStoryIsNamed() {
        String asset = upload("editor.mofa", "lead.jpg", TestImages.jpeg(500, 300), "image/jpeg").then().statusCode(201).extract().path("id");
        String storyId = story();
        use(storyId, List.of(Map.of("assetId", asset, "role", "lead")));

        Api.as("editor.mofa").delete(MEDIA + "/" + asset).then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors.message", hasItem(storyId))
                .body("detail", org.hamcrest.Matchers.containsString(storyId));
        Api.as("editor.mofa").get(MEDIA + "/" + asset).then().statusCode(200);

        use(storyId, List.of());
        Api.as("editor.mofa").delete(MEDIA + "/" + asset).then().statusCode(204);
    }

    @Test
    void storyMediaIsValidatedAndNeedsTheStoryETag() {
        String storyId = story();
        Api.as("editor.mofa").body(Map.of("items", List.of())).put("/api/v1/manage/stories/" + storyId + "/media").then().statusCode(428);
        String etag = Api.as("editor.mofa").get("/api/v1/manage/stories/" + storyId).then().extract().header("ETag");
        Api.as("editor.mofa").header("If-Match", etag)
                .body(Map.of("items", List.of(Map.of("assetId", "nope", "role", "hero"))))
                .put("/api/v1/manage/stories/" + storyId + "/media").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("items[0].assetId", "items[0].role"));
    }

    @Test
    void publishDraftsRefusesAStoryWhoseLeadImageLacksAltTextAndPublishesTheOthersOfTheRequest() {
        String lead = upload("editor.mofa", "bulk-lead.jpg", TestImages.jpeg(640, 480), "image/jpeg").then().statusCode(201).extract().path("id");
        String withImage = story();
        use(withImage, List.of(Map.of("assetId", lead, "role", "lead")));
        String withoutImage = story();

        Map<String, Object> result = Api.asAdmin().body(Map.of("storyIds", List.of(withImage, withoutImage)))
                .post("/api/v1/manage/workflow/publish-drafts").then().statusCode(200).extract().as(Map.class);

        assertThat(result).containsEntry("published", 2);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> outcomes = (List<Map<String, Object>>) result.get("stories");
        assertThat(outcomes).extracting(outcome -> outcome.get("published")).containsExactly(0, 2);
        assertThat((String) outcomes.get(0).get("detail")).contains("alt text");
        assertThat(Database.value("select count(*) from localization where story_id = ? and status = 'draft'", withImage)).isEqualTo(2L);
    }

    @Test
    void aLanguageIsPublishedOnlyWhenItsLeadAndInfographicImagesHaveAltTextInItAndThenTheirFilesArePublic() {
        String lead = upload("editor.mofa", "lead.jpg", TestImages.jpeg(800, 600), "image/jpeg").then().statusCode(201).extract().path("id");
        String infographicFr = upload("editor.mofa", "info-fr.png", TestImages.png(600, 900), "image/png").then().statusCode(201).extract().path("id");
        String storyId = story();
        use(storyId, List.of(Map.of("assetId", lead, "role", "lead"), Map.of("assetId", infographicFr, "role", "infographic", "lang", "fr")));

        Publishing.act(storyId, "fr", "admin", "submit");
        Publishing.act(storyId, "fr", "admin", "approve");
        String etag = Api.asAdmin().get(Publishing.localization(storyId, "fr")).then().extract().header("ETag");
        Api.asAdmin().header("If-Match", etag).body(Map.of("action", "publish")).post(Publishing.localization(storyId, "fr") + "/workflow")
                .then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("media[0].texts.fr.altText", "media[1].texts.fr.altText"));

        Map<String, Object> asset = ready(lead);
        // French is approved: what is said about its images would go out without another review, so an approver says it.
        Map<String, Object> frenchTexts = Map.of("texts", Map.of("fr", Map.of("caption", "Légende", "altText", "Une image décrite")));
        String leadVersion = Api.as("editor.mofa").get(MEDIA + "/" + lead).then().extract().header("ETag");
        Api.as("editor.mofa").header("If-Match", leadVersion).body(frenchTexts).put(MEDIA + "/" + lead).then().statusCode(403)
                .body("type", equalTo("urn:image-hub:problem:forbidden"));
        String storyVersion = Api.as("editor.mofa").get("/api/v1/manage/stories/" + storyId).then().extract().header("ETag");
        Api.as("editor.mofa").header("If-Match", storyVersion).body(Map.of("items", List.of(Map.of("assetId", lead, "role", "lead"))))
                .put("/api/v1/manage/stories/" + storyId + "/media").then().statusCode(403);
        assertThat(Api.as("editor.mofa").get("/api/v1/manage/stories/" + storyId + "/media").then().statusCode(200).extract()
                .jsonPath().getList("items.assetId", String.class)).containsExactly(lead, infographicFr);
        for (String id : List.of(lead, infographicFr)) {
            String assetEtag = Api.as("approver.mofa").get(MEDIA + "/" + id).then().extract().header("ETag");
            Api.as("approver.mofa").header("If-Match", assetEtag).body(frenchTexts).put(MEDIA + "/" + id).then().statusCode(200);
        }
        String medium = MediaLibraryTests.fileUrl(ready(lead), "medium", "image/webp");
        RestAssured.get(medium).then().statusCode(404);

        Publishing.act(storyId, "fr", "admin", "publish");
        // English has no infographic of its own and no English alt text for the lead: refused, naming only the lead.
        Publishing.act(storyId, "en", "admin", "submit");
        Publishing.act(storyId, "en", "admin", "approve");
        String en = Api.asAdmin().get(Publishing.localization(storyId, "en")).then().extract().header("ETag");
        Api.asAdmin().header("If-Match", en).body(Map.of("action", "publish")).post(Publishing.localization(storyId, "en") + "/workflow")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.contains("media[0].texts.en.altText"));

        var answer = RestAssured.get(medium).then().statusCode(200)
                .contentType("image/webp")
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .extract();
        String etagHeader = answer.header("ETag");
        assertThat(etagHeader).matches("\"[0-9a-f]{64}\"");
        assertThat(medium).contains(etagHeader.substring(1, 17));
        assertThat(answer.asByteArray().length).isEqualTo(Integer.parseInt(answer.header("Content-Length")));
        RestAssured.given().header("If-None-Match", etagHeader).get(medium).then().statusCode(304).header("ETag", equalTo(etagHeader));

        // Delivery: the French document shows the lead and the French infographic, with French alt text; km,fr falls back to it.
        String key = org.imagehub.testing.Consumers.reading().key();
        // The infographic's renditions may be made after the publication: the published document is brought up to date then.
        ready(infographicFr);
        org.imagehub.testing.Eventually.until("the infographic's renditions in the published story", () -> org.imagehub.testing.Consumers
                .withKey(key).get("/api/v1/stories/" + storyId + "?lang=fr").then().statusCode(200).extract().jsonPath()
                .getList("media[1].renditions.url", String.class), urls -> urls.stream().anyMatch(url -> url.endsWith(".webp")));
        for (String chain : List.of("fr", "km,fr")) {
            org.imagehub.testing.Consumers.withKey(key).get("/api/v1/stories/" + storyId + "?lang=" + chain).then().statusCode(200)
                    .header("Content-Language", "fr")
                    .body("media.assetId", org.hamcrest.Matchers.contains(lead, infographicFr))
                    .body("media.role", org.hamcrest.Matchers.contains("lead", "infographic"))
                    .body("media[0].altText", equalTo("Une image décrite"))
                    .body("media[1].renditions.url", hasItem(org.hamcrest.Matchers.endsWith(".webp")));
        }
        org.imagehub.testing.Consumers.withKey(key).get("/api/v1/stories/" + storyId + "/ninjs?lang=fr").then().statusCode(200)
                .body("associations.uri", hasItem("urn:image-hub:media:" + lead));
        org.imagehub.testing.Consumers.withKey(key).get("/api/v1/feeds/fr.json").then().statusCode(200)
                .body("items.find { it.id.contains('" + storyId + "') }.attachments.size()", equalTo(2));
        // An English alt text for the lead: English is published, without the French infographic.
        String leadEtag = Api.as("approver.mofa").get(MEDIA + "/" + lead).then().extract().header("ETag");
        Api.as("approver.mofa").header("If-Match", leadEtag).body(Map.of("texts", Map.of(
                        "fr", Map.of("caption", "Légende", "altText", "Une image décrite"), "en", Map.of("altText", "A described image"))))
                .put(MEDIA + "/" + lead).then().statusCode(200);
        Publishing.act(storyId, "en", "admin", "publish");
        org.imagehub.testing.Consumers.withKey(key).get("/api/v1/stories/" + storyId + "?lang=en").then().statusCode(200)
                .body("media.assetId", org.hamcrest.Matchers.contains(lead))
                .body("media[0].altText", equalTo("A described image"));
        assertThat(asset.get("id")).isEqualTo(lead);
    }

    @Test
    void aPublicFileIsServedFromMemoryWhilePublishedAndNotAtAllOnceItsStoryIsWithdrawn() {
        String photo = upload("editor.mofa", "gallery.jpg", TestImages.jpeg(640, 480), "image/jpeg").then().statusCode(201).extract().path("id");
        String storyId = story();
        use(storyId, List.of(Map.of("assetId", photo, "role", "gallery")));
        String small = MediaLibraryTests.fileUrl(ready(photo), "thumbnail", "image/jpeg");
        RestAssured.get(small).then().statusCode(404);
        Publishing.publishAll(storyId);

        double hitsBefore = fileCacheHits();
        byte[] first = RestAssured.get(small).then().statusCode(200).contentType("image/jpeg").extract().asByteArray();
        byte[] second = RestAssured.get(small).then().statusCode(200).contentType("image/jpeg").extract().asByteArray();
        assertThat(second).isEqualTo(first);
        assertThat(first).startsWith((byte) 0xFF, (byte) 0xD8);
        assertThat(fileCacheHits()).isGreaterThanOrEqualTo(hitsBefore + 1);

        for (String lang : List.of("fr", "en")) {
            String etag = Api.asAdmin().get(Publishing.localization(storyId, lang)).then().extract().header("ETag");
            Api.asAdmin().header("If-Match", etag).body(Map.of("action", "withdraw", "comment", "Wrong photo"))
                    .post(Publishing.localization(storyId, lang) + "/workflow").then().statusCode(200);
        }
        // Held in memory or not, the file of a story nobody may read any more is gone at once.
        RestAssured.get(small).then().statusCode(404);
    }

    private static double fileCacheHits() {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("cache_gets_total{cache=\"media-files\",result=\"hit\"}"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
