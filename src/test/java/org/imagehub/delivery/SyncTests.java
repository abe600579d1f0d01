package org.imagehub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.imagehub.testing.Api;
import org.imagehub.testing.Consumers;
import org.imagehub.testing.Database;
import org.imagehub.testing.Publishing;
import org.imagehub.testing.Stories;
import org.junit.jupiter.api.Test;

/** A consumer mirrors the hub through /api/v1/sync while editors publish, edit and withdraw. */
@QuarkusTest
class SyncTests {

    /** The consumer's copy: story id + language → title; applied from sync pages only. */
    private static final class Mirror {
        final Map<String, String> items = new HashMap<>();
        String token;
        int pages;

        void catchUp(String key) {
            boolean more = true;
            while (more) {
                JsonPath page = Consumers.withKey(key).queryParams(token == null ? Map.of("limit", "7") : Map.of("token", token, "limit", "7"))
                        .get("/api/v1/sync").then().statusCode(200).extract().jsonPath();
                for (Map<String, Object> change : page.<Map<String, Object>>getList("changes")) {
                    String item = change.get("id") + "/" + change.get("lang");
                    if ("upsert".equals(change.get("op"))) {
                        items.put(item, (String) ((Map<?, ?>) change.get("story")).get("title"));
                    } else {
                        items.remove(item);
                    }
                }
                token = page.getString("token");
                more = page.getBoolean("more");
                pages++;
            }
        }
    }

    @Test
    void aMirrorKeptBySyncEndsIdenticalToTheHubAcross50RandomChanges() {
        String key = Consumers.reading().key();
        Random random = new Random(47);
        List<String> stories = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            stories.add(DeliveryTests.published(Stories.article().inLanguages("vi", "fr")));
        }
        Mirror mirror = new Mirror();
        mirror.catchUp(key);
        assertThat(mirror.items).isEqualTo(hubPublished());

