package org.imagehub.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import org.imagehub.demo.embedded.EmbeddedElasticsearchServer;
import org.imagehub.platform.BulkWrites;
import org.imagehub.testing.Api;
import org.imagehub.testing.Consumers;
import org.imagehub.testing.Corpus;
import org.imagehub.testing.Database;
import org.imagehub.testing.Eventually;
import org.imagehub.testing.InjectElasticsearchServer;
import org.imagehub.testing.Publishing;
import org.imagehub.testing.Stories;
import org.junit.jupiter.api.Test;

/** Search on the real Elasticsearch the suite starts: indexing through the outbox, visibility, languages, bad input, outages. */
@QuarkusTest
class SearchTests {
    private static final String SEARCH = "/api/v1/search";
    private static final String MANAGE_SEARCH = "/api/v1/manage/search";

    @InjectElasticsearchServer
    EmbeddedElasticsearchServer elasticsearch;

    @Inject
    BulkWrites bulkWrites;

    @Inject
    MeterRegistry registry;

    private static String newTopic(String prefix) {
        String topic = prefix + "-" + Long.toString(System.nanoTime(), 36);
        Api.asAdmin().body(Map.of("labels", Map.of("en", topic))).put("/api/v1/manage/topics/" + topic).then().statusCode(201);
        return topic;
    }

    private static Response search(String key, String query) {
        return Consumers.withKey(key).get(SEARCH + "?" + query);
    }

    private static List<String> ids(String key, String query) {
        return search(key, query).then().statusCode(200).extract().path("items.id");
    }

    private static List<String> eventuallyIds(String key, String query, java.util.function.Predicate<List<String>> done) {
        return Eventually.until("search " + query, () -> ids(key, query), done);
    }

    static void withdraw(String storyId, String lang) {
        String path = Publishing.localization(storyId, lang);
        String etag = Api.asAdmin().get(path).then().statusCode(200).extract().header("ETag");
        Api.asAdmin().header("If-Match", etag).body(Map.of("action", "withdraw", "comment", "test withdrawal")).post(path + "/workflow")
                .then().statusCode(200);
    }

    @Test
    void aPublishedStoryBecomesSearchableAndAWithdrawnOneDisappears() {
        String key = Consumers.reading().key();
        Stories story = Stories.article().inLanguages("en");
        String id = Publishing.published(story);
        eventuallyIds(key, "q=" + story.unique(), found -> found.contains(id));

        Response answer = search(key, "q=" + story.unique() + "&lang=en");
        answer.then().statusCode(200).body("items[0].lang", org.hamcrest.Matchers.equalTo("en"))
                .body("items[0].highlights.title[0]", org.hamcrest.Matchers.containsString("<em>" + story.unique() + "</em>"));

        withdraw(id, "en");
        eventuallyIds(key, "q=" + story.unique(), found -> !found.contains(id));
    }

    /**
     * Once the index has settled, a repeated search is answered from the response cache (a hit on /q/metrics, the same
     * ETag, 304 on revalidation); a withdrawal removes the story at once from the cached answer's successor: the test
     * profile keeps answers for 10 minutes, so only the exact invalidation can make it disappear.
     */
    @Test
    void aRepeatedSearchIsAnsweredFromTheCacheUntilAWithdrawalDropsIt() {
        String key = Consumers.reading().key();
        Stories story = Stories.article().inLanguages("en");
        String id = Publishing.published(story);
        String query = "q=" + story.unique() + "&lang=en";
        eventuallyIds(key, query, found -> found.contains(id));
        String etag = Eventually.until("a search answered from the cache", () -> {
            search(key, query).then().statusCode(200);
            double before = searchCacheHits();
            Response again = search(key, query);
            again.then().statusCode(200);
            return searchCacheHits() > before ? again.header("ETag") : null;
        }, found -> found != null);
        Consumers.withKey(key).header("If-None-Match", etag).get(SEARCH + "?" + query).then().statusCode(304);

        withdraw(id, "en");
        eventuallyIds(key, query, found -> !found.contains(id));
    }

