package org.imagehub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.imagehub.testing.Api;
import org.imagehub.testing.Consumers;
import org.imagehub.testing.Publishing;
import org.imagehub.testing.SqlStatements;
import org.imagehub.testing.Stories;
import org.junit.jupiter.api.Test;

/** The read path: by-slug answers from memory once warm, and lists pick each story's best language page by page. */
@QuarkusTest
class DeliveryReadPathTests {
    @Inject
    AgroalDataSource dataSource;

    private static final String STORIES = "/api/v1/stories";

    @Test
    void aWarmBySlugAnswerRunsNoSqlAndAnUnknownSlugIsRememberedBriefly() {
        String key = Consumers.reading().key();
        String id = Publishing.published(Stories.article().inLanguages("vi", "fr"));
        String slug = Consumers.withKey(key).get(STORIES + "/" + id + "?lang=fr").then().statusCode(200).extract().path("slug");

        String cold = probe(key, STORIES + "/by-slug/fr/" + slug, 200);
        assertThat(SqlStatements.of(cold)).as("the cold request reads the published view").anyMatch(sql -> sql.contains("delivery_item"));
        // A change elsewhere (another test's embargo ending) may empty the cache once; a warm answer needs no SQL.
        assertThat(warmNeedsNoSql(key, STORIES + "/by-slug/fr/" + slug, 200)).isTrue();

        String unknown = STORIES + "/by-slug/fr/no-such-story-" + UUID.randomUUID();
        String missed = probe(key, unknown, 404);
        assertThat(SqlStatements.of(missed)).isNotEmpty();
        assertThat(warmNeedsNoSql(key, unknown, 404)).isTrue();
    }

    @Test
    void aPublicationOfAnotherStoryLeavesAWarmDetailInTheCacheAndShowsInTheListAtOnce() {
        String key = Consumers.reading().key();
        String topic = topic("warm-detail");
        String id = Publishing.published(Stories.article().inLanguages("fr").with("topics", List.of(topic)));
        String slug = Consumers.withKey(key).get(STORIES + "/" + id + "?lang=fr").then().statusCode(200).extract().path("slug");
        String detail = STORIES + "/by-slug/fr/" + slug;
        String list = STORIES + "?lang=fr&topic=" + topic;
        Consumers.withKey(key).get(list).then().statusCode(200).body("items.id", equalTo(List.of(id)));
        // Another test's embargo ending empties the whole cache; three tries, each with a publication of its own.
        boolean keptWarm = false;
        for (int attempt = 0; attempt < 3 && !keptWarm; attempt++) {
            assertThat(warmNeedsNoSql(key, detail, 200)).isTrue();
            String other = Publishing.published(Stories.article().inLanguages("fr").with("topics", List.of(topic)));
            // The first request after any change looks up when the next embargo ends (one indexed query); the detail itself is not read again.
            keptWarm = SqlStatements.of(probe(key, detail, 200)).stream().noneMatch(sql -> sql.contains("document"));
            assertThat(Consumers.withKey(key).get(list).then().statusCode(200).extract().<List<String>>path("items.id"))
                    .as("the list shows the new story at once").contains(other, id);
        }
        assertThat(keptWarm).as("a warm detail survives another story's publication").isTrue();
    }

    @Test
    void bySlugFollowsPublicationSlugChangeAndWithdrawalAtOnce() {
        String key = Consumers.reading().key();
        String slug = "read-path-" + Long.toString(System.nanoTime(), 36);
        String id = Api.as("editor.mofa").body(Stories.article().withLocalization(Map.of("lang", "fr", "title", "Chemin de lecture", "slug", slug,
                "body", "<p>Première.</p>")).build()).post("/api/v1/manage/stories").then().statusCode(201).extract().path("id");
        Consumers.withKey(key).get(STORIES + "/by-slug/fr/" + slug).then().statusCode(404);

        Publishing.publishAll(id);
        Consumers.withKey(key).get(STORIES + "/by-slug/fr/" + slug).then().statusCode(200).body("id", equalTo(id));

        String path = Publishing.localization(id, "fr");
        String etag = Api.asAdmin().get(path).then().extract().header("ETag");
        Api.asAdmin().header("If-Match", etag).body(Map.of("title", "Chemin de lecture, bis", "slug", slug + "-bis", "body", "<p>Seconde.</p>"))
                .put(path).then().statusCode(200);
        Publishing.publishAll(id);
        Consumers.withKey(key).get(STORIES + "/by-slug/fr/" + slug + "-bis").then().statusCode(200).body("title", equalTo("Chemin de lecture, bis"));
        String gone = Consumers.withKey(key).get(STORIES + "/by-slug/fr/" + slug).then().statusCode(404)
                .contentType(startsWith("application/problem+json")).extract().asString();
        assertThat(gone).doesNotContain(id);

        DeliveryTests.withdraw(id, "fr", "Superseded");
        Consumers.withKey(key).get(STORIES + "/by-slug/fr/" + slug + "-bis").then().statusCode(404);
    }

    @Test
    void anEmbargoedOrOutOfScopeStoryIsNotFoundBySlugWithoutItsId() {
        String topic = topic("slug-scope");
        String id = Publishing.published(Stories.article().inLanguages("fr").with("topics", List.of(topic)));
        String slug = Consumers.withKey(Consumers.reading().key()).get(STORIES + "/" + id).then().statusCode(200).extract().path("slug");
        String otherTopics = Consumers.reading().with("topics", List.of(topic("elsewhere"))).key();
        for (int i = 0; i < 2; i++) {
            String body = Consumers.withKey(otherTopics).get(STORIES + "/by-slug/fr/" + slug).then().statusCode(404).extract().asString();
            assertThat(body).doesNotContain(id);
        }
    }

