package org.imagehub.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imagehub.testing.Api;
import org.imagehub.testing.Consumers;
import org.imagehub.testing.Database;
import org.imagehub.testing.Publishing;
import org.imagehub.testing.Stories;
import org.junit.jupiter.api.Test;

/** No editor changes what consumers see without an approver; every attribute change is a revision with its diff. */
@QuarkusTest
class EditorialIntegrityTests {
    private static final String STORIES = "/api/v1/manage/stories";

    private static Stories factCheck(String verdict) {
        return Stories.of("fact-check", Map.of("claimant", "An anonymous account",
                        "circulatedOn", List.of(Map.of("platform", "Social network", "url", "https://example.org/post/1")),
                        "verdict", verdict, "evidence", List.of(Map.of("title", "Official statistics", "url", "https://example.org/stats"))))
                .withLocalization(Map.of("lang", "fr", "title", "Non, les plages restent ouvertes " + System.nanoTime(),
                        "body", "<p>Les plages restent ouvertes.</p>",
                        "fields", Map.of("claimQuoted", "La province a fermé ses plages.", "officialFacts", "Aucune plage n'est fermée.")));
    }

    /** The story's attributes as the management API shows them, with the verdict replaced, ready for a PUT. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withVerdict(String id, String verdict) {
        Map<String, Object> story = Api.asAdmin().get(STORIES + "/" + id).then().statusCode(200).extract().as(Map.class);
        Map<String, Object> fields = new LinkedHashMap<>((Map<String, Object>) story.get("fields"));
        fields.put("verdict", verdict);
        Map<String, Object> body = attributes(story);
        body.put("fields", fields);
        return body;
    }

    private static Map<String, Object> attributes(Map<String, Object> story) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String key : List.of("type", "organisation", "priority", "topics", "countries", "tags", "keyMessages", "rights", "fields",
                "embargoUntil", "expiresAt")) {
            if (story.get(key) != null) {
                body.put(key, story.get(key));
            }
        }
        return body;
    }

    private static String etag(String path) {
        return Api.asAdmin().get(path).then().statusCode(200).extract().header("ETag");
    }

    private static String consumerVerdict(String key, String id) {
        return Consumers.withKey(key).get("/api/v1/stories/" + id + "?lang=fr").then().statusCode(200).extract().path("storyFields.verdict");
    }

    @Test
    void anEditorCannotChangeTheVerdictOfALiveFactCheckAndAnApproverChangeIsARevisionWithItsDiff() {
        String key = Consumers.reading("fr").key();
        String id = Publishing.published(factCheck("misleading"));
        assertThat(consumerVerdict(key, id)).isEqualTo("misleading");

        Api.as("editor.mofa").header("If-Match", etag(STORIES + "/" + id)).body(withVerdict(id, "accurate")).put(STORIES + "/" + id)
                .then().statusCode(403).contentType("application/problem+json");
        assertThat(consumerVerdict(key, id)).isEqualTo("misleading");
        assertThat(Database.value("select fields->>'verdict' from story where id = ?", id)).isEqualTo("misleading");

        Api.as("approver.mofa").header("If-Match", etag(STORIES + "/" + id)).body(withVerdict(id, "false")).put(STORIES + "/" + id)
                .then().statusCode(200);
        assertThat(consumerVerdict(key, id)).isEqualTo("false");

        JsonPath revisions = Api.as("editor.mofa").get(STORIES + "/" + id + "/attribute-revisions").then().statusCode(200).extract().jsonPath();
        assertThat(revisions.getInt("items[0].number")).isEqualTo(1);
        assertThat(revisions.getString("items[0].createdBy")).isEqualTo("approver.mofa");
        assertThat(revisions.getString("items[0].changes[0].field")).isEqualTo("fields");
        assertThat(revisions.getString("items[0].changes[0].from.verdict")).isEqualTo("misleading");
        assertThat(revisions.getString("items[0].changes[0].to.verdict")).isEqualTo("false");
        String audit = (String) Database.value("select cast(details as text) from audit_entry where target_id = ? and action = 'story.updated'", id);
        JsonPath details = JsonPath.from(audit);
        assertThat(details.getString("changes[0].from.verdict")).isEqualTo("misleading");
        assertThat(details.getString("changes[0].to.verdict")).isEqualTo("false");
    }

    @Test
    void onceALanguageIsApprovedOnlyAnApproverChangesTheRightsWhileDraftsStayOpenToEditors() {
        String id = Api.as("editor.mofa").body(Stories.article().inLanguages("vi").build()).post(STORIES).then().statusCode(201)
                .extract().path("id");
        Map<String, Object> body = attributes(Api.asAdmin().get(STORIES + "/" + id).then().extract().as(Map.class));
        body.put("rights", Map.of("credit", "Draft credit", "source", "Ministry", "licence", "CC-BY-4.0"));
        Api.as("editor.mofa").header("If-Match", etag(STORIES + "/" + id)).body(body).put(STORIES + "/" + id).then().statusCode(200);

        Publishing.act(id, "vi", "editor.mofa", "submit");
        Publishing.act(id, "vi", "approver.mofa", "approve");
        body.put("rights", Map.of("credit", "Changed after approval", "source", "Ministry", "licence", "CC-BY-4.0"));
        Api.as("editor.mofa").header("If-Match", etag(STORIES + "/" + id)).body(body).put(STORIES + "/" + id).then().statusCode(403);
        assertThat(Database.value("select credit from story where id = ?", id)).isEqualTo("Draft credit");
    }

    @Test
    void movingTheEmbargoOrExpiryOfALiveStoryIsAnApproversActWithAReason() {
        String id = Publishing.published(Stories.article().inLanguages("vi"));
        Map<String, Object> body = attributes(Api.asAdmin().get(STORIES + "/" + id).then().extract().as(Map.class));
        body.put("expiresAt", Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        Api.as("editor.mofa").header("If-Match", etag(STORIES + "/" + id)).body(body).put(STORIES + "/" + id).then().statusCode(403);
        Api.as("approver.mofa").header("If-Match", etag(STORIES + "/" + id)).body(body).put(STORIES + "/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        body.put("reason", "Campaign ends with the summit");
        Api.as("approver.mofa").header("If-Match", etag(STORIES + "/" + id)).body(body).put(STORIES + "/" + id).then().statusCode(200);
        assertThat(Database.value("select details->>'reason' from audit_entry where target_id = ? and action = 'story.updated'", id))
                .isEqualTo("Campaign ends with the summit");
        assertThat(Database.value("select reason from story_attribute_revision where story_id = ?", id)).isEqualTo("Campaign ends with the summit");
    }

    /** Imports one NDJSON line as {@code user}; returns the line's result. */
    private static JsonPath importLine(String user, Map<String, Object> line) {
        Response response = Api.as(user).contentType("application/x-ndjson").body((toJson(line) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/manage/imports/stories");
        response.then().statusCode(200);
        List<JsonPath> results = new ArrayList<>();
        for (String result : response.asString().split("\n")) {
            JsonPath parsed = JsonPath.from(result);
            if (parsed.get("line") != null) {
                results.add(parsed);
            }
        }
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    private static String toJson(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theImportFollowsThePutRules() {
        String externalId = "integrity-" + System.nanoTime();
        Map<String, Object> line = factCheck("misleading").with("externalId", externalId).build();
        String id = importLine("editor.mofa", line).getString("id");
        Publishing.publishAll(id);

        // A live story's verdict: the editor's import line fails and consumers keep the approved verdict.
        Map<String, Object> changed = new LinkedHashMap<>(line);
        Map<String, Object> fields = new LinkedHashMap<>((Map<String, Object>) line.get("fields"));
        fields.put("verdict", "accurate");
        changed.put("fields", fields);
        JsonPath refused = importLine("editor.mofa", changed);
        assertThat(refused.getString("status")).isEqualTo("failed");
        assertThat(Database.value("select fields->>'verdict' from story where id = ?", id)).isEqualTo("misleading");

        // Another organisation, or one that does not exist: refused, nothing written.
        Map<String, Object> elsewhere = Stories.article().inLanguages("vi").with("externalId", "elsewhere-" + System.nanoTime())
                .with("organisation", "hue-province").build();
        assertThat(importLine("editor.mofa", elsewhere).getString("status")).isEqualTo("failed");
        Map<String, Object> nowhere = Stories.article().inLanguages("vi").with("externalId", "nowhere-" + System.nanoTime())
                .with("organisation", "no-such-organisation").build();
        JsonPath unknown = importLine("admin", nowhere);
        assertThat(unknown.getString("status")).isEqualTo("failed");
        assertThat(unknown.getString("errors[0].field")).isEqualTo("organisation");
        assertThat(Database.value("select count(*) from story where organisation = 'no-such-organisation'")).isEqualTo(0L);
    }

    @Test
    void anotherOrganisationsExternalIdRevealsNothing() {
        String externalId = "shared-id-" + System.nanoTime();
        String hueStory = importLine("editor.hue", Stories.article().inLanguages("vi").with("externalId", externalId).build()).getString("id");
        JsonPath mine = importLine("editor.mofa", Stories.article().inLanguages("vi").with("externalId", externalId).build());
        assertThat(mine.getString("status")).isEqualTo("created");
        assertThat(mine.getString("id")).isNotEqualTo(hueStory);
        assertThat(mine.prettify()).doesNotContain(hueStory).doesNotContain("hue-province");
        assertThat(Database.value("select organisation from story where id = ?", hueStory)).isEqualTo("hue-province");
    }

    @Test
    void embargoedContentIsNotReadableByAnotherOrganisationsEditors() {
        String id = Api.as("editor.hue").body(Stories.article().inLanguages("vi")
                        .with("embargoUntil", Instant.now().plus(1, ChronoUnit.DAYS).toString()).build())
                .post(STORIES).then().statusCode(201).extract().path("id");
        Publishing.publishAll(id);
        Api.as("editor.hue").get(STORIES + "/" + id).then().statusCode(200);
        Api.as("editor.mofa").get(STORIES + "/" + id).then().statusCode(404);
        Api.as("editor.mofa").get(Publishing.localization(id, "vi")).then().statusCode(404);
        List<String> listed = Api.as("editor.mofa").queryParam("limit", 100).get(STORIES).then().statusCode(200).extract().path("items.id");
        assertThat(listed).doesNotContain(id);
    }

    @Test
    void workflowHistoryIsForTheOwningAndCentralOrganisationsOnly() {
        String id = Api.as("editor.hue").body(Stories.article().inLanguages("vi").build()).post(STORIES).then().statusCode(201)
                .extract().path("id");
        Publishing.publishAll(id);
        String history = Publishing.localization(id, "vi") + "/workflow";
        Api.as("editor.hue").get(history).then().statusCode(200).body("transitions.size()", equalTo(3));
        Api.as("contributor.embassy-fr").get(history).then().statusCode(404);
        Api.as("editor.mofa").get(history).then().statusCode(200);
    }

    @Test
    void keyMessagesAreChangedOnlyByApproversOfTheirOwner() {
        String code = "km-owned-" + System.nanoTime();
        Map<String, Object> message = Map.of("code", code, "owner", "hue-province", "translations", Map.of("vi", "Thông điệp"));
        Api.asPerson("approver.embassy", "embassy-fr", "approver").body(message).post("/api/v1/manage/key-messages").then().statusCode(403);
        Api.asPerson("approver.hue", "hue-province", "approver").body(message).post("/api/v1/manage/key-messages").then().statusCode(201);
        String path = "/api/v1/manage/key-messages/" + code;
        Map<String, Object> change = Map.of("translations", Map.of("vi", "Thông điệp mới"));
        Api.asPerson("approver.embassy", "embassy-fr", "approver").header("If-Match", "\"v1\"").body(change).put(path).then().statusCode(403);
        assertThat(Database.value("select text from key_message_translation where key_message_code = ? and lang = 'vi'", code)).isEqualTo("Thông điệp");
        Api.as("approver.mofa").header("If-Match", "\"v1\"").body(change).put(path).then().statusCode(200);
        assertThat(Database.value("select owner_organisation from key_message where code = ?", code)).isEqualTo("hue-province");
        Api.asAdmin().body(Map.of("code", code + "-x", "owner", "no-such-organisation", "translations", Map.of("vi", "x")))
                .post("/api/v1/manage/key-messages").then().statusCode(400).body("errors[0].field", equalTo("owner"));
    }

    @Test
    void aLanguageStaysCoveredWhileItsApprovedRevisionIsLiveAndTheNextEditIsADraft() {
        String code = "km-coverage-" + System.nanoTime();
        Api.as("approver.mofa").body(Map.of("code", code, "owner", "mofa", "translations", Map.of("vi", "Thông điệp")))
                .post("/api/v1/manage/key-messages").then().statusCode(201);
        String id = Publishing.published(Stories.article().inLanguages("vi").with("keyMessages", List.of(code)));
        String path = Publishing.localization(id, "vi");
        Api.as("editor.mofa").header("If-Match", etag(path)).body(Map.of("title", "Sửa tiêu đề " + id, "body", "<p>Nội dung.</p>"))
                .put(path).then().statusCode(200).body("status", equalTo("draft"));
        List<String> covered = Api.as("editor.mofa").get("/api/v1/manage/key-messages/coverage").then().statusCode(200).extract()
                .path("items.find { it.code == '" + code + "' }.languagesWithContent");
        assertThat(covered).contains("vi");
    }

    @Test
    void aBySlugMissRevealsNoId() {
        String id = Publishing.published(Stories.article().inLanguages("fr")
                .with("embargoUntil", Instant.now().plus(1, ChronoUnit.DAYS).toString()));
        String slug = (String) Database.value("select slug from localization where story_id = ?", id);
        String answer = Consumers.withKey(Consumers.reading().key()).get("/api/v1/stories/by-slug/fr/" + slug).then().statusCode(404)
                .extract().asString();
        assertThat(answer).doesNotContain(id);
    }

    @Test
    void aSlugClashNamesNoOtherStory() {
        Map<String, Object> first = Stories.article().withLocalization(Map.of("lang", "vi", "title", "Tin", "slug", "slug-clash-" + System.nanoTime()))
                .build();
        String id = Api.as("editor.hue").body(first).post(STORIES).then().statusCode(201).extract().path("id");
        @SuppressWarnings("unchecked")
        String slug = (String) ((List<Map<String, Object>>) first.get("localizations")).get(0).get("slug");
        String answer = Api.as("editor.mofa").body(Stories.article().withLocalization(Map.of("lang", "vi", "title", "Tin khác", "slug", slug)).build())
                .post(STORIES).then().statusCode(409).extract().asString();
        assertThat(answer).doesNotContain(id).doesNotContain("hue-province").doesNotContain("Tin\"");
    }
}
