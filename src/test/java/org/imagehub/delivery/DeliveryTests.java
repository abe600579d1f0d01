package org.imagehub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imagehub.testing.Api;
import org.imagehub.testing.Consumers;
import org.imagehub.testing.Database;
import org.imagehub.testing.Eventually;
import org.imagehub.testing.Publishing;
import org.imagehub.testing.Stories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeliveryTests {
    private static final String STORIES = "/api/v1/stories";
    private static String everything;

    @BeforeEach
    void keyReadingEverything() {
        if (everything == null) {
            everything = Consumers.reading().key();
        }
    }

    @Test
    void theFirstLanguagePresentIsServedAndTheOthersAreListed() {
        String id = published(Stories.article().inLanguages("vi", "fr", "en"));
        Consumers.withKey(everything).get(STORIES + "/" + id + "?lang=uk,fr,en").then().statusCode(200)
                .header("Content-Type", equalTo("application/json;charset=UTF-8"))
                .header("Content-Language", "fr").body("lang", equalTo("fr"))
                .body("otherLanguages.lang", equalTo(List.of("en", "vi")))
                .body("otherLanguages[0].url", equalTo("/api/v1/stories/" + id + "?lang=en"))
                .header("Link", org.hamcrest.Matchers.containsString("hreflang=\"vi\""));
        Consumers.withKey(everything).header("Accept-Language", "uk, en;q=0.8, vi;q=0.5").get(STORIES + "/" + id).then().statusCode(200)
                .header("Content-Language", "en");
        Consumers.withKey(everything).header("Accept-Language", "fr-FR").get(STORIES + "/" + id).then().header("Content-Language", "fr");
        Consumers.withKey(everything).get(STORIES + "/" + id + "?lang=uk").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        String slug = Consumers.withKey(everything).get(STORIES + "/" + id + "?lang=vi").then().extract().path("slug");
        Consumers.withKey(everything).get(STORIES + "/by-slug/vi/" + slug).then().statusCode(200).body("id", equalTo(id))
                .header("Content-Language", "vi");
    }

    @Test
    void draftsAndOtherLanguagesThanTheKeyAllowsAreNeverDelivered() {
        String draft = Api.as("editor.mofa").body(Stories.article().inLanguages("vi", "fr").build()).post("/api/v1/manage/stories")
                .then().statusCode(201).extract().path("id");
        Consumers.withKey(everything).get(STORIES + "/" + draft).then().statusCode(404);

        String id = published(Stories.article().inLanguages("vi", "fr", "en"));
        String frenchOnly = Consumers.reading("fr").key();
        Consumers.withKey(frenchOnly).get(STORIES + "/" + id + "?lang=vi").then().statusCode(404);
        Consumers.withKey(frenchOnly).get(STORIES + "/" + id).then().statusCode(200).header("Content-Language", "fr")
                .body("otherLanguages", equalTo(List.of()));
        List<String> languages = Consumers.withKey(frenchOnly).get(STORIES + "?limit=100").then().statusCode(200).extract().path("items.lang");
        assertThat(languages).isNotEmpty().containsOnly("fr");
        // A list entry names the other languages the key may read, and only those.
        Consumers.withKey(frenchOnly).get(STORIES + "?limit=100").then()
                .body("items.find { it.id == '" + id + "' }.otherLanguages", equalTo(List.of()));
        Consumers.withKey(everything).get(STORIES + "?lang=fr&limit=100").then()
                .body("items.find { it.id == '" + id + "' }.otherLanguages.lang", equalTo(List.of("en", "vi")))
                .body("items.find { it.id == '" + id + "' }.url", equalTo("/api/v1/stories/" + id + "?lang=fr"))
                .body("items.find { it.id == '" + id + "' }", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("bodyHtml")));
        Consumers.withKey(frenchOnly).get("/api/v1/feeds/vi.rss").then().statusCode(404);
        String atom = Consumers.withKey(frenchOnly).get("/api/v1/feeds/fr.atom").then().statusCode(200).extract().asString();
        assertThat(atom).doesNotContain("hreflang=\"vi\"").doesNotContain("xml:lang=\"vi\"");
        Consumers.withKey(frenchOnly).get("/api/v1/sync").then().statusCode(200).body("changes.lang.unique()", equalTo(List.of("fr")));
    }

    @Test
    void anEmbargoedStoryAppearsOnlyAfterItsTime() {
        // Far enough ahead that publishing on a loaded machine cannot outlast it (the wait itself is polled).
        Instant embargo = Instant.now().plusSeconds(10).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String id = published(Stories.article().inLanguages("vi").with("embargoUntil", embargo.toString()));
        Consumers.withKey(everything).get(STORIES + "/" + id).then().statusCode(404);
        assertThat(Consumers.withKey(everything).get(STORIES + "?limit=100").then().extract().<List<String>>path("items.id")).doesNotContain(id);
        Eventually.until("embargo end", () -> Consumers.withKey(everything).get(STORIES + "/" + id).statusCode(), status -> status == 200);
        assertThat(Instant.now()).isAfterOrEqualTo(embargo);
        Consumers.withKey(everything).get(STORIES + "/" + id).then().body("embargoUntil", equalTo(embargo.toString()));
    }

    @Test
    void aWithdrawnStoryLeavesDetailListAndFeedsAtOnce() {
        String id = published(Stories.article().inLanguages("fr"));
        Consumers.withKey(everything).get(STORIES + "/" + id).then().statusCode(200);
        assertThat(Consumers.withKey(everything).get("/api/v1/feeds/fr.json").then().extract().asString()).contains(id);
        withdraw(id, "fr", "Superseded by the ministry's statement");
        Consumers.withKey(everything).get(STORIES + "/" + id).then().statusCode(404);
        assertThat(Consumers.withKey(everything).get(STORIES + "?lang=fr&limit=100").then().extract().<List<String>>path("items.id"))
                .doesNotContain(id);
        assertThat(Consumers.withKey(everything).get("/api/v1/feeds/fr.json").then().extract().asString()).doesNotContain(id);
        assertThat(Consumers.withKey(everything).get("/api/v1/feeds/fr.rss").then().extract().asString()).doesNotContain(id);
    }

    @Test
    void everyAnswerHasAStrongEtagAndAChangeIsVisibleAtOnce() {
        String id = published(Stories.article().inLanguages("vi"));
        Response first = Consumers.withKey(everything).get(STORIES + "/" + id);
        String etag = first.header("ETag");
        // RestAssured accepts gzip: this is the gzip representation's tag (DeliveryContentCodingTests has both).
        assertThat(etag).matches("\"[A-Za-z0-9_-]{27}-gzip\"");
        assertThat(first.header("Cache-Control")).isEqualTo("private, max-age=60, must-revalidate");
        assertThat(first.header("Vary")).contains("Accept-Language");
        Consumers.withKey(everything).header("If-None-Match", etag).get(STORIES + "/" + id).then().statusCode(304).header("ETag", etag);
        for (String path : List.of(STORIES, "/api/v1/feeds/vi.atom", "/api/v1/sync", STORIES + "/" + id + "/ninjs")) {
            // Another test's story may go live between the two requests (an embargo ending): then the list has a new tag, rightly.
            Eventually.until(path + " revalidated", () -> {
                String tag = Consumers.withKey(everything).get(path).then().statusCode(200).extract().header("ETag");
                return Consumers.withKey(everything).header("If-None-Match", tag).get(path).statusCode();
            }, status -> status == 304);
        }

        String path = Publishing.localization(id, "vi");
        String managementTag = Api.asAdmin().get(path).then().extract().header("ETag");
        Api.asAdmin().header("If-Match", managementTag).body(Map.of("title", "Tiêu đề mới " + id, "body", "<p>Bản mới.</p>")).put(path)
                .then().statusCode(200);
        for (String action : List.of("submit", "approve", "publish")) {
            Publishing.act(id, "vi", "admin", action);
        }
        Consumers.withKey(everything).header("If-None-Match", etag).get(STORIES + "/" + id).then().statusCode(200)
                .body("title", equalTo("Tiêu đề mới " + id));
    }

    @Test
    void listsFilterAndPageWithoutSkippingOrRepeatingWhilePublishingGoesOn() {
        String topic = "delivery-test-" + Long.toString(System.nanoTime(), 36);
        Api.asAdmin().body(Map.of("labels", Map.of("en", "Delivery test"))).put("/api/v1/manage/topics/" + topic).then().statusCode(201);
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            expected.add(published(Stories.article().inLanguages("en").with("topics", List.of(topic)).with("countries", List.of("FR"))));
        }
        published(Stories.article().inLanguages("en").with("countries", List.of("FR")));
        Set<String> seen = new HashSet<>();
        String next = STORIES + "?topic=" + topic + "&limit=2";
        int pages = 0;
        while (next != null) {
            Response page = Consumers.withKey(everything).get(next);
            page.then().statusCode(200);
            List<String> ids = page.path("items.id");
            for (String id : ids) {
                assertThat(seen.add(id)).as("repeated " + id).isTrue();
            }
            if (pages++ == 0) {
                published(Stories.article().inLanguages("en").with("topics", List.of(topic)));
            }
            next = page.path("next");
        }
        assertThat(seen).as("every story present when paging began").containsAll(expected).hasSize(5);
        assertThat(Consumers.withKey(everything).get(STORIES + "?topic=" + topic + "&country=fr&type=article&limit=100").then().statusCode(200)
                .extract().<List<String>>path("items.id")).containsExactlyInAnyOrderElementsOf(expected);
        Consumers.withKey(everything).get(STORIES + "?topic=" + topic + "&updatedSince=2999-01-01T00:00:00Z").then().body("items", equalTo(List.of()));
        Consumers.withKey(everything).get(STORIES + "?topic=" + topic + "&type=statement").then().body("items", equalTo(List.of()));
    }

    @Test
    void badParametersGet400NeverA500() {
        String next = Consumers.withKey(everything).get(STORIES + "?limit=1").then().extract().path("next");
        String cursor = next == null ? "abc" : next.replaceAll(".*cursor=([^&]+).*", "$1");
        String syncToken = Consumers.withKey(everything).get("/api/v1/sync?limit=1").then().extract().path("token");
        Consumers.withKey(everything).get(STORIES + "?cursor=" + syncToken).then().statusCode(400).body("errors[0].field", equalTo("query.cursor"));
        Map<String, String> bad = Map.of(
                STORIES + "?limit=0", "query.limit",
                STORIES + "?limit=10000", "query.limit",
                STORIES + "?limit=ten", "query.limit",
                STORIES + "?cursor=" + cursor.substring(0, cursor.length() - 2) + "xx", "query.cursor",
                STORIES + "?colour=red", "query.colour",
                STORIES + "?lang=fr,x!", "query.lang",
                STORIES + "?country=XX", "query.country",
                STORIES + "?type=poem", "query.type",
                STORIES + "?updatedSince=yesterday", "query.updatedSince",
                "/api/v1/sync?token=forged", "query.token");
        bad.forEach((path, field) -> Consumers.withKey(everything).get(path).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo(field)));
        Consumers.withKey(everything).get("/api/v1/feeds/x!.rss").then().statusCode(400);
        Consumers.withKey(everything).get("/api/v1/feeds/fr.pdf").then().statusCode(404);
    }

    @Test
    void perKeyRateLimitsAnswer429WithRetryAfterAndRateLimitHeaders() {
        String key = Consumers.reading().with("requestsPerMinute", 3).key();
        for (int i = 0; i < 3; i++) {
            Consumers.withKey(key).get(STORIES + "?limit=1").then().statusCode(200).header("RateLimit", startsWith("\"per-key\";r=" + (2 - i)));
        }
        Response limited = Consumers.withKey(key).get(STORIES + "?limit=1");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 21);
        assertThat(limited.header("RateLimit-Policy")).isEqualTo("\"per-key\";q=3;w=60");
        assertThat(limited.header("RateLimit")).startsWith("\"per-key\";r=0;");
    }

    @Test
    void readsAreRecordedPerConsumerStoryAndLanguage() {
        String id = published(Stories.article().inLanguages("vi", "fr"));
        String key = Consumers.reading().key();
        String consumer = Consumers.withKey(key).get("/api/v1/consumer").then().extract().path("id");
        Consumers.withKey(key).get(STORIES + "/" + id + "?lang=fr").then().statusCode(200);
        Consumers.withKey(key).get(STORIES + "/" + id + "?lang=fr").then().statusCode(200);
        Consumers.withKey(key).get(STORIES + "/" + id + "/ninjs?lang=vi").then().statusCode(200);
        Eventually.until("reads flushed", () -> Database.column(
                "select lang || '=' || sum(reads) from delivery_read where consumer_id = ? and story_id = ? group by lang order by lang", consumer, id),
                rows -> rows.equals(List.of("fr=2", "vi=1")));
    }

    @Test
    void aStoryListsRelatedStoriesAndKeysGetKeyMessagesInTheirLanguages() {
        String topic = "related-" + Long.toString(System.nanoTime(), 36);
        Api.asAdmin().body(Map.of("labels", Map.of("en", "Related test"))).put("/api/v1/manage/topics/" + topic).then().statusCode(201);
        String older = published(Stories.article().inLanguages("en").with("topics", List.of(topic)));
        String newer = published(Stories.article().inLanguages("en").with("topics", List.of(topic)));
        Consumers.withKey(everything).get(STORIES + "/" + newer).then().statusCode(200)
                .body("related.id", equalTo(List.of(older))).body("related[0].url", equalTo("/api/v1/stories/" + older + "?lang=en"));

        String code = "km-delivery-" + Long.toString(System.nanoTime(), 36);
        Api.as("approver.mofa").body(Map.of("code", code, "owner", "mofa", "translations", Map.of("vi", "Thông điệp", "fr", "Message", "en", "Message")))
                .post("/api/v1/manage/key-messages").then().statusCode(201);
        List<Map<String, Object>> messages = Consumers.withKey(Consumers.reading("fr").key()).get("/api/v1/key-messages").then().statusCode(200)
                .extract().path("items");
        assertThat(messages).anySatisfy(message -> assertThat(message).containsEntry("code", code).containsEntry("translations", Map.of("fr", "Message")));
        assertThat(messages).allSatisfy(message -> assertThat(((Map<?, ?>) message.get("translations")).keySet().stream().map(String::valueOf).toList()).containsOnly("fr"));
    }

    @Test
    void aSlugLiveUnderAnEarlierRevisionStaysTakenForOtherStories() {
        String slug = "visite-a-hue-" + Long.toString(System.nanoTime(), 36);
        String first = published(Stories.article().withLocalization(Map.of("lang", "fr", "title", "Visite à Hué", "slug", slug,
                "body", "<p>Première.</p>")));
        String path = Publishing.localization(first, "fr");
        String etag = Api.asAdmin().get(path).then().extract().header("ETag");
        Api.asAdmin().header("If-Match", etag).body(Map.of("title", "Visite à Hué, 2026", "slug", slug + "-2026", "body", "<p>Révisée.</p>"))
                .put(path).then().statusCode(200).body("status", equalTo("draft"));
        Consumers.withKey(everything).get(STORIES + "/by-slug/fr/" + slug).then().statusCode(200).body("id", equalTo(first));
        Api.as("editor.mofa").body(Stories.article().withLocalization(Map.of("lang", "fr", "title", "Autre visite", "slug", slug,
                "body", "<p>Seconde.</p>")).build()).post("/api/v1/manage/stories").then().statusCode(409)
                .body("errors[0].field", equalTo("localizations[0].slug"));
        // Derived from a title, the slug gets a suffix instead.
        String derived = Api.as("editor.mofa").body(Stories.article().withLocalization(Map.of("lang", "fr", "title", "Autre visite",
                "body", "<p>Tierce.</p>")).build()).post("/api/v1/manage/stories").then().statusCode(201).extract().path("id");
        String otherPath = Publishing.localization(derived, "fr");
        String otherEtag = Api.asAdmin().get(otherPath).then().extract().header("ETag");
        Api.asAdmin().header("If-Match", otherEtag).body(Map.of("title", "Visite à Hué", "slug", slug, "body", "<p>Tierce.</p>")).put(otherPath)
                .then().statusCode(409);
        // Once the renamed draft is live, the old slug is free again.
        Publishing.publishAll(first);
        Consumers.withKey(everything).get(STORIES + "/by-slug/fr/" + slug + "-2026").then().statusCode(200).body("id", equalTo(first));
        otherEtag = Api.asAdmin().get(otherPath).then().extract().header("ETag");
        Api.asAdmin().header("If-Match", otherEtag).body(Map.of("title", "Visite à Hué", "slug", slug, "body", "<p>Tierce.</p>")).put(otherPath)
                .then().statusCode(200).body("slug", equalTo(slug));
    }

    static String published(Stories story) {
        return Publishing.published(story);
    }

    /** Withdraws with {@code reason} as what consumers are told (and an internal comment for the editors). */
    static void withdraw(String id, String lang, String reason) {
        withdraw(id, lang, "Internal: " + reason, reason);
    }

    static void withdraw(String id, String lang, String comment, String publicReason) {
        String path = Publishing.localization(id, lang);
        String etag = Api.asAdmin().get(path).then().extract().header("ETag");
        Map<String, Object> body = new java.util.HashMap<>(Map.of("action", "withdraw", "comment", comment));
        if (publicReason != null) {
            body.put("publicReason", publicReason);
        }
        Api.asAdmin().header("If-Match", etag).body(body).post(path + "/workflow").then().statusCode(200);
    }
}
