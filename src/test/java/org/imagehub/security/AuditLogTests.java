package org.imagehub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.imagehub.testing.Api;
import org.imagehub.testing.Database;
import org.imagehub.testing.Stories;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditLogTests {
    private static final String AUDIT = "/api/v1/manage/audit";

    @Test
    void everyWriteIsRecordedWithWhoWhatWhenAndTheRequestId() {
        String id = Api.asPerson("editor.hue", "hue-province", "editor").header("X-Request-Id", "audit-test-create-1")
                .body(Stories.article().inLanguages("vi").build()).post("/api/v1/manage/stories")
                .then().statusCode(201).header("X-Request-Id", "audit-test-create-1").extract().path("id");

        Map<String, Object> entry = Api.asAdmin().get(AUDIT + "?targetId=" + id).then().statusCode(200).extract().path("items[0]");
        assertThat(entry).containsEntry("actor", "editor.hue").containsEntry("organisation", "hue-province")
                .containsEntry("action", "story.created").containsEntry("targetType", "story").containsEntry("targetId", id)
                .containsEntry("revision", 1).containsEntry("requestId", "audit-test-create-1");
        assertThat((String) entry.get("at")).endsWith("Z");
    }

    @Test
    void adminsFilterAndPageTheLog() {
        String id = Api.asPerson("editor.hue", "hue-province", "editor").body(Stories.article().inLanguages("vi", "fr", "en").build())
                .post("/api/v1/manage/stories").then().statusCode(201).extract().path("id");
        for (String lang : List.of("vi", "fr", "en")) {
            String path = "/api/v1/manage/stories/" + id + "/localizations/" + lang;
            String etag = Api.asAdmin().get(path).then().extract().header("ETag");
            Api.asAdmin().header("If-Match", etag).body(Map.of("action", "submit")).post(path + "/workflow").then().statusCode(200);
        }
        List<String> actions = Api.asAdmin().get(AUDIT + "?targetId=" + id + "&action=localization.submit").then().statusCode(200)
                .extract().path("items.action");
        assertThat(actions).hasSize(3).containsOnly("localization.submit");
        String next = Api.asAdmin().get(AUDIT + "?targetId=" + id + "&limit=2").then().statusCode(200).body("items.size()", equalTo(2))
                .extract().path("next");
        Api.asAdmin().get(AUDIT + "?targetId=" + id + "&limit=2&cursor=" + next).then().statusCode(200).body("items.size()", equalTo(2))
                .body("next", equalTo(null));
        Api.asAdmin().get(AUDIT + "?actor=admin&since=2020-01-01T00:00:00Z&limit=1").then().statusCode(200).body("items[0].actor", equalTo("admin"));
        Api.asAdmin().get(AUDIT + "?since=yesterday").then().statusCode(400).body("errors[0].field", equalTo("query.since"));
    }

    @Test
    void onlyAdminsReadItAndNothingChangesIt() {
        Api.as("editor.mofa").get(AUDIT).then().statusCode(403);
        Api.asAdmin().body(Map.of()).put(AUDIT).then().statusCode(405);
        Api.asAdmin().delete(AUDIT).then().statusCode(405);
        assertThatThrownBy(() -> Database.update("update audit_entry set actor = 'someone else'"))
                .hasRootCauseMessage("ERROR: audit_entry is append-only\n  Where: PL/pgSQL function audit_entry_append_only() line 3 at RAISE");
        assertThatThrownBy(() -> Database.update("delete from audit_entry")).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> Database.update("truncate audit_entry")).rootCause().hasMessageContaining("append-only");
    }
}
