package org.imagehub.security;

import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * The claims of an editor's access token as this hub is configured to read them: the audience it requires
 * ({@code quarkus.oidc.token.audience}), the roles at {@code quarkus.oidc.roles.role-claim-path} and the
 * organisation at {@code hub.security.organisation-claim}. Demo sign-in issues exactly what the hub verifies.
 */
public record EditorClaims(List<String> audience, ClaimPath roles, ClaimPath organisation) {

    public static EditorClaims from(Config config) {
        List<String> audience = config.getOptionalValues("quarkus.oidc.token.audience", String.class).orElse(List.of());
        List<String> rolePaths = config.getOptionalValues("quarkus.oidc.roles.role-claim-path", String.class).orElse(List.of("groups"));
        String organisation = config.getOptionalValue("hub.security.organisation-claim", String.class).orElse("org");
        return new EditorClaims(audience, ClaimPath.of(rolePaths.get(0)), ClaimPath.of(organisation));
    }

    public JwtClaimsBuilder addTo(JwtClaimsBuilder token, String organisationCode, Set<String> roleNames) {
        Map<String, Object> claims = new LinkedHashMap<>();
        roles.put(claims, List.copyOf(roleNames));
        organisation.put(claims, organisationCode);
        claims.forEach(token::claim);
        if (!audience.isEmpty()) {
            token.audience(Set.copyOf(audience));
        }
        return token;
    }
}