    private static double searchCacheHits() {
        String metrics = io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("cache_gets_total{cache=\"delivery-responses\",result=\"hit\"}"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void draftsAreFoundByTheirOrganisationsEditorsOnly() {
        String key = Consumers.reading().key();
        Stories draft = Stories.article().inLanguages("fr");
        String id = Api.as("editor.mofa").body(draft.build()).post("/api/v1/manage/stories").then().statusCode(201).extract().path("id");
        List<String> mine = Eventually.until("the draft in the editors' search",
                () -> Api.as("editor.mofa").get(MANAGE_SEARCH + "?q=" + draft.unique()).then().statusCode(200).extract().<List<String>>path("items.id"),
                found -> found.contains(id));
        assertThat(mine).containsExactly(id);
        Api.as("editor.mofa").get(MANAGE_SEARCH + "?q=" + draft.unique()).then().body("items[0].state", org.hamcrest.Matchers.equalTo("draft"))
                .body("facets.state.value", org.hamcrest.Matchers.hasItem("draft"));
        assertThat(Api.as("editor.hue").get(MANAGE_SEARCH + "?q=" + draft.unique()).then().statusCode(200).extract().<List<String>>path("items.id"))
                .isEmpty();
        assertThat(ids(key, "q=" + draft.unique())).isEmpty();

        Publishing.publishAll(id);
        Eventually.until("the published story in another organisation's search",
                () -> Api.as("editor.hue").get(MANAGE_SEARCH + "?q=" + draft.unique()).then().statusCode(200).extract().<List<String>>path("items.id"),
                found -> found.contains(id));
        eventuallyIds(key, "q=" + draft.unique(), found -> found.contains(id));
    }

    @Test
    void theIndexWaitsWhileAnImportRunsAndCatchesUpAfterIt() {
        Stories draft = Stories.article().inLanguages("fr");
        Counter heldBack = registry.find("hub.outbox.held.back").tag("handler", "search-index").counter();
        String id;
        try (BulkWrites.Running importing = bulkWrites.begin()) {
            id = Api.as("editor.mofa").body(draft.build()).post("/api/v1/manage/stories").then().statusCode(201).extract().path("id");
            String pending = "select count(*) from outbox_delivery where handler = 'search-index' and aggregate_id = ?";
            Eventually.until("the story's events queued for the index", () -> Database.value(pending, id), count -> ((Long) count) > 0);
            double before = heldBack.count();
            Eventually.until("the indexer looking for work once they were queued", heldBack::count, count -> count > before);
            assertThat(Database.value(pending, id)).as("still queued, not claimed").isNotEqualTo(0L);
            assertThat(Api.as("editor.mofa").get(MANAGE_SEARCH + "?q=" + draft.unique()).then().statusCode(200).extract().<List<String>>path("items.id"))
                    .isEmpty();
        }
        Eventually.until("the draft in the editors' search once the import is over",
                () -> Api.as("editor.mofa").get(MANAGE_SEARCH + "?q=" + draft.unique()).then().statusCode(200).extract().<List<String>>path("items.id"),
                found -> found.contains(id));
    }

    @Test
    void eachCorpusLanguageIsFoundByItsOwnWordsWithAndWithoutDiacritics() {
        String topic = newTopic("search-corpus");
        String key = Consumers.reading().key();
        String vi = Publishing.published(Stories.article().with("topics", List.of(topic))
                .withLocalization(Corpus.localization("vi", "vi-resolution-47-qa.txt", null)));
        String fr = Publishing.published(Stories.article().with("topics", List.of(topic))
                .withLocalization(Corpus.localization("fr", "fr-resolution-47-cpv.txt", null)));
        String zh = Publishing.published(Stories.article().with("topics", List.of(topic))
                .withLocalization(Corpus.localization("zh-Hans", "zh-resolution-47-vna.txt", null)));
        String uk = Publishing.published(Stories.article().with("topics", List.of(topic))
                .withLocalization(Corpus.localization("uk", "uk-steering-committee-2025.txt", null)));
        String scoped = "topic=" + topic + "&q=";

        eventuallyIds(key, scoped + "đối ngoại", found -> found.equals(List.of(vi)));
        assertThat(ids(key, scoped + "doi ngoai")).containsExactly(vi);
        assertThat(ids(key, scoped + "Chính phủ")).containsExactly(vi);
        assertThat(ids(key, scoped + "chinh phu")).containsExactly(vi);
        eventuallyIds(key, scoped + "amélioration", found -> found.equals(List.of(fr)));
        assertThat(ids(key, scoped + "amelioration")).containsExactly(fr);
        assertThat(ids(key, scoped + "AMELIORATION qualite")).containsExactly(fr);
        eventuallyIds(key, scoped + "越通社", found -> found.equals(List.of(zh)));
        assertThat(ids(key, scoped + "对外信息")).containsExactly(zh);
        assertThat(ids(key, scoped + "信外对")).isEmpty();
        eventuallyIds(key, scoped + "конференцію", found -> found.equals(List.of(uk)));
        assertThat(ids(key, scoped + "Ханої")).containsExactly(uk);
        assertThat(ids(key, "topic=" + topic + "&lang=fr")).containsExactly(fr);
    }

    @Test
    void aKeyLimitedToALanguageOrATopicSeesNothingElseInResultsFacetsOrHighlights() {
        String inside = newTopic("search-in");
        String outside = newTopic("search-out");
        Stories both = Stories.article().inLanguages("fr", "en").with("topics", List.of(inside));
        String shared = Publishing.published(both);
        Stories other = Stories.article().inLanguages("en", "fr").with("topics", List.of(outside));
        String hidden = Publishing.published(other);
        String all = Consumers.reading().key();
        eventuallyIds(all, "q=" + other.unique(), found -> found.contains(hidden));
        eventuallyIds(all, "q=" + both.unique(), found -> found.contains(shared));

        String french = Consumers.reading("fr").key();
        for (String query : List.of("q=" + both.unique(), "q=" + both.unique() + "&lang=en,fr", "q=" + both.unique() + "&lang=en", "q=Body",
                "topic=" + inside)) {
            Response answer = search(french, query + "&limit=100");
            answer.then().statusCode(200);
            assertThat(answer.jsonPath().<String>getList("items.lang")).allMatch("fr"::equals);
            assertThat(answer.jsonPath().<String>getList("facets.lang.value")).allMatch("fr"::equals);
            assertThat(answer.asString()).doesNotContain("Body in en").doesNotContain(TITLE_EN);
        }
        assertThat(ids(french, "q=" + both.unique() + "&lang=en")).isEmpty();

        String topical = Consumers.reading().with("topics", List.of(inside)).key();
        assertThat(ids(topical, "q=" + other.unique())).isEmpty();
        assertThat(ids(topical, "topic=" + outside)).isEmpty();
        Response answer = search(topical, "q=" + both.unique() + "&limit=100");
        assertThat(answer.jsonPath().<String>getList("items.id")).containsExactly(shared);
        assertThat(answer.jsonPath().<String>getList("facets.topic.value")).containsExactly(inside);
        assertThat(answer.asString()).doesNotContain(other.unique()).doesNotContain(outside);
    }

    private static final String TITLE_EN = Stories.TITLES.get("en");

    @Test
    void facetsCountMatchesAndTheCursorPagesWithoutRepeats() {
        String topic = newTopic("search-facets");
        String key = Consumers.reading().key();
        String one = Publishing.published(Stories.article().inLanguages("fr", "en").with("topics", List.of(topic)).with("countries", List.of("FR")));
        String two = Publishing.published(Stories.article().inLanguages("fr").with("topics", List.of(topic)).with("countries", List.of("VN")));
        eventuallyIds(key, "topic=" + topic + "&lang=fr", found -> found.size() == 2);

        Response answer = search(key, "topic=" + topic);
        answer.then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(3));
        Map<String, Integer> langs = facet(answer, "lang");
        assertThat(langs).containsExactlyInAnyOrderEntriesOf(Map.of("fr", 2, "en", 1));
        assertThat(facet(answer, "country")).containsExactlyInAnyOrderEntriesOf(Map.of("FR", 2, "VN", 1));
        assertThat(facet(answer, "topic")).containsEntry(topic, 3);
        assertThat(ids(key, "topic=" + topic + "&country=VN")).containsExactly(two);

        Response first = search(key, "topic=" + topic + "&lang=fr&limit=1&sort=date");
        first.then().statusCode(200);
        String next = first.path("next");
        assertThat(next).isNotNull();
        List<String> second = ids(key, "topic=" + topic + "&lang=fr&limit=1&sort=date&cursor=" + next);
        assertThat(List.of(first.jsonPath().<String>getList("items.id").get(0), second.get(0))).containsExactlyInAnyOrder(one, two);
        search(key, "topic=" + topic + "&cursor=" + next + "x").then().statusCode(400);
        search(key, "topic=" + topic + "&cursor=" + next).then().statusCode(400);
    }

    private static Map<String, Integer> facet(Response answer, String name) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        List<Map<String, Object>> buckets = answer.jsonPath().getList("facets." + name);
        buckets.forEach(bucket -> counts.put((String) bucket.get("value"), ((Number) bucket.get("count")).intValue()));
        return counts;
    }

