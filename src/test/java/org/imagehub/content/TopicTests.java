package org.imagehub.content;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Map;
import org.imagehub.testing.Api;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TopicTests {

    @Test
    void adminsDefineTopicsWithLabelsPerLanguageAndEveryoneReadsThem() {
        Api.asAdmin().body(Map.of("labels", Map.of("vi", "Ngoại giao", "en", "Diplomacy", "zh-hans", "外交"), "iptcMediaTopic", "medtop:11000000"))
                .put("/api/v1/manage/topics/test-diplomacy").then().statusCode(200)
                .body("code", equalTo("test-diplomacy"))
                .body("labels.'zh-Hans'", equalTo("外交"));
        Api.asAdmin().body(Map.of("labels", Map.of("vi", "Ngoại giao và đối ngoại", "en", "Diplomacy")))
                .put("/api/v1/manage/topics/test-diplomacy").then().statusCode(200)
                .body("labels.vi", equalTo("Ngoại giao và đối ngoại"));
        RestAssured.get("/api/v1/topics").then().statusCode(200)
                .body("topics.code", hasItem("test-diplomacy"))
                .body("topics.find { it.code == 'test-diplomacy' }.labels.vi", equalTo("Ngoại giao và đối ngoại"));
    }

    @Test
    void onlyAdminsChangeTheTaxonomyAndBadTopicsAreNamed() {
        Api.as("editor.mofa").body(Map.of("labels", Map.of("en", "X"))).put("/api/v1/manage/topics/test-x").then().statusCode(403);
        Api.asAdmin().body(Map.of("labels", Map.of("en", "X"), "iptcMediaTopic", "11000000")).put("/api/v1/manage/topics/Bad_Code").then()
                .statusCode(400)
                .body("errors.field", hasItem("code"))
                .body("errors.field", hasItem("iptcMediaTopic"));
    }
}
