package org.imagehub.content.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.imagehub.testing.Api;
import org.imagehub.testing.Database;
import org.imagehub.testing.Eventually;
import org.imagehub.testing.Publishing;
import org.imagehub.testing.Stories;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WorkflowTests {
    private static final String STORIES = "/api/v1/manage/stories";

    @Test
    void aStoryGoesThroughReviewToPublicationAndEveryStepIsRecorded() {
        String id = create("editor.hue", "hue-province", Stories.article().inLanguages("vi"));
        String path = Publishing.localization(id, "vi");
        act(id, "vi", "editor.hue", "hue-province", "editor", "submit", "Ready for review").then().statusCode(200).body("status", equalTo("in_review"));
        act(id, "vi", "approver.hue", "hue-province", "approver", "approve", null).then().statusCode(200).body("status", equalTo("approved"));
        act(id, "vi", "approver.hue", "hue-province", "approver", "publish", null).then().statusCode(200)
                .body("status", equalTo("published")).body("publishedRevision", equalTo(1));

        List<Map<String, Object>> history = Api.asPerson("editor.hue", "hue-province", "editor").get(path + "/workflow")
                .then().statusCode(200).extract().path("transitions");
        assertThat(history).extracting(step -> step.get("action")).containsExactly("submit", "approve", "publish");
        assertThat(history).extracting(step -> step.get("actor")).containsExactly("editor.hue", "approver.hue", "approver.hue");
        assertThat(history.get(0)).containsEntry("comment", "Ready for review").containsEntry("from", "draft").containsEntry("to", "in_review");
        assertThat(Database.column("select action from audit_entry where target_id = ? order by id", id))
                .containsExactly("story.created", "localization.submit", "localization.approve", "localization.publish");
    }

    @Test
    void aCentralApproverFastTracksABreakingStoryAndTheRecordSaysSo() {
        String id = create("editor.hue", "hue-province", Stories.article().inLanguages("vi").with("priority", "breaking"));
        act(id, "vi", "approver.mofa", "mofa", "approver", "publish", "Breaking: official statement").then().statusCode(200)
                .body("status", equalTo("published"));
        List<Map<String, Object>> history = Api.asPerson("approver.mofa", "mofa", "approver").get(Publishing.localization(id, "vi") + "/workflow")
                .then().extract().path("transitions");
        assertThat(history).singleElement().satisfies(step -> assertThat(step).containsEntry("fastTracked", true).containsEntry("from", "draft"));
        assertThat(Database.value("select details->>'fastTracked' from audit_entry where target_id = ? and action = 'localization.publish'", id))
                .isEqualTo("true");
    }

    @Test
    void withdrawingNeedsAReasonAndTheReasonIsKept() {
        String id = publishedStory();
        act(id, "vi", "approver.hue", "hue-province", "approver", "withdraw", " ").then().statusCode(400)
                .body("errors[0].field", equalTo("comment"));
        act(id, "vi", "approver.hue", "hue-province", "approver", "withdraw", "Figures corrected by the ministry").then().statusCode(200)
                .body("status", equalTo("withdrawn")).body("withdrawnReason", equalTo("Figures corrected by the ministry"))
                .body("publishedRevision", equalTo(null));
    }

    @Test
    void editingPublishedTextReturnsItToDraftWhileTheApprovedRevisionStaysLive() {
        String id = publishedStory();
        String path = Publishing.localization(id, "vi");
        String etag = Api.asPerson("editor.hue", "hue-province", "editor").get(path).then().extract().header("ETag");
        Api.asPerson("editor.hue", "hue-province", "editor").header("If-Match", etag)
                .body(Map.of("title", "Tiêu đề đã sửa " + id, "body", "<p>Nội dung sửa.</p>")).put(path)
                .then().statusCode(200).body("status", equalTo("draft")).body("revision", equalTo(2)).body("publishedRevision", equalTo(1));
    }

    @Test
    void badRequestsAreExplained() {
        String id = create("editor.hue", "hue-province", Stories.article().inLanguages("vi"));
        act(id, "vi", "editor.hue", "hue-province", "editor", "teleport", null).then().statusCode(400).body("errors[0].field", equalTo("action"));
        Api.asPerson("editor.hue", "hue-province", "editor").body(Map.of("action", "submit")).post(Publishing.localization(id, "vi") + "/workflow")
                .then().statusCode(428);
        Publishing.act(id, "vi", "admin", "submit");
        Publishing.act(id, "vi", "admin", "approve");
        String etag = Api.asAdmin().get(Publishing.localization(id, "vi")).then().extract().header("ETag");
        Api.asAdmin().header("If-Match", etag).body(Map.of("action", "schedule", "at", "2020-01-01T00:00:00Z"))
                .post(Publishing.localization(id, "vi") + "/workflow").then().statusCode(400).body("errors[0].field", equalTo("at"));
        Api.asAdmin().header("If-Match", etag).body(Map.of("action", "approve")).post(Publishing.localization(id, "vi") + "/workflow")
                .then().statusCode(409).body("type", equalTo("urn:image-hub:problem:invalid-transition"));
    }

    @Test
    void otherOrganisationsSeeNeitherDraftsNorTheirStoriesUntilPublished() {
        String draft = create("editor.hue", "hue-province", Stories.article().inLanguages("vi"));
        Api.asPerson("editor.embassy", "embassy-fr", "editor").get(STORIES + "/" + draft).then().statusCode(404);
        List<String> listed = Api.asPerson("editor.embassy", "embassy-fr", "editor").get(STORIES + "?limit=100").then().statusCode(200)
                .extract().path("items.id");
        assertThat(listed).doesNotContain(draft);
        Api.asPerson("approver.mofa", "mofa", "approver").get(STORIES + "/" + draft).then().statusCode(200);

        String published = create("editor.hue", "hue-province", Stories.article().inLanguages("vi", "fr"));
        Publishing.act(published, "vi", "admin", "submit");
        Publishing.act(published, "vi", "admin", "approve");
        Publishing.act(published, "vi", "admin", "publish");
        List<String> languages = Api.asPerson("editor.embassy", "embassy-fr", "editor").get(STORIES + "/" + published).then().statusCode(200)
                .extract().path("localizations.lang");
        assertThat(languages).containsExactly("vi");
        Api.asPerson("editor.embassy", "embassy-fr", "editor").get(Publishing.localization(published, "fr")).then().statusCode(404);
        Api.asPerson("editor.embassy", "embassy-fr", "editor").get(Publishing.localization(published, "vi") + "/revisions").then().statusCode(404);
        Api.asPerson("editor.embassy", "embassy-fr", "editor").get(Publishing.localization(published, "vi")).then().statusCode(200);
    }

    @Test
    void aScheduledLocalizationIsPublishedAtItsTimeByTheHub() {
        String id = create("editor.hue", "hue-province", Stories.article().inLanguages("vi"));
        Publishing.act(id, "vi", "admin", "submit");
        Publishing.act(id, "vi", "admin", "approve");
        String etag = Api.asAdmin().get(Publishing.localization(id, "vi")).then().extract().header("ETag");
        Instant at = Instant.now().plusSeconds(2);
        Api.asAdmin().header("If-Match", etag).body(Map.of("action", "schedule", "at", at.toString()))
                .post(Publishing.localization(id, "vi") + "/workflow").then().statusCode(200).body("status", equalTo("scheduled"));
        Eventually.until("scheduled publication", () -> Database.value("select status from localization where story_id = ?", id), "published"::equals);
        Instant publishedAt = ((java.sql.Timestamp) Database.value("select published_at from localization where story_id = ?", id)).toInstant();
        assertThat(publishedAt).isAfterOrEqualTo(at);
        assertThat(Database.column("select actor from audit_entry where target_id = ? and action = 'localization.publish'", id))
                .containsExactly("system:timed-actions");
        assertThat(Database.value("select count(*) from outbox_event where aggregate_id = ? and event_type = 'localization.published'", id))
                .isEqualTo(1L);
    }

    @Test
    void embargoLiftAndExpiryAreTimedActionsThatRunOnce() {
        Instant embargo = Instant.now().plusSeconds(2);
        Instant expiry = Instant.now().plusSeconds(4);
        String id = create("editor.hue", "hue-province", Stories.article().inLanguages("vi")
                .with("embargoUntil", embargo.toString()).with("expiresAt", expiry.toString()));
        Publishing.act(id, "vi", "admin", "submit");
        Publishing.act(id, "vi", "admin", "approve");
        Publishing.act(id, "vi", "admin", "publish");
        Eventually.until("embargo lift", () -> Database.value("select embargo_lifted from story where id = ?", id), Boolean.TRUE::equals);
        Eventually.until("expiry", () -> Database.value("select status from localization where story_id = ?", id), "withdrawn"::equals);
        assertThat((String) Database.value("select withdrawn_reason from localization where story_id = ?", id)).startsWith("expired at ");
        assertThat(Database.column("select action from audit_entry where target_id = ? and actor = 'system:timed-actions' order by id", id))
                .containsExactly("story.embargo-lifted", "localization.withdraw");
    }

    private static String publishedStory() {
        String id = create("editor.hue", "hue-province", Stories.article().inLanguages("vi"));
        for (String action : List.of("submit", "approve", "publish")) {
            Publishing.act(id, "vi", "admin", action);
        }
        return id;
    }

    static String create(String user, String organisation, Stories story) {
        return Api.asPerson(user, organisation, "editor").body(story.build()).post(STORIES).then().statusCode(201).extract().path("id");
    }

    private static io.restassured.response.Response act(String id, String lang, String user, String organisation, String role, String action,
            String comment) {
        String path = Publishing.localization(id, lang);
        String etag = Api.asPerson(user, organisation, role).get(path).then().statusCode(200).extract().header("ETag");
        Map<String, Object> body = comment == null ? Map.of("action", action) : Map.of("action", action, "comment", comment);
        return Api.asPerson(user, organisation, role).header("If-Match", etag).body(body).post(path + "/workflow");
    }
}
