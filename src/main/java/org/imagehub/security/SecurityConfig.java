package org.imagehub.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Identity-token claims the hub needs besides roles (roles: quarkus.oidc.roles.role-claim-path), and API key limits. */
@ConfigMapping(prefix = "hub.security")
public interface SecurityConfig {
    /** Claim holding the editor's organisation code. */
    @WithDefault("org")
    String organisationClaim();

    /** Failed API key attempts one client address may make per minute before it gets 429. */
    @WithDefault("10")
    int failedKeyAttemptsPerMinute();

    /** How long a replica trusts a key it verified; a revocation on another replica takes effect within this time. */
    @WithDefault("30s")
    Duration verifiedKeyCacheTime();

    /**
     * Believe X-Forwarded-For when the request comes from a loopback or private address (an ingress in the cluster):
     * failed-key limits are then per real client, not per ingress.
     */
    @WithDefault("true")
    boolean trustForwardedForFromPrivateNetworks();

    /** How often the last use of keys is written to the database (uses are collected in memory in between). */
    @WithDefault("30s")
    Duration lastUseFlushInterval();
}
