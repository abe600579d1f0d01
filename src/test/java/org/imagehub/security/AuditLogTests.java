package org.imagehub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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

    /** The actions recorded for {@code targetId}, oldest first, with the revision each names. */
    private static List<String> actionsOn(String targetId) {
        List<Map<String, Object>> entries = Api.asAdmin().get(AUDIT + "?targetId=" + targetId + "&limit=100").then().statusCode(200)
                .extract().path("items");
        List<String> actions = new java.util.ArrayList<>(entries.stream()
                .map(entry -> entry.get("action") + "@" + entry.get("revision") + " by " + entry.get("actor")).toList());
        java.util.Collections.reverse(actions);
        return actions;
    }

    @Test
    void securityChangesReachTheOutboxAsTypedEventsBesideTheirAuditEntries() {
        String suffix = Long.toString(System.nanoTime(), 36);
        Map<String, Object> consumer = Map.of("name", "Announced consumer " + suffix, "kind", "embassy-site", "scopes", List.of("content:read"));
        String consumerId = Api.asAdmin().header("X-Request-Id", "outbox-consumer-" + suffix).body(consumer).post("/api/v1/manage/consumers")
                .then().statusCode(201).extract().path("id");
        String keyId = Api.asAdmin().body(Map.of()).post("/api/v1/manage/consumers/" + consumerId + "/keys").then().statusCode(201).extract().path("id");
        String organisation = "announced-org-" + suffix;
        Api.asAdmin().body(Map.of("name", "Announced embassy", "kind", "embassy")).put("/api/v1/manage/organisations/" + organisation)
                .then().statusCode(201);

        assertThat(Database.column("select event_type || ' ' || (payload->>'actor') || ' ' || (payload->>'schemaVersion') from outbox_event"
                + " where aggregate_type = 'consumer' and aggregate_id = ? order by id", consumerId))
                .containsExactly("consumer.created admin 1", "api-key.issued admin 1");
        assertThat(Database.value("select payload->>'requestId' from outbox_event where aggregate_id = ? and event_type = 'consumer.created'",
                consumerId)).isEqualTo("outbox-consumer-" + suffix);
        assertThat(Database.value("select payload->>'keyId' from outbox_event where aggregate_id = ? and event_type = 'api-key.issued'",
                consumerId)).isEqualTo(keyId);
        assertThat(Database.column("select event_type from outbox_event where aggregate_type = 'organisation' and aggregate_id = ?", organisation))
                .containsExactly("organisation.created");
    }

    @Test
    void consumersKeysTopicsOrganisationsAndKeyMessagesAreAudited() {
        String suffix = Long.toString(System.nanoTime(), 36);
        Map<String, Object> consumer = Map.of("name", "Audited consumer " + suffix, "kind", "embassy-site", "scopes", List.of("content:read"));
        String consumerId = Api.asAdmin().body(consumer).post("/api/v1/manage/consumers").then().statusCode(201).extract().path("id");
        Api.asAdmin().header("If-Match", "\"v1\"").body(Map.of("name", "Audited consumer " + suffix, "kind", "embassy-site",
                "scopes", List.of("content:read"), "languages", List.of("fr"))).put("/api/v1/manage/consumers/" + consumerId).then().statusCode(200);
        String keyId = Api.asAdmin().body(Map.of()).post("/api/v1/manage/consumers/" + consumerId + "/keys").then().statusCode(201).extract().path("id");
        Api.asAdmin().delete("/api/v1/manage/consumers/" + consumerId + "/keys/" + keyId).then().statusCode(200);
        assertThat(actionsOn(consumerId)).containsExactly("consumer.created@1 by admin", "consumer.updated@2 by admin",
                "api-key.issued@null by admin", "api-key.revoked@null by admin");
        List<Map<String, Object>> keyEntries = Api.asAdmin().get(AUDIT + "?targetId=" + consumerId + "&action=api-key.revoked").then().statusCode(200)
                .extract().path("items");
        assertThat(keyEntries).singleElement().satisfies(entry -> assertThat(entry.get("details")).isEqualTo(Map.of("keyId", keyId)));

        String topic = "audited-" + suffix;
        Api.asAdmin().body(Map.of("labels", Map.of("en", "Audited"))).put("/api/v1/manage/topics/" + topic).then().statusCode(201);
        Api.asAdmin().header("If-Match", "\"v1\"").body(Map.of("labels", Map.of("en", "Audited again"))).put("/api/v1/manage/topics/" + topic)
                .then().statusCode(200);
        assertThat(actionsOn(topic)).containsExactly("topic.created@1 by admin", "topic.updated@2 by admin");

        String organisation = "audited-org-" + suffix;
        Api.asAdmin().body(Map.of("name", "Audited embassy", "kind", "embassy")).put("/api/v1/manage/organisations/" + organisation).then().statusCode(201);
        Api.asAdmin().header("If-Match", "\"v1\"").body(Map.of("name", "Audited embassy, renamed", "kind", "embassy"))
                .put("/api/v1/manage/organisations/" + organisation).then().statusCode(200);
        assertThat(actionsOn(organisation)).containsExactly("organisation.created@1 by admin", "organisation.updated@2 by admin");

        String keyMessage = "km-audited-" + suffix;
        Api.as("approver.mofa").body(Map.of("code", keyMessage, "owner", "mofa", "translations", Map.of("vi", "Thông điệp")))
                .post("/api/v1/manage/key-messages").then().statusCode(201);
        Api.as("approver.mofa").header("If-Match", "\"v1\"").body(Map.of("code", keyMessage, "owner", "mofa", "translations", Map.of("vi", "Thông điệp mới")))
                .put("/api/v1/manage/key-messages/" + keyMessage).then().statusCode(200);
        assertThat(actionsOn(keyMessage)).containsExactly("key-message.created@1 by approver.mofa", "key-message.updated@2 by approver.mofa");
    }

    @Test
    void onlyAdminsReadItAndNothingChangesIt() {
        Api.as("editor.mofa").get(AUDIT).then().statusCode(403);
        Api.asAdmin().body(Map.of()).put(AUDIT).then().statusCode(405);
        Api.asAdmin().delete(AUDIT).then().statusCode(405);
    }

    @Test
    void theHubsOwnLoginMayOnlyAddToAndReadTheLog() throws SQLException {
        Api.asPerson("editor.hue", "hue-province", "editor").body(Stories.article().inLanguages("vi").build())
                .post("/api/v1/manage/stories").then().statusCode(201);
        try (Connection app = Database.asApplication(); Statement sql = app.createStatement()) {
            assertThat(app.getMetaData().getUserName()).isNotEqualTo(ownerName());
            for (String change : List.of("update audit_entry set actor = 'someone else'", "delete from audit_entry",
                    "truncate audit_entry", "drop table audit_entry", "alter table audit_entry disable trigger audit_entry_no_change",
                    "drop trigger audit_entry_no_change on audit_entry")) {
                // 42501: refused by the grants, before any trigger runs.
                assertThatThrownBy(() -> sql.execute(change)).as(change).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(e.getMessage()).isEqualTo("42501"));
            }
            long before = count(sql);
            sql.execute("insert into audit_entry (id, at, actor, action, target_type, target_id) "
                    + "values (nextval('audit_entry_id_seq'), now(), 'grant-test', 'test.inserted', 'test', 'grant-test')");
            assertThat(count(sql)).isEqualTo(before + 1);
        }
    }

    @Test
    void theTriggersStillRefuseChangesEvenToTheSchemaOwner() throws SQLException {
        try (Connection owner = Database.asOwner(); Statement sql = owner.createStatement()) {
            assertThatThrownBy(() -> sql.execute("update audit_entry set actor = 'someone else'"))
                    .hasMessageContaining("ERROR: audit_entry is append-only");
            assertThatThrownBy(() -> sql.execute("delete from audit_entry")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.execute("truncate audit_entry")).hasMessageContaining("append-only");
        }
    }

    @Test
    void tablesOfLaterMigrationsAreGrantedToTheHubsLogin() throws SQLException {
        try (Connection owner = Database.asOwner(); Statement ddl = owner.createStatement()) {
            ddl.execute("create table grant_probe (id bigserial primary key, note text)");
            try (Connection app = Database.asApplication(); Statement sql = app.createStatement()) {
                sql.execute("insert into grant_probe (note) values ('written by the hub login')");
                sql.execute("update grant_probe set note = 'changed'");
                assertThat(Database.value("select note from grant_probe")).isEqualTo("changed");
                assertThatThrownBy(() -> sql.execute("drop table grant_probe")).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            } finally {
                ddl.execute("drop table grant_probe");
            }
        }
    }

    private static long count(Statement sql) throws SQLException {
        try (var rows = sql.executeQuery("select count(*) from audit_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String ownerName() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.flyway.username", String.class);
    }
}
