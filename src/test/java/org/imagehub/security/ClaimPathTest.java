package org.imagehub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimPathTest {

    @Test
    void pathsSplitOnSlashesOutsideQuotesAsQuarkusRoleClaimPathsDo() {
        assertThat(ClaimPath.of("org").segments()).containsExactly("org");
        assertThat(ClaimPath.of("realm_access/roles").segments()).containsExactly("realm_access", "roles");
        assertThat(ClaimPath.of("\"https://hub.example.org/claims\"/organisation").segments())
                .containsExactly("https://hub.example.org/claims", "organisation");
        for (String bad : new String[] {"", "a//b", "/org", "\"unclosed/org"}) {
            assertThatThrownBy(() -> ClaimPath.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theOrganisationIsReadFromTopLevelOrNestedClaims() {
        // The shapes a verified token's getClaim gives: plain strings at the top, JSON values inside objects.
        JsonObject nested = Json.createObjectBuilder().add("organisation", "hue-province").add("roles", Json.createArrayBuilder().add("a"))
                .add("many", Json.createArrayBuilder().add("a").add("b")).build();
        Map<String, Object> claims = Map.of("org", "mofa", "image_hub", nested, "https://hub.example.org/claims", nested,
                "attribute", List.of("embassy-fr"));
        assertThat(ClaimPath.of("org").text(claims::get)).contains("mofa");
        assertThat(ClaimPath.of("image_hub/organisation").text(claims::get)).contains("hue-province");
        assertThat(ClaimPath.of("\"https://hub.example.org/claims\"/organisation").text(claims::get)).contains("hue-province");
        // A user attribute mapped as a one-element array is that element; anything else is no organisation.
        assertThat(ClaimPath.of("attribute").text(claims::get)).contains("embassy-fr");
        assertThat(ClaimPath.of("image_hub/roles").text(claims::get)).contains("a");
        assertThat(ClaimPath.of("image_hub/many").text(claims::get)).isEmpty();
        assertThat(ClaimPath.of("image_hub").text(claims::get)).isEmpty();
        assertThat(ClaimPath.of("org/code").text(claims::get)).isEmpty();
        assertThat(ClaimPath.of("missing/organisation").text(claims::get)).isEmpty();
    }

    @Test
    void writingNestsObjectsAndReadingFindsTheValueBack() {
        Map<String, Object> claims = new LinkedHashMap<>();
        ClaimPath.of("realm_access/roles").put(claims, List.of("editor"));
        ClaimPath.of("\"https://hub.example.org/claims\"/org").put(claims, "mofa");
        ClaimPath.of("realm_access/other").put(claims, "x");
        assertThat(claims).isEqualTo(Map.of("realm_access", Map.of("roles", List.of("editor"), "other", "x"),
                "https://hub.example.org/claims", Map.of("org", "mofa")));
        assertThat(ClaimPath.of("\"https://hub.example.org/claims\"/org").text(claims::get)).contains("mofa");
    }
}
