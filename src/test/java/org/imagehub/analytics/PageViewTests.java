package org.imagehub.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.imagehub.testing.Api;
import org.imagehub.testing.Clients;
import org.imagehub.testing.Consumers;
import org.imagehub.testing.Database;
import org.imagehub.testing.Publishing;
import org.imagehub.testing.Stories;
import org.junit.jupiter.api.Test;

/** Page views from embassy sites through the beacon's endpoint, on the real stack: origins, privacy, idempotency, roll-ups. */
@QuarkusTest
class PageViewTests {
    private static final String EVENTS = "/api/v1/analytics/events";
    private static final String SITE = "https://ambassade.example";
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) ImageHubTestBrowser/";

    /** A site key of scope analytics:write whose site has {@link #SITE} as its origin; returns the key. */
    static String siteKey() {
        String id = Api.asAdmin().body(Map.of("name", "Site " + UUID.randomUUID(), "kind", "embassy-site", "scopes", List.of("analytics:write")))
                .post("/api/v1/manage/consumers").then().statusCode(201).extract().path("id");
        Api.asAdmin().body(Map.of("origins", List.of(SITE))).put("/api/v1/manage/analytics/sites/{id}", id).then().statusCode(200);
        return Api.asAdmin().body(Map.of()).post("/api/v1/manage/consumers/" + id + "/keys").then().statusCode(201).extract().path("key");
    }

    static Map<String, Object> view(String storyId, String lang, Instant at) {
        Map<String, Object> view = new HashMap<>(Map.of("id", "pv-" + UUID.randomUUID(), "storyId", storyId, "lang", lang,
                "url", SITE + "/" + lang + "/actualites/" + storyId + "?utm_source=newsletter&visitor=42#top"));
        if (at != null) {
            view.put("at", at.toString());
        }
        return view;
    }

    static RequestSpecification beacon(String key, String origin, String userAgent) {
        return Clients.fresh().queryParam("key", key).header("Origin", origin).header("User-Agent", userAgent).contentType("text/plain; charset=UTF-8");
    }

    static long stored(String storyId) {
        return ((Number) Database.value("select count(*) from analytics_event where story_id = ?", storyId)).longValue();
    }

    @Test
    void aViewFromTheSitesOriginIsTakenWithCorsHeadersAndFromAnotherOriginRefused() {
        String key = siteKey();
        String story = Publishing.published(Stories.article().inLanguages("fr"));
        beacon(key, SITE, BROWSER + "1").body(json(view(story, "fr", null)))
                .post(EVENTS).then().statusCode(202).header("Access-Control-Allow-Origin", SITE).header("Vary", "Origin")
                .body("received", equalTo(1)).body("stored", equalTo(1));
        assertThat(stored(story)).isEqualTo(1);
        assertThat(Database.value("select page_path from analytics_event where story_id = ?", story)).isEqualTo("/fr/actualites/" + story);
        // A page in fr-FR showing the story's fr counts for fr; path parameters are not kept.
        Map<String, Object> regional = view(story, "fr-FR", null);
        regional.put("url", SITE + "/fr/actualites/x;jsessionid=ABC123?y=1");
        beacon(key, SITE, BROWSER + "1").body(json(regional)).post(EVENTS).then().statusCode(202).body("stored", equalTo(1));
        assertThat(Database.column("select lang || ' ' || page_path from analytics_event where story_id = ? order by received_at", story))
                .containsExactly("fr /fr/actualites/" + story, "fr /fr/actualites/x");

        beacon(key, "https://elsewhere.example", BROWSER + "1").body(json(view(story, "fr", null))).post(EVENTS).then().statusCode(403)
                .contentType("application/problem+json").header("Access-Control-Allow-Origin", (String) null);
        beacon(key, "null", BROWSER + "1").body(json(view(story, "fr", null))).post(EVENTS).then().statusCode(403);
        Clients.fresh().queryParam("key", key).header("User-Agent", BROWSER + "1").contentType("text/plain").body(json(view(story, "fr", null)))
                .post(EVENTS).then().statusCode(403);
        Map<String, Object> offSite = view(story, "fr", null);
        offSite.put("url", "https://elsewhere.example/fr/page");
        beacon(key, SITE, BROWSER + "1").body(json(offSite)).post(EVENTS).then().statusCode(400).body("errors.code", hasItem("not-on-site"))
                .header("Access-Control-Allow-Origin", (String) null);
        assertThat(stored(story)).isEqualTo(2);
    }

    @Test
    void aKeyThatCanDoMoreIsNeitherASiteNorTakenFromTheAddress() {
        String id = Api.asAdmin().body(Map.of("name", "Wide " + UUID.randomUUID(), "kind", "embassy-site", "scopes", List.of("analytics:write", "content:read")))
                .post("/api/v1/manage/consumers").then().statusCode(201).extract().path("id");
        Api.asAdmin().body(Map.of("origins", List.of(SITE))).put("/api/v1/manage/analytics/sites/{id}", id).then().statusCode(400)
                .body("errors.code", hasItem("site-key-scopes"));
        String wide = Api.asAdmin().body(Map.of()).post("/api/v1/manage/consumers/" + id + "/keys").then().statusCode(201).extract().path("key");
        String story = Publishing.published(Stories.article().inLanguages("fr"));
        beacon(wide, SITE, BROWSER + "5").body(json(view(story, "fr", null))).post(EVENTS).then().statusCode(403);
        // Outside the page-view endpoint a key in the address is no key at all.
        Clients.fresh().queryParam("key", wide).get("/api/v1/stories").then().statusCode(401);
        assertThat(stored(story)).isZero();
    }

    @Test
    void aSiteKeyWritesPageViewsAndReadsNothing() {
        String key = siteKey();
        Consumers.withKey(key).get("/api/v1/stories").then().statusCode(403);
        Consumers.withKey(key).get("/api/v1/search?q=viet").then().statusCode(403);
        Consumers.withKey(key).get("/api/v1/social/due").then().statusCode(403);
        Consumers.withKey(key).get("/api/v1/sync").then().statusCode(403);
        Clients.fresh().queryParam("key", key).get("/api/v1/stories").then().statusCode(401);
    }

    @Test
    void noAddressAndNoUserAgentIsStoredAnywhere() {
        String key = siteKey();
        String story = Publishing.published(Stories.article().inLanguages("vi"));
        String address = "127.93.71.59";
        String userAgent = BROWSER + "privacy-" + UUID.randomUUID();
        Clients.from(address).queryParam("key", key).header("Origin", SITE).header("User-Agent", userAgent).contentType("text/plain")
                .body(json(view(story, "vi", null))).post(EVENTS).then().statusCode(202).body("stored", equalTo(1));
        assertThat(Database.value("select visitor from analytics_event where story_id = ?", story)).as("a daily-salted hash").asString().hasSize(22);
        List<Object> tables = Database.column("select format('%I', table_name) from information_schema.tables where table_schema = 'public' "
                + "and table_type = 'BASE TABLE'");
        List<String> holding = new ArrayList<>();
        for (Object table : tables) {
            long hits = ((Number) Database.value("select count(*) from " + table + " t where t::text like ? or t::text like ?",
                    "%" + address + "%", "%" + userAgent.substring(userAgent.indexOf("privacy-")) + "%")).longValue();
            if (hits > 0) {
                holding.add(table + " (" + hits + ")");
            }
        }
        assertThat(holding).as("tables holding the test's address or user agent").isEmpty();
    }

    @Test
    void aResentViewIsCountedOnceAndCrawlersAreNotCounted() {
        String key = siteKey();
        String story = Publishing.published(Stories.article().inLanguages("fr"));
        Map<String, Object> view = view(story, "fr", Instant.now().truncatedTo(ChronoUnit.MILLIS));
        beacon(key, SITE, BROWSER + "2").body(json(view)).post(EVENTS).then().statusCode(202).body("stored", equalTo(1));
        beacon(key, SITE, BROWSER + "2").body(json(Map.of("events", List.of(view)))).post(EVENTS).then().statusCode(202)
                .body("received", equalTo(1)).body("stored", equalTo(0));
        beacon(key, SITE, "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)").body(json(view(story, "fr", null)))
                .post(EVENTS).then().statusCode(202).body("stored", equalTo(0));
        assertThat(stored(story)).isEqualTo(1);
    }

    @Test
    void badPageViewsAreRefusedWholeAndNothingIsStored() {
        String key = siteKey();
        String story = Publishing.published(Stories.article().inLanguages("fr"));
        Map<String, Object> good = view(story, "fr", null);
        Map<String, Object> unknown = view("st_" + UUID.randomUUID(), "fr", null);
        beacon(key, SITE, BROWSER + "3").body(json(Map.of("events", List.of(good, unknown)))).post(EVENTS).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("events[1].storyId"));
        beacon(key, SITE, BROWSER + "3").body(json(view(story, "en", null))).post(EVENTS).then().statusCode(400)
                .body("errors.code", hasItem("unknown-story"));
        beacon(key, SITE, BROWSER + "3").body(json(view(story, "fr", Instant.now().plusSeconds(3600)))).post(EVENTS).then().statusCode(400)
                .body("errors.code", hasItem("in-future"));
        beacon(key, SITE, BROWSER + "3").body(json(view(story, "fr", Instant.now().minus(30, ChronoUnit.DAYS)))).post(EVENTS).then().statusCode(400)
                .body("errors.code", hasItem("too-late"));
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(view(story, "fr", null));
        }
        beacon(key, SITE, BROWSER + "3").body(json(Map.of("events", many))).post(EVENTS).then().statusCode(400)
                .body("errors.code", hasItem("batch-size"));
        beacon(key, SITE, BROWSER + "3").body("{\"id\": \"pv-broken\", ").post(EVENTS).then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:image-hub:problem:malformed-body"));
        beacon(key, SITE, BROWSER + "3").body(json(Map.of("id", "pv-12345678", "storyId", story, "lang", "fr", "url", SITE + "/x", "visitor", "me")))
                .post(EVENTS).then().statusCode(400);
        assertThat(stored(story)).isZero();
        Clients.fresh().header("Origin", SITE).contentType("text/plain").body(json(good)).post(EVENTS).then().statusCode(401);
    }

    @Test
    void dailyRollUpsEqualACountOfTheRawEventsAndTakeLateEventsIntoTheirDay() {
        String key = siteKey();
        List<String> stories = List.of(Publishing.published(Stories.article().inLanguages("fr", "vi")),
                Publishing.published(Stories.article().inLanguages("fr")));
        java.util.Random random = new java.util.Random(16);
        Instant now = Instant.now();
        List<Map<String, Object>> views = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            String story = stories.get(random.nextInt(2));
            String lang = story.equals(stories.get(0)) && random.nextBoolean() ? "vi" : "fr";
            views.add(view(story, lang, now.minus(random.nextInt(5 * 24 * 60), ChronoUnit.MINUTES)));
        }
        for (int from = 0; from < views.size(); from += 30) {
            beacon(key, SITE, BROWSER + "4").body(json(Map.of("events", views.subList(from, from + 30)))).post(EVENTS).then().statusCode(202)
                    .body("stored", equalTo(30));
        }
        Api.asAdmin().post("/api/v1/manage/analytics/rollups").then().statusCode(200);
        // A late view of four days ago arrives after the roll-up: the next one folds it into its day.
        beacon(key, SITE, BROWSER + "4").body(json(view(stories.get(1), "fr", now.minus(4, ChronoUnit.DAYS)))).post(EVENTS).then().statusCode(202);
        org.imagehub.testing.Eventually.until("the late view rolled up", () -> {
            Api.asAdmin().post("/api/v1/manage/analytics/rollups").then().statusCode(200);
            return rolledUp(stories) - raw(stories);
        }, difference -> difference == 0);
        List<Object> days = Database.column("select distinct (occurred_at at time zone 'UTC')::date::text from analytics_event where story_id = any(?)",
                (Object) stories.toArray(String[]::new));
        assertThat(days).hasSizeGreaterThanOrEqualTo(4);
        for (Object day : days) {
            long raw = ((Number) Database.value("select count(*) from analytics_event where story_id = any(?) and (occurred_at at time zone 'UTC')::date = ?::date",
                    stories.toArray(String[]::new), day)).longValue();
            long rolled = ((Number) Database.value("select coalesce(sum(events), 0) from analytics_daily where story_id = any(?) and day = ?::date",
                    stories.toArray(String[]::new), day)).longValue();
            assertThat(rolled).as("day " + day).isEqualTo(raw);
        }
        assertThat(Database.value("select count(distinct channel) from analytics_daily where story_id = any(?)", (Object) stories.toArray(String[]::new)))
                .isEqualTo(1L);
    }

    @Test
    void apiReadsAreRolledUpBesidePageViews() {
        String story = Publishing.published(Stories.article().inLanguages("fr"));
        String reader = Consumers.reading("fr").key();
        for (int i = 0; i < 3; i++) {
            Consumers.withKey(reader).get("/api/v1/stories/{id}?lang=fr", story).then().statusCode(200);
        }
        long reads = org.imagehub.testing.Eventually.until("three API reads rolled up", () -> {
            Api.asAdmin().post("/api/v1/manage/analytics/rollups").then().statusCode(200);
            return ((Number) Database.value("select coalesce(sum(events), 0) from analytics_daily where story_id = ? and channel = 'api-read'", story))
                    .longValue();
        }, count -> count >= 3);
        assertThat(reads).isEqualTo(3);
    }

    @Test
    void theBeaconScriptIsSmallAndKeepsNothingInTheBrowser() {
        String script = Clients.fresh().get("/api/v1/analytics/beacon.js").then().statusCode(200).contentType("text/javascript")
                .header("Cache-Control", "public, max-age=86400").extract().asString();
        assertThat(script.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(2048);
        assertThat(script).contains("sendBeacon").doesNotContain("cookie").doesNotContain("localStorage").doesNotContain("sessionStorage");
    }

    private static long raw(List<String> stories) {
        return ((Number) Database.value("select count(*) from analytics_event where story_id = any(?)", (Object) stories.toArray(String[]::new))).longValue();
    }

    private static long rolledUp(List<String> stories) {
        return ((Number) Database.value("select coalesce(sum(events), 0) from analytics_daily where story_id = any(?)",
                (Object) stories.toArray(String[]::new))).longValue();
    }

    private static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
