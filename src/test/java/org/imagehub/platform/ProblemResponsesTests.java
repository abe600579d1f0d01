package org.imagehub.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import org.imagehub.testing.Api;
import org.imagehub.testing.Database;
import org.imagehub.testing.Stories;
import org.junit.jupiter.api.Test;

/** Every error leaves as RFC 9457 problem+json with a stable type, naming the field, and never as a 500. */
@QuarkusTest
class ProblemResponsesTests {
    private static final String STORIES = "/api/v1/manage/stories";

    private static ValidatableResponse problem(ValidatableResponse response, int status, String type) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:image-hub:problem:" + type))
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
    }

    private static long storyCount() {
        return Database.rows("story");
    }

    @Test
    void malformedJsonIsA400AndStoresNothing() {
        long before = storyCount();
        problem(Api.as("editor.mofa").body("{\"type\": \"article\", \"localizations\": [").post(STORIES).then(), 400, "malformed-body");
        problem(Api.as("editor.mofa").body("{\"type\": \"article\",}").post(STORIES).then(), 400, "malformed-body");
        org.junit.jupiter.api.Assertions.assertEquals(before, storyCount());
    }

    @Test
    void invalidUtf8IsA400() {
        byte[] body = "{\"type\":\"article\",\"localizations\":[{\"lang\":\"vi\",\"title\":\"T\u00e1o\"}]}".getBytes(StandardCharsets.ISO_8859_1);
        problem(Api.as("editor.mofa").body(body).post(STORIES).then(), 400, "malformed-body");
    }

    @Test
    void bodyOverTheLimitIsA413() {
        String big = "{\"type\":\"article\",\"tags\":[\"" + "x".repeat(2 * 1024 * 1024) + "\"]}";
        problem(Api.as("editor.mofa").body(big).post(STORIES).then(), 413, "payload-too-large")
                .body("errors.field", hasItem("body"));
    }

    @Test
    void wrongContentTypeIsA415() {
        problem(Api.as("editor.mofa").contentType(ContentType.XML).body("<story/>").post(STORIES).then(), 415, "unsupported-media-type");
        problem(Api.as("editor.mofa").contentType(ContentType.TEXT).body("hello").post(STORIES).then(), 415, "unsupported-media-type");
    }

    @Test
    void unknownFieldIsNamed() {
        problem(Api.as("editor.mofa").body("{\"type\":\"article\",\"colour\":\"red\"}").post(STORIES).then(), 400, "unknown-field")
                .body("errors[0].field", equalTo("colour"));
    }

    @Test
    void wrongTypeAndBadDateAreNamed() {
        problem(Api.as("editor.mofa").body("{\"type\":\"article\",\"topics\":\"economy\"}").post(STORIES).then(), 400, "wrong-type")
                .body("errors[0].field", equalTo("topics"));
        problem(Api.as("editor.mofa").body("{\"type\":\"article\",\"embargoUntil\":\"23/11/2026 10:00\"}").post(STORIES).then(), 400,
                "wrong-type")
                .body("errors[0].field", equalTo("embargoUntil"))
                .body("errors[0].message", containsString("ISO-8601"));
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() {
        problem(given().get("/api/v1/no-such-thing").then(), 404, "not-found");
        problem(given().get("/nothing/here/at/all").then(), 404, "not-found");
        problem(Api.as("editor.mofa").delete("/api/v1/manage/reports/translations").then(), 405, "method-not-allowed");
    }

    @Test
    void missingOrBadCredentialsAre401() {
        problem(given().contentType(ContentType.JSON).body(Stories.article().inLanguages("vi").build()).post(STORIES).then(), 401,
                "unauthenticated");
        problem(given().auth().oauth2("not.a.token").contentType(ContentType.JSON).body("{}").post(STORIES).then(), 401,
                "unauthenticated");
    }

    @Test
    void validationErrorsNameEachField() {
        problem(Api.as("editor.mofa").body("{\"type\":\"article\",\"priority\":\"urgent\",\"countries\":[\"XX\"]}").post(STORIES).then(),
                400, "validation")
                .body("errors.field", hasItem("priority"))
                .body("errors.field", hasItem("countries[0]"));
    }
}