    @Test
    void searchSyntaxLongAndOddQueriesGetResultsOr400NeverAServerError() {
        String key = Consumers.reading().key();
        List<String> queries = List.of("title:x AND", "*", "{\"query\":{\"match_all\":{}}}", "\"unclosed", "((((", "a~2 b^3", "-", "|", "+",
                "\\", "/regex.*/", "\u0000x", "\uD83D\uDE00 emoji", "\u202Eltr", "ﬁ ligature", "\u0301\u0301", "x".repeat(200), "日本語" + "の".repeat(150));
        for (String q : queries) {
            Response answer = Consumers.withKey(key).queryParam("q", q).get(SEARCH);
            assertThat(answer.statusCode()).as(q).isIn(200, 400);
            assertThat(answer.asString()).as(q).doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("elasticsearch")
                    .doesNotContain("query_shard");
        }
        Consumers.withKey(key).queryParam("q", "x".repeat(201)).get(SEARCH).then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("query.q"));
        Response tenKb = Consumers.withKey(key).queryParam("q", "word ".repeat(2048)).get(SEARCH);
        assertThat(tenKb.statusCode()).isIn(400, 414);
        Consumers.withKey(key).queryParam("limit", "101").get(SEARCH).then().statusCode(400);
        Consumers.withKey(key).queryParam("sort", "size").get(SEARCH).then().statusCode(400);
        Consumers.withKey(key).queryParam("nope", "1").get(SEARCH).then().statusCode(400);
        Api.as("editor.mofa").queryParam("state", "lost").get(MANAGE_SEARCH).then().statusCode(400);
        io.restassured.RestAssured.given().get(SEARCH).then().statusCode(401);
    }

    /** Elasticsearch stopped: writes succeed, search is 503 with Retry-After; after the restart the index catches up. */
    @Test
    void anElasticsearchOutageKeepsWritesWorkingAndTheIndexCatchesUp() {
        String key = Consumers.reading().key();
        Stories story = Stories.article().inLanguages("en");
        String id;
        elasticsearch.stopProcess();
        try {
            id = Publishing.published(story);
            Response answer = search(key, "q=" + story.unique());
            answer.then().statusCode(503).contentType("application/problem+json").header("Retry-After", org.hamcrest.Matchers.notNullValue());
            assertThat(answer.asString()).doesNotContainIgnoringCase("exception").doesNotContain("Connection refused");
            Api.as("editor.mofa").get(MANAGE_SEARCH + "?q=x").then().statusCode(503);
            // A create and a draft save succeed and say that no near-duplicate check was made.
            String draft = Api.as("editor.mofa").body(Stories.article().inLanguages("en").build()).post("/api/v1/manage/stories").then()
                    .statusCode(201).body("localizations[0].nearDuplicates.checked", org.hamcrest.Matchers.equalTo(false))
                    .body("localizations[0].nearDuplicates.note", org.hamcrest.Matchers.notNullValue()).extract().path("id");
            Api.as("editor.mofa").body(Map.of("title", "Saved while search is down", "body", "<p>Text.</p>"))
                    .put("/api/v1/manage/stories/" + draft + "/localizations/fr").then().statusCode(201)
                    .body("nearDuplicates.checked", org.hamcrest.Matchers.equalTo(false)).body("nearDuplicates.note", org.hamcrest.Matchers.notNullValue());
            // A story detail needs no search: its related stories fall back to those sharing a topic.
            Consumers.withKey(key).get("/api/v1/stories/" + id).then().statusCode(200).body("related", org.hamcrest.Matchers.notNullValue());
        } finally {
            elasticsearch.startProcess();
        }
        Eventually.until("the story indexed after the restart", () -> {
            Response answer = search(key, "q=" + story.unique());
            return answer.statusCode() == 200 ? answer.jsonPath().<String>getList("items.id") : List.<String>of();
        }, found -> found.contains(id));
        Eventually.until("a consistency check without drift after the restart",
                () -> io.restassured.RestAssured.given().get("/q/health/ready").then().extract()
                        .<String>path("checks.find { it.name == 'elasticsearch' }.data.consistencyCheck"),
                check -> check != null && check.contains("drift 0"));
    }

    @jakarta.inject.Inject
    SearchConsistency consistency;

    @jakarta.inject.Inject
    StoryIndex index;

    /** The story version the index holds for a document. */
    private long indexedVersion(String storyId, String lang) {
        try {
            index.send("POST", "/" + index.alias() + "/_refresh", null);
            return index.send("POST", "/" + index.alias() + "/_search", Map.of("_source", List.of("version"), "query", Map.of("ids",
                    Map.of("values", List.of(StoryDocuments.id(storyId, lang)))))).path("hits").path("hits").path(0).path("_source")
                    .path("version").asLong();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long storyVersion(String storyId) {
        return ((Number) Database.value("select version from story where id = ?", storyId)).longValue();
    }

    /**
     * A story whose change is still queued for the indexer is behind, not drifted: the check leaves it to the indexer
     * (during a bulk import it would index thousands of stories twice) and repairs a document whose change was lost.
     */
    @Test
    void aConsistencyCheckLeavesStoriesQueuedForTheIndexerAndRepairsTheLostOnes() throws Exception {
        String key = Consumers.reading().key();
        Stories lostStory = Stories.article().inLanguages("en");
        Stories queuedStory = Stories.article().inLanguages("en");
        String lost = Publishing.published(lostStory);
        String queued = Publishing.published(queuedStory);
        eventuallyIds(key, "q=" + lostStory.unique(), found -> found.contains(lost));
        eventuallyIds(key, "q=" + queuedStory.unique(), found -> found.contains(queued));
        Eventually.until("both indexed at their versions", () -> indexedVersion(lost, "en") == storyVersion(lost)
                && indexedVersion(queued, "en") == storyVersion(queued), done -> done);
        // Both stories change without the indexer hearing of it; only the second has an event waiting for it (due in an hour).
        Database.update("update story set version = version + 1 where id = any(?)", (Object) new String[] {lost, queued});
        Database.update("insert into outbox_event (event_type, aggregate_type, aggregate_id, payload, routed_at) values ('story.updated', 'story', ?, '{}', now())",
                queued);
        Database.update("""
                insert into outbox_delivery (handler, event_id, aggregate_type, aggregate_id, position, due_at)
                select ?, id, aggregate_type, aggregate_id, position, now() + interval '1 hour' from outbox_event
                where aggregate_type = 'story' and aggregate_id = ? order by id desc limit 1""", SearchIndexer.NAME, queued);
        try {
            SearchConsistency.Result first = consistency.checkAndRepair();
            assertThat(first.error()).isNull();
            assertThat(first.behind()).isGreaterThanOrEqualTo(1);
            assertThat(indexedVersion(lost, "en")).as("the lost change is written: %s", first).isEqualTo(storyVersion(lost));
            assertThat(indexedVersion(queued, "en")).as("the queued story is left to the indexer").isEqualTo(storyVersion(queued) - 1);
        } finally {
            Database.update("delete from outbox_delivery where handler = ? and aggregate_id = ? and due_at > now() + interval '30 minutes'",
                    SearchIndexer.NAME, queued);
        }
        // Nothing is queued for it any more: now it is drift, and repaired.
        SearchConsistency.Result second = consistency.checkAndRepair();
        assertThat(second.stale()).isGreaterThanOrEqualTo(1);
        assertThat(indexedVersion(queued, "en")).isEqualTo(storyVersion(queued));
    }

    /** A reindex while searches run: every search answers 200, the alias moves to a new index version, and there is no drift. */
    @Test
    void aReindexDuringSearchesLosesNoSearchAndEndsWithoutDrift() throws Exception {
        String key = Consumers.reading().key();
        Stories story = Stories.article().inLanguages("fr");
        String id = Publishing.published(story);
        eventuallyIds(key, "q=" + story.unique(), found -> found.contains(id));
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.List<Integer> statuses = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.List<Boolean> found = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Thread searcher = new Thread(() -> {
            while (running.get()) {
                Response answer = search(key, "q=" + story.unique());
                statuses.add(answer.statusCode());
                found.add(answer.statusCode() == 200 && answer.jsonPath().<String>getList("items.id").contains(id));
            }
        });
        searcher.start();
        Response reindex;
        try {
            reindex = Api.asAdmin().post("/api/v1/manage/search-index/reindex");
        } finally {
            running.set(false);
            searcher.join();
        }
        reindex.then().statusCode(200).body("check.drift", org.hamcrest.Matchers.equalTo(0));
        assertThat((String) reindex.path("to")).isNotEqualTo(reindex.path("from"));
        assertThat(statuses).isNotEmpty().allMatch(status -> status == 200);
        assertThat(found).allMatch(Boolean::booleanValue);
        assertThat(ids(key, "q=" + story.unique())).containsExactly(id);
        Api.asAdmin().post("/api/v1/manage/search-index/consistency-check").then().statusCode(200).body("drift", org.hamcrest.Matchers.equalTo(0));
        Api.as("editor.mofa").post("/api/v1/manage/search-index/reindex").then().statusCode(403);
        io.restassured.RestAssured.given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'elasticsearch' }.data.consistencyCheck", org.hamcrest.Matchers.containsString("drift 0"));
    }

    /** Embargo at query time: editors of the story's organisation find it at once, consumers and other organisations after it. */
    @Test
    void anEmbargoedStoryIsFoundByConsumersOnlyAfterItsTime() {
        String key = Consumers.reading().key();
        Stories story = Stories.article().inLanguages("vi").with("embargoUntil", java.time.Instant.now().plusSeconds(10).toString());
        String id = Publishing.published(story);
        Eventually.until("the embargoed story in its organisation's search",
                () -> Api.as("editor.mofa").get(MANAGE_SEARCH + "?q=" + story.unique()).then().statusCode(200).extract().<List<String>>path("items.id"),
                found -> found.contains(id));
        assertThat(ids(key, "q=" + story.unique())).isEmpty();
        assertThat(Api.as("editor.hue").get(MANAGE_SEARCH + "?q=" + story.unique()).then().statusCode(200).extract().<List<String>>path("items.id"))
                .isEmpty();
        eventuallyIds(key, "q=" + story.unique(), found -> found.contains(id));
    }

    /** A story moved out of a key's topic leaves that key's results (the attribute change reaches the index). */
    @Test
    void aScopeChangeReachesTheIndex() {
        String inside = newTopic("search-scope-in");
        String outside = newTopic("search-scope-out");
        String limited = Consumers.reading().with("topics", List.of(inside)).key();
        Stories story = Stories.article().inLanguages("en").with("topics", List.of(inside));
        String id = Publishing.published(story);
        eventuallyIds(limited, "q=" + story.unique(), found -> found.contains(id));
        String etag = Api.asAdmin().get("/api/v1/manage/stories/" + id).then().statusCode(200).extract().header("ETag");
        Map<String, Object> attributes = new java.util.HashMap<>(story.build());
        attributes.remove("localizations");
        attributes.put("topics", List.of(outside));
        attributes.put("reason", "Moved to another topic");
        Api.asAdmin().header("If-Match", etag).body(attributes).put("/api/v1/manage/stories/" + id).then().statusCode(200);
        eventuallyIds(limited, "q=" + story.unique(), found -> !found.contains(id));
        assertThat(ids(Consumers.reading().key(), "q=" + story.unique() + "&topic=" + outside)).containsExactly(id);
    }
}
