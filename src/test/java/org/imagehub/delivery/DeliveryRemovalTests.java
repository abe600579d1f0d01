package org.imagehub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.imagehub.testing.Api;
import org.imagehub.testing.Consumers;
import org.imagehub.testing.Eventually;
import org.imagehub.testing.Publishing;
import org.imagehub.testing.Stories;
import org.junit.jupiter.api.Test;

/**
 * Every way a story leaves what a consumer may read — expiry, archiving, a new embargo, a change out of the key's
 * scope — takes it out of detail, lists and feeds, and reaches a mirror as a delete that says why.
 */
@QuarkusTest
class DeliveryRemovalTests {
    private static final String STORIES = "/api/v1/stories";
    private static final String SYNC = "/api/v1/sync";

    /** The token of a mirror that has read everything there is now. */
    private static String caughtUp(String key) {
        String token = null;
        boolean more = true;
        while (more) {
            JsonPath page = sync(key, token);
            token = page.getString("token");
            more = page.getBoolean("more");
        }
        return token;
    }

    /** Every change after {@code token}, page after page, and the token to carry on from. */
    private static List<Map<String, Object>> changesSince(String key, String token) {
        List<Map<String, Object>> changes = new ArrayList<>();
        boolean more = true;
        while (more) {
            JsonPath page = sync(key, token);
            changes.addAll(page.getList("changes"));
            token = page.getString("token");
            more = page.getBoolean("more");
        }
        return changes;
    }

    private static JsonPath sync(String key, String token) {
        return (token == null ? Consumers.withKey(key) : Consumers.withKey(key).queryParam("token", token))
                .get(SYNC).then().statusCode(200).extract().jsonPath();
    }

    /** The last change the mirror hears of the story in {@code lang}. */
    private static Map<String, Object> lastChange(List<Map<String, Object>> changes, String id, String lang) {
        return changes.stream().filter(change -> id.equals(change.get("id")) && lang.equals(change.get("lang")))
                .reduce((first, second) -> second).orElseThrow(() -> new AssertionError("no change for " + id + "/" + lang + " in " + changes));
    }

    private static List<String> listed(String key, String query) {
        return Consumers.withKey(key).get(STORIES + "?limit=100" + query).then().statusCode(200).extract().path("items.id");
    }

    private static void assertGoneFromDetailListAndFeeds(String key, String id, String lang) {
        Consumers.withKey(key).get(STORIES + "/" + id).then().statusCode(404).contentType("application/problem+json");
        assertThat(listed(key, "&lang=" + lang)).doesNotContain(id);
        for (String format : List.of("rss", "atom", "json")) {
            assertThat(Consumers.withKey(key).get("/api/v1/feeds/" + lang + "." + format).then().statusCode(200).extract().asString())
                    .as(format).doesNotContain(id);
        }
    }

    /** Replaces the story's attributes with those of {@code story}, as an admin, giving the reason a live story's change needs. */
    private static void changeAttributes(String id, Stories story, String reason) {
        String etag = Api.asAdmin().get("/api/v1/manage/stories/" + id).then().statusCode(200).extract().header("ETag");
        Map<String, Object> attributes = story.with("reason", reason).build();
        attributes.remove("localizations");
        Api.asAdmin().header("If-Match", etag).body(attributes).put("/api/v1/manage/stories/" + id).then().statusCode(200);
    }

    @Test
    void anExpiredStoryLeavesDetailListFeedsAndSyncAsAnExpiredTombstone() {
        String key = Consumers.reading().key();
        String token = caughtUp(key);
        String id = Publishing.published(Stories.article().inLanguages("fr").with("expiresAt", Instant.now().plusSeconds(4).toString()));
        Consumers.withKey(key).get(STORIES + "/" + id).then().statusCode(200);
        assertThat(listed(key, "&lang=fr")).contains(id);
        assertThat(Consumers.withKey(key).get("/api/v1/feeds/fr.atom").then().extract().asString()).contains(id);

        Eventually.until("expiry", () -> Consumers.withKey(key).get(STORIES + "/" + id).statusCode(), status -> status == 404);

        assertGoneFromDetailListAndFeeds(key, id, "fr");
        assertThat(lastChange(changesSince(key, token), id, "fr")).containsEntry("op", "delete").containsEntry("reason", "expired");
    }

    @Test
    void anArchivedStoryIsAnArchivedTombstone() {
        String key = Consumers.reading().key();
        String id = Publishing.published(Stories.article().inLanguages("vi"));
        String token = caughtUp(key);

        Publishing.act(id, "vi", "admin", "archive");

        assertGoneFromDetailListAndFeeds(key, id, "vi");
        assertThat(lastChange(changesSince(key, token), id, "vi")).containsEntry("op", "delete").containsEntry("reason", "archived");
    }

    @Test
    void aLiveStoryPutBackUnderEmbargoIsAnEmbargoedTombstoneAndReturnsWhenItLifts() {
        String key = Consumers.reading().key();
        Stories story = Stories.article().inLanguages("uk");
        String id = Publishing.published(story);
        String token = caughtUp(key);

        changeAttributes(id, story.with("embargoUntil", Instant.now().plusSeconds(4).toString()), "Held back until the minister speaks");

        assertGoneFromDetailListAndFeeds(key, id, "uk");
        List<Map<String, Object>> held = changesSince(key, token);
        assertThat(lastChange(held, id, "uk")).containsEntry("op", "delete").containsEntry("reason", "embargoed");
        Eventually.until("embargo end", () -> Consumers.withKey(key).get(STORIES + "/" + id).statusCode(), status -> status == 200);
        assertThat(lastChange(changesSince(key, token), id, "uk")).containsEntry("op", "upsert");
    }

    @Test
    void aStoryMovedOutOfAKeysTopicsIsAnOutOfScopeTombstoneForThatKeyOnly() {
        String inside = "scope-in-" + Long.toString(System.nanoTime(), 36);
        String outside = "scope-out-" + Long.toString(System.nanoTime(), 36);
        for (String topic : List.of(inside, outside)) {
            Api.asAdmin().body(Map.of("labels", Map.of("en", topic))).put("/api/v1/manage/topics/" + topic).then().statusCode(201);
        }
        String limited = Consumers.reading().with("topics", List.of(inside)).key();
        String every = Consumers.reading().key();
        Stories story = Stories.article().inLanguages("en").with("topics", List.of(inside));
        String id = Publishing.published(story);
        String limitedToken = caughtUp(limited);
        String everyToken = caughtUp(every);

        changeAttributes(id, story.with("topics", List.of(outside)), "Filed under the right topic");

        assertGoneFromDetailListAndFeeds(limited, id, "en");
        assertThat(lastChange(changesSince(limited, limitedToken), id, "en")).containsEntry("op", "delete").containsEntry("reason", "out-of-scope");
        Consumers.withKey(every).get(STORIES + "/" + id).then().statusCode(200).body("topics", equalTo(List.of(outside)));
        assertThat(lastChange(changesSince(every, everyToken), id, "en")).containsEntry("op", "upsert");
    }

    @Test
    void aSyncTokenIsRefusedToAnyOtherConsumer() {
        String mine = Consumers.reading().key();
        String theirs = Consumers.reading().key();
        String token = caughtUp(mine);

        Consumers.withKey(theirs).queryParam("token", token).get(SYNC).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("query.token"))
                .body("errors[0].code", equalTo("invalid-token"))
                .body("errors[0].message", equalTo("this token belongs to another consumer"));
        Consumers.withKey(mine).queryParam("token", token).get(SYNC).then().statusCode(200);
    }
}