    @Test
    void listsServeEachStoryOnceInTheBestLanguageOfTheChainPageByPage() {
        String topic = topic("chain");
        String both = Publishing.published(Stories.article().inLanguages("fr", "en").with("topics", List.of(topic)));
        String english = Publishing.published(Stories.article().inLanguages("en").with("topics", List.of(topic)));
        String vietnamese = Publishing.published(Stories.article().inLanguages("vi").with("topics", List.of(topic)));
        String french = Publishing.published(Stories.article().inLanguages("fr", "vi").with("topics", List.of(topic)));
        String key = Consumers.reading().key();

        assertThat(pages(key, STORIES + "?topic=" + topic + "&lang=fr,en&limit=1"))
                .containsExactly(french + "/fr", english + "/en", both + "/fr");
        assertThat(pages(key, STORIES + "?topic=" + topic + "&lang=en&limit=2")).containsExactly(english + "/en", both + "/en");
        // Accept-Language is a preference: any language will do afterwards, the preferred one first.
        List<String> preferred = new ArrayList<>();
        String next = STORIES + "?topic=" + topic + "&limit=3";
        while (next != null) {
            Response page = Consumers.withKey(key).urlEncodingEnabled(false).header("Accept-Language", "en, fr;q=0.5").get(next);
            page.then().statusCode(200);
            List<Map<String, String>> items = page.path("items");
            items.forEach(item -> preferred.add(item.get("id") + "/" + item.get("lang")));
            next = page.path("next");
        }
        assertThat(preferred).containsExactly(french + "/fr", vietnamese + "/vi", english + "/en", both + "/en");

        String topicScoped = Consumers.reading("fr", "en").with("topics", List.of(topic)).key();
        assertThat(pages(topicScoped, STORIES + "?limit=2")).containsExactly(french + "/fr", english + "/en", both + "/en");
        String feed = Consumers.withKey(key).get("/api/v1/feeds/fr.json?topic=" + topic).then().statusCode(200).extract().asString();
        assertThat(feed).contains(both, french).doesNotContain(english).doesNotContain(vietnamese);
        Consumers.withKey(key).get(STORIES + "/" + both + "?lang=fr").then().statusCode(200).body("related.id", equalTo(List.of(french)));
    }

    @Test
    void theResponseCacheReportsHitsMissesAndBytes() {
        String key = Consumers.reading().key();
        String id = Publishing.published(Stories.article().inLanguages("vi"));
        Consumers.withKey(key).get(STORIES + "/" + id).then().statusCode(200);
        Consumers.withKey(key).get(STORIES + "/" + id).then().statusCode(200);
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("cache_gets_total{cache=\"delivery-responses\",result=\"hit\"}")
                .contains("cache_gets_total{cache=\"delivery-responses\",result=\"miss\"}")
                .contains("cache_evictions_total{cache=\"delivery-responses\"}")
                .contains("hub_delivery_cache_weighted_bytes").contains("hub_delivery_cache_budget_bytes");
    }

    @Test
    void theHubsConnectionsKeepOneGenericPlanPerPreparedStatement() throws SQLException {
        // Otherwise PostgreSQL plans each list request again (its parameters make the generic plan look costlier).
        assertThat(connectionSetting("plan_cache_mode")).isEqualTo("force_generic_plan");
    }

    @Test
    void theHubsConnectionsStartNoParallelWorkers() throws SQLException {
        // A worker process started for a query that reads a page costs more than the page (a deep cursor: 7.5 ms, not 0.6).
        assertThat(connectionSetting("max_parallel_workers_per_gather")).isEqualTo("0");
    }

    /** A setting as the hub's own connections have it. */
    private String connectionSetting(String name) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet setting = statement.executeQuery("select current_setting('" + name + "')")) {
            assertThat(setting.next()).isTrue();
            return setting.getString(1);
        }
    }

    /** Every item of every page, as id/lang, following next links; fails on a repeated story. */
    private static List<String> pages(String key, String first) {
        List<String> seen = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String next = first;
        while (next != null) {
            // next links come encoded (lang=fr%2Cen): send them as they are.
            Response page = Consumers.withKey(key).urlEncodingEnabled(false).get(next);
            page.then().statusCode(200);
            List<Map<String, String>> items = page.path("items");
            for (Map<String, String> item : items) {
                assertThat(ids.add(item.get("id"))).as("repeated " + item.get("id")).isTrue();
                seen.add(item.get("id") + "/" + item.get("lang"));
            }
            next = page.path("next");
        }
        return seen;
    }

    private static String probe(String key, String path, int status) {
        String requestId = SqlStatements.PROBE + UUID.randomUUID();
        Consumers.withKey(key).header("X-Request-Id", requestId).get(path).then().statusCode(status);
        return requestId;
    }

    private static boolean warmNeedsNoSql(String key, String path, int status) {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (SqlStatements.of(probe(key, path, status)).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static String topic(String prefix) {
        String topic = prefix + "-" + Long.toString(System.nanoTime(), 36);
        Api.asAdmin().body(Map.of("labels", Map.of("en", "Read path test"))).put("/api/v1/manage/topics/" + topic).then().statusCode(201);
        return topic;
    }
}