        Mirror interrupted = new Mirror();
        for (int change = 0; change < 50; change++) {
            int kind = random.nextInt(4);
            if (kind == 0 || stories.isEmpty()) {
                stories.add(DeliveryTests.published(Stories.article().inLanguages(random.nextBoolean() ? "en" : "uk", "fr")));
            } else {
                String id = stories.get(random.nextInt(stories.size()));
                String lang = random.nextBoolean() ? "fr" : (String) Database.value("select min(lang) from localization where story_id = ?", id);
                String status = (String) Database.value("select status from localization where story_id = ? and lang = ?", id, lang);
                if (kind == 1 && "published".equals(status)) {
                    DeliveryTests.withdraw(id, lang, "Random withdrawal " + change);
                } else if (kind == 2) {
                    reviseAndRepublish(id, lang, "Sửa đổi " + change + " " + id);
                } else if (!"published".equals(status)) {
                    reviseAndRepublish(id, lang, "Đăng lại " + change + " " + id);
                }
            }
            if (change % 10 == 3) {
                mirror.catchUp(key);
            }
            if (change == 25) {
                interrupted.catchUp(key);
            }
        }
        mirror.catchUp(key);
        interrupted.catchUp(key);
        Map<String, String> hub = hubPublished();
        assertThat(mirror.items).isEqualTo(hub);
        assertThat(interrupted.items).as("a mirror resumed from an old token").isEqualTo(hub);
        assertThat(mirror.pages).isGreaterThan(5);
    }

    @Test
    void aWithdrawnStoryIsATombstoneInTheNextSync() {
        String key = Consumers.reading().key();
        Mirror mirror = new Mirror();
        mirror.catchUp(key);
        String id = DeliveryTests.published(Stories.article().inLanguages("vi"));
        JsonPath before = Consumers.withKey(key).queryParam("token", mirror.token).get("/api/v1/sync").then().extract().jsonPath();
        assertThat(before.getList("changes.id")).contains(id);
        String token = before.getString("token");
        DeliveryTests.withdraw(id, "vi", "Retracted");
        JsonPath after = Consumers.withKey(key).queryParam("token", token).get("/api/v1/sync").then().statusCode(200).extract().jsonPath();
        Map<String, Object> tombstone = after.<Map<String, Object>>getList("changes").stream().filter(change -> id.equals(change.get("id")))
                .findFirst().orElseThrow();
        assertThat(tombstone).containsEntry("op", "delete").containsEntry("lang", "vi").containsEntry("reason", "withdrawn")
                .containsEntry("detail", "Retracted");
        assertThat(after.getBoolean("more")).isFalse();
    }

    /** What the hub says is live now, in the same shape as the mirror. */
    private static Map<String, String> hubPublished() {
        Map<String, String> published = new HashMap<>();
        for (Object row : Database.column("""
                select l.story_id || '/' || l.lang || '=' || r.title from localization l
                join localization_revision r on r.localization_id = l.id and r.number = l.published_revision
                join story s on s.id = l.story_id
                where l.published_revision is not null and (s.embargo_until is null or s.embargo_until <= now())
                  and (s.expires_at is null or s.expires_at > now())""")) {
            String[] parts = ((String) row).split("=", 2);
            published.put(parts[0], parts[1]);
        }
        return published;
    }

    private static void reviseAndRepublish(String id, String lang, String title) {
        String path = Publishing.localization(id, lang);
        String etag = Api.asAdmin().get(path).then().extract().header("ETag");
        Api.asAdmin().header("If-Match", etag).body(Map.of("title", title, "body", "<p>" + title + "</p>")).put(path).then().statusCode(200);
        for (String action : List.of("submit", "approve", "publish")) {
            Publishing.act(id, lang, "admin", action);
        }
    }

    @Test
    void aTopicLimitedConsumerHearsOfNoRemovalOutsideItsTopicsAndNeverTheEditorsComment() {
        String inside = "sync-in-" + Long.toString(System.nanoTime(), 36);
        String outside = "sync-out-" + Long.toString(System.nanoTime(), 36);
        for (String topic : List.of(inside, outside)) {
            Api.asAdmin().body(Map.of("labels", Map.of("en", topic))).put("/api/v1/manage/topics/" + topic).then().statusCode(201);
        }
        String limitedKey = Consumers.reading().with("topics", List.of(inside)).key();
        String everyKey = Consumers.reading().key();
        Mirror limited = new Mirror();
        limited.catchUp(limitedKey);
        Mirror every = new Mirror();
        every.catchUp(everyKey);

        String seen = DeliveryTests.published(Stories.article().inLanguages("vi").with("topics", List.of(inside)));
        String unseen = DeliveryTests.published(Stories.article().inLanguages("vi").with("topics", List.of(outside)));
        DeliveryTests.withdraw(seen, "vi", "Internal: legal hold on the figures", "Figures corrected");
        DeliveryTests.withdraw(unseen, "vi", "Internal: legal hold on the figures", null);

        String limitedPage = Consumers.withKey(limitedKey).queryParam("token", limited.token).get("/api/v1/sync").then().statusCode(200)
                .extract().asString();
        List<Map<String, Object>> limitedChanges = JsonPath.from(limitedPage).getList("changes");
        assertThat(limitedChanges).noneSatisfy(change -> assertThat(change.get("id")).isEqualTo(unseen));
        assertThat(limitedChanges).filteredOn(change -> seen.equals(change.get("id")) && "delete".equals(change.get("op")))
                .singleElement().satisfies(change -> assertThat(change).containsEntry("detail", "Figures corrected"));
        assertThat(limitedPage).doesNotContain("legal hold");

        String everyPage = Consumers.withKey(everyKey).queryParam("token", every.token).get("/api/v1/sync").then().statusCode(200)
                .extract().asString();
        List<Map<String, Object>> everyChanges = JsonPath.from(everyPage).getList("changes");
        assertThat(everyChanges).filteredOn(change -> unseen.equals(change.get("id")) && "delete".equals(change.get("op")))
                .singleElement().satisfies(change -> assertThat(change.get("detail")).isNull());
        assertThat(everyPage).doesNotContain("legal hold");
    }

    @Test
    void aStoryStillUnderEmbargoIsNeverNamedInSyncEvenWhenWithdrawn() {
        String key = Consumers.reading().key();
        Mirror mirror = new Mirror();
        mirror.catchUp(key);
        String embargoed = DeliveryTests.published(Stories.article().inLanguages("vi")
                .with("embargoUntil", java.time.Instant.now().plus(java.time.Duration.ofDays(1)).toString()));
        String pending = Consumers.withKey(key).queryParam("token", mirror.token).get("/api/v1/sync").then().statusCode(200).extract().asString();
        assertThat(pending).doesNotContain(embargoed);
        DeliveryTests.withdraw(embargoed, "vi", "Internal: cancelled before release", "Cancelled");
        String after = Consumers.withKey(key).queryParam("token", mirror.token).get("/api/v1/sync").then().statusCode(200).extract().asString();
        assertThat(after).doesNotContain(embargoed);
    }
}
