package org.imagehub.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Requests as an editor. Demo users sign in through the demo sign-in endpoint; other people (any organisation, any
 * roles) get a token signed with the run's demo key, exactly as an identity provider would issue it. The first
 * request registers the organisations tests use: mofa (central), hue-province, embassy-fr.
 */
public final class Api {
    private static final Map<String, String> PASSWORDS = Map.of(
            "admin", "demo-admin",
            "approver.mofa", "demo-approver",
            "editor.mofa", "demo-editor",
            "editor.hue", "demo-editor",
            "contributor.embassy-fr", "demo-contributor");
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static volatile boolean organisationsRegistered;

    private Api() {
    }

    public static RequestSpecification as(String username) {
        return given().auth().oauth2(token(username)).contentType(ContentType.JSON);
    }

    public static RequestSpecification asAdmin() {
        return as("admin");
    }

    /** A person who is not a demo user: {@code person("approver.hue", "hue-province", "approver")}. */
    public static RequestSpecification asPerson(String userId, String organisation, String... roles) {
        registerOrganisations();
        String token = TOKENS.computeIfAbsent(userId + "@" + organisation + "/" + String.join(",", roles), key -> Jwt.issuer("image-hub-demo")
                .subject(userId).upn(userId).claim("org", organisation).groups(Set.of(roles)).expiresIn(3600).sign(signingKey()));
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static String token(String username) {
        registerOrganisations();
        return TOKENS.computeIfAbsent(username, user -> given()
                .contentType(ContentType.JSON)
                .body(Map.of("username", user, "password", PASSWORDS.get(user)))
                .post("/api/v1/demo/sign-in")
                .then().statusCode(200)
                .extract().path("accessToken"));
    }

    private static synchronized void registerOrganisations() {
        if (organisationsRegistered) {
            return;
        }
        String adminToken = given().contentType(ContentType.JSON).body(Map.of("username", "admin", "password", "demo-admin"))
                .post("/api/v1/demo/sign-in").then().statusCode(200).extract().path("accessToken");
        List<String> existing = given().auth().oauth2(adminToken).get("/api/v1/manage/organisations").then().statusCode(200)
                .extract().path("items.code");
        Map<String, Map<String, Object>> wanted = Map.of(
                "mofa", Map.of("name", "Ministry of Foreign Affairs", "kind", "ministry", "central", true),
                "hue-province", Map.of("name", "Hue province", "kind", "province"),
                "embassy-fr", Map.of("name", "Embassy in France", "kind", "embassy"));
        wanted.forEach((code, body) -> {
            if (!existing.contains(code)) {
                given().auth().oauth2(adminToken).contentType(ContentType.JSON).body(body).put("/api/v1/manage/organisations/" + code)
                        .then().statusCode(201);
            }
        });
        organisationsRegistered = true;
    }

    private static PrivateKey signingKey() {
        try {
            String base64 = ConfigProvider.getConfig().getValue("hub.demo.signing-key", String.class);
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
