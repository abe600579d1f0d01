package org.imagehub.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Requests as a demo user, signed in once per test run through the demo sign-in endpoint. */
public final class Api {
    private static final Map<String, String> PASSWORDS = Map.of(
            "admin", "demo-admin",
            "approver.mofa", "demo-approver",
            "editor.mofa", "demo-editor",
            "editor.hue", "demo-editor",
            "contributor.embassy-fr", "demo-contributor");
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Api() {
    }

    public static RequestSpecification as(String username) {
        return given().auth().oauth2(token(username)).contentType(ContentType.JSON);
    }

    public static RequestSpecification asAdmin() {
        return as("admin");
    }

    public static String token(String username) {
        return TOKENS.computeIfAbsent(username, user -> given()
                .contentType(ContentType.JSON)
                .body(Map.of("username", user, "password", PASSWORDS.get(user)))
                .post("/api/v1/demo/sign-in")
                .then().statusCode(200)
                .extract().path("accessToken"));
    }
}
