package org.imagehub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.imagehub.testing.Api;
import org.imagehub.testing.Database;
import org.imagehub.testing.Publishing;
import org.imagehub.testing.Stories;
import org.junit.jupiter.api.Test;

/** The management API behaves one way: updates need If-Match, creates honour Idempotency-Key, lists answer items and next. */
@QuarkusTest
class ManagementWritesTests {
    private static final String CONSUMERS = "/api/v1/manage/consumers";
    private static final String ORGANISATIONS = "/api/v1/manage/organisations/";

    private static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    @Test
    void aRetriedConsumerRegistrationCreatesOneConsumer() {
        Map<String, Object> body = Map.of("name", unique("Idempotent consumer"), "kind", "partner-outlet", "scopes", List.of("content:read"));
        String idempotencyKey = unique("consumer");
        long before = Database.rows("consumer");

        Response first = Api.asAdmin().header("Idempotency-Key", idempotencyKey).body(body).post(CONSUMERS);
        first.then().statusCode(201).header("ETag", "\"v1\"");
        Response replayed = Api.asAdmin().header("Idempotency-Key", idempotencyKey).body(body).post(CONSUMERS);

        assertThat(first.header("Location")).endsWith(CONSUMERS + "/" + first.path("id"));
        replayed.then().statusCode(201).header("Idempotent-Replayed", "true").header("Location", first.header("Location"));
        assertThat(replayed.asString()).isEqualTo(first.asString());
        assertThat(Database.rows("consumer")).isEqualTo(before + 1);
        Api.asAdmin().header("Idempotency-Key", idempotencyKey).body(Map.of("name", unique("Other"), "kind", "partner-outlet",
                "scopes", List.of("content:read"))).post(CONSUMERS).then().statusCode(409)
                .body("errors[0].field", equalTo("header.Idempotency-Key"));
        assertThat(Database.rows("consumer")).isEqualTo(before + 1);
    }

    @Test
    void aRetriedKeyIssueIssuesOneKeyAndNeverStoresOrRepeatsTheSecret() {
        String consumer = Api.asAdmin().body(Map.of("name", unique("Key retry"), "kind", "partner-outlet", "scopes", List.of("content:read")))
                .post(CONSUMERS).then().statusCode(201).extract().path("id");
        String idempotencyKey = unique("key");

        Map<String, Object> first = Api.asAdmin().header("Idempotency-Key", idempotencyKey).body(Map.of()).post(CONSUMERS + "/" + consumer + "/keys")
                .then().statusCode(201).header("Cache-Control", "no-store").extract().path("");
        Response replayed = Api.asAdmin().header("Idempotency-Key", idempotencyKey).body(Map.of()).post(CONSUMERS + "/" + consumer + "/keys");

        String secret = (String) first.get("key");
        assertThat(secret).startsWith("ihk_");
        replayed.then().statusCode(201).header("Idempotent-Replayed", "true").header("Cache-Control", "no-store")
                .body("id", equalTo(first.get("id"))).body("hint", equalTo(first.get("hint"))).body("$", not(hasKey("key")));
        assertThat(Database.value("select count(*) from api_key where consumer_id = ?", consumer)).isEqualTo(1L);
        assertThat(Database.value("select count(*) from idempotency_record where response_body like ?", "%" + secret + "%")).isEqualTo(0L);
    }

    @Test
    void organisationsAreReplacedWithIfMatchAndRegisteredOnceWhenRetried() {
        String code = unique("org");
        Map<String, Object> body = Map.of("name", "Embassy in Canberra", "kind", "embassy");
        String idempotencyKey = unique("organisation");

        String created = Api.asAdmin().header("Idempotency-Key", idempotencyKey).body(body).put(ORGANISATIONS + code).then().statusCode(201)
                .header("ETag", "\"v1\"").extract().asString();
        String replayed = Api.asAdmin().header("Idempotency-Key", idempotencyKey).body(body).put(ORGANISATIONS + code).then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract().asString();
        assertThat(replayed).isEqualTo(created);

        Api.asAdmin().body(Map.of("name", "Overwritten", "kind", "embassy")).put(ORGANISATIONS + code).then().statusCode(428)
                .body("errors[0].field", equalTo("header.If-Match"));
        Api.asAdmin().header("If-Match", "\"v1\"").body(Map.of("name", "Embassy in Canberra and Wellington", "kind", "embassy"))
                .put(ORGANISATIONS + code).then().statusCode(200).header("ETag", "\"v2\"");
        Api.asAdmin().header("If-Match", "\"v1\"").body(Map.of("name", "Stale", "kind", "embassy")).put(ORGANISATIONS + code).then()
                .statusCode(412).body("errors[0].field", equalTo("header.If-Match"));
        assertThat(Database.value("select name || ' v' || version from organisation where code = ?", code))
                .isEqualTo("Embassy in Canberra and Wellington v2");
    }

    @Test
    void everyListAnswersItemsAndNoNextWhenItIsWhole() {
        String consumer = Api.asAdmin().body(Map.of("name", unique("Lists"), "kind", "partner-outlet", "scopes", List.of("content:read")))
                .post(CONSUMERS).then().statusCode(201).extract().path("id");
        String story = Publishing.published(Stories.article().inLanguages("vi"));
        for (String path : List.of("/api/v1/topics", "/api/v1/manage/organisations", CONSUMERS, CONSUMERS + "/" + consumer + "/keys",
                "/api/v1/manage/key-messages", "/api/v1/manage/key-messages/coverage", "/api/v1/manage/stories/" + story + "/attribute-revisions",
                "/api/v1/manage/stories/" + story + "/localizations/vi/revisions")) {
            Api.asAdmin().get(path).then().statusCode(200)
                    .body("items", instanceOf(List.class))
                    .body("$", not(hasKey("next")))
                    .body("keySet().size()", equalTo(1));
        }
    }
}
