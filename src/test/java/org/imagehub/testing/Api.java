package org.imagehub.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
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
        String token = TOKENS.computeIfAbsent(userId + "@" + organisation + "/" + String.join(",", roles), key -> signed(Jwt.issuer("image-hub-demo")
                .subject(userId).upn(userId).audience(config("quarkus.oidc.token.audience"))
                .claim(topClaim("quarkus.oidc.roles.role-claim-path"), nested("quarkus.oidc.roles.role-claim-path", List.of(roles)))
                .claim(topClaim("hub.security.organisation-claim"), nested("hub.security.organisation-claim", organisation))));
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Signs a token with the run's demo key, as the identity provider would; one hour of validity. */
    public static String signed(JwtClaimsBuilder claims) {
        return claims.expiresIn(3600).sign(signingKey());
    }

    /** A token claim's value at a configured claim path such as {@code realm_access/roles} (tests use plain segments). */
    public static Object nested(String pathProperty, Object value) {
        String[] segments = config(pathProperty).split("/");
        Object nested = value;
        for (int i = segments.length - 1; i > 0; i--) {
            nested = Map.of(segments[i], nested);
        }
        return nested;
    }

    public static String topClaim(String pathProperty) {
        return config(pathProperty).split("/")[0];
    }

    public static String config(String property) {
        return ConfigProvider.getConfig().getValue(property, String.class);
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
