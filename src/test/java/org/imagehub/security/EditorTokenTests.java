package org.imagehub.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imagehub.testing.Api;
import org.imagehub.testing.Stories;
import org.junit.jupiter.api.Test;

/**
 * Editors' access tokens, signed here with the run's key as an identity provider would sign them. The test profile
 * reads roles at {@code realm_access/roles} and the organisation at {@code image_hub/organisation}, as a Keycloak realm
 * with the mappers of the README issues them.
 */
@QuarkusTest
class EditorTokenTests {
    private static final String STORIES = "/api/v1/manage/stories";

    @Test
    void aTokenWithoutTheHubsAudienceIsRefused() {
        unauthenticated(get(Api.signed(editor("hue-province"))));
        unauthenticated(get(Api.signed(editor("hue-province").audience("another-app"))));
        unauthenticated(get(Api.signed(editor("hue-province").audience(Set.of("account", "another-app")))));
        get(Api.signed(editor("hue-province").audience("image-hub"))).statusCode(200);
    }

    @Test
    void rolesAndOrganisationAreReadFromTheConfiguredNestedClaims() {
        String token = Api.signed(editor("hue-province").audience(Set.of("account", "image-hub")));
        get(token).statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Stories.article().inLanguages("vi").build()).post(STORIES)
                .then().statusCode(201).body("organisation", equalTo("hue-province"));
    }

    @Test
    void claimsUnderTheDefaultNamesAreNotReadWhenOthersAreConfigured() {
        String token = Api.signed(Jwt.issuer("image-hub-demo").subject("editor.elsewhere").audience("image-hub")
                .claim("groups", List.of("editor", "admin")).claim("org", "mofa"));
        get(token).statusCode(403);
    }

    @Test
    void demoSignInIssuesTheConfiguredAudienceAndClaims() {
        String token = Api.token("editor.hue");
        JsonPath claims = JsonPath.from(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
        assertThat(claims.<Object>get("aud").toString()).contains("image-hub");
        assertThat(claims.getList("realm_access.roles", String.class)).contains("editor");
        assertThat(claims.getString("image_hub.organisation")).isEqualTo("hue-province");
        assertThat(claims.<Object>get("groups")).isNull();
    }

    private static JwtClaimsBuilder editor(String organisation) {
        Api.asAdmin(); // registers the organisations tests use
        return Jwt.issuer("image-hub-demo").subject("editor.token-test").upn("editor.token-test")
                .claim("realm_access", Map.of("roles", List.of("editor")))
                .claim("image_hub", Map.of("organisation", organisation));
    }

    private static ValidatableResponse get(String token) {
        return given().auth().oauth2(token).queryParam("limit", 1).get(STORIES).then();
    }

    private static void unauthenticated(ValidatableResponse response) {
        response.statusCode(401).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:image-hub:problem:unauthenticated"));
    }
}
