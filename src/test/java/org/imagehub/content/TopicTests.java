package org.imagehub.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Map;
import org.imagehub.testing.Api;
import org.imagehub.testing.Database;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TopicTests {
    private static final String TOPICS = "/api/v1/manage/topics/";

    private static String newCode() {
        return "test-topic-" + Long.toString(System.nanoTime(), 36);
    }

    @Test
    void adminsDefineTopicsWithLabelsPerLanguageAndEveryoneReadsThem() {
        String code = newCode();
        String etag = Api.asAdmin().body(Map.of("labels", Map.of("vi", "Ngoại giao", "en", "Diplomacy", "zh-hans", "外交"), "iptcMediaTopic", "medtop:11000000"))
                .put(TOPICS + code).then().statusCode(201)
                .header("ETag", "\"v1\"")
                .body("code", equalTo(code))
                .body("version", equalTo(1))
                .body("labels.'zh-Hans'", equalTo("外交"))
                .extract().header("ETag");
        Api.asAdmin().header("If-Match", etag).body(Map.of("labels", Map.of("vi", "Ngoại giao và đối ngoại", "en", "Diplomacy")))
                .put(TOPICS + code).then().statusCode(200)
                .header("ETag", "\"v2\"")
                .body("labels.vi", equalTo("Ngoại giao và đối ngoại"));
        RestAssured.get("/api/v1/topics").then().statusCode(200)
                .body("items.code", hasItem(code))
                .body("items.find { it.code == '" + code + "' }.labels.vi", equalTo("Ngoại giao và đối ngoại"))
                .body("$", not(hasKey("next")));
    }

    @Test
    void aReplacementNeedsTheCurrentETagLikeEveryOtherUpdate() {
        String code = newCode();
        Api.asAdmin().body(Map.of("labels", Map.of("en", "First"))).put(TOPICS + code).then().statusCode(201);

        Api.asAdmin().body(Map.of("labels", Map.of("en", "Overwritten"))).put(TOPICS + code).then().statusCode(428)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("header.If-Match"));
        Api.asAdmin().header("If-Match", "\"v1\"").body(Map.of("labels", Map.of("en", "Second"))).put(TOPICS + code).then().statusCode(200);
        Api.asAdmin().header("If-Match", "\"v1\"").body(Map.of("labels", Map.of("en", "Stale"))).put(TOPICS + code).then().statusCode(412)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("header.If-Match"));

        assertThat(Database.value("select labels ->> 'en' from topic where code = ?", code)).isEqualTo("Second");
        assertThat(Database.value("select version from topic where code = ?", code)).isEqualTo(2L);
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyGetsTheFirstAnswer() {
        String code = newCode();
        Map<String, Object> body = Map.of("labels", Map.of("en", "Retried"));
        String idempotencyKey = "topic-" + code;

        String first = Api.asAdmin().header("Idempotency-Key", idempotencyKey).body(body).put(TOPICS + code).then().statusCode(201)
                .extract().asString();
        String replayed = Api.asAdmin().header("Idempotency-Key", idempotencyKey).body(body).put(TOPICS + code).then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract().asString();
        Api.asAdmin().header("Idempotency-Key", idempotencyKey).body(Map.of("labels", Map.of("en", "Other"))).put(TOPICS + code).then()
                .statusCode(409).body("errors[0].field", equalTo("header.Idempotency-Key"));

        assertThat(replayed).isEqualTo(first);
        assertThat(Database.value("select version from topic where code = ?", code)).isEqualTo(1L);
        assertThat(Database.value("select count(*) from audit_entry where target_type = 'topic' and target_id = ?", code)).isEqualTo(1L);
    }

    @Test
    void onlyAdminsChangeTheTaxonomyAndBadTopicsAreNamed() {
        Api.as("editor.mofa").body(Map.of("labels", Map.of("en", "X"))).put(TOPICS + "test-x").then().statusCode(403);
        Api.asAdmin().body(Map.of("labels", Map.of("en", "X"), "iptcMediaTopic", "11000000")).put(TOPICS + "Bad_Code").then()
                .statusCode(400)
                .body("errors.field", hasItem("path.code"))
                .body("errors.field", hasItem("iptcMediaTopic"));
        Api.asAdmin().body(Map.of("code", "test-y", "labels", Map.of("en", "Y"))).put(TOPICS + "test-z").then()
                .statusCode(400)
                .body("errors.field", equalTo(java.util.List.of("code")));
        assertThat(Database.value("select count(*) from topic where code in ('test-x', 'Bad_Code', 'test-y', 'test-z')")).isEqualTo(0L);
    }
}
