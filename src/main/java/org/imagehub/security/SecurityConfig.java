package org.imagehub.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which identity-token claims carry what the hub needs besides roles (roles: quarkus.oidc.roles.role-claim-path). */
@ConfigMapping(prefix = "hub.security")
public interface SecurityConfig {
    /** Claim holding the editor's organisation code. */
    @WithDefault("org")
    String organisationClaim();
}
