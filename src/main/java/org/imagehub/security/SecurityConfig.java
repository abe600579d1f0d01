package org.imagehub.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.imagehub.security.network.Cidr;

/** Identity-token claims the hub needs besides roles (roles: quarkus.oidc.roles.role-claim-path), and API key limits. */
@ConfigMapping(prefix = "hub.security")
public interface SecurityConfig {
    /**
     * Claim holding the editor's organisation code: a name or a path into nested claims, written like
     * quarkus.oidc.roles.role-claim-path ({@code org}, {@code image_hub/organisation}, {@code "https://hub.example.org/org"}).
     */
    @WithDefault("org")
    String organisationClaim();

    /**
     * Failed API key attempts (missing, unknown, expired or revoked keys) one client address may make per minute;
     * further ones get 429. Valid keys are never counted nor refused by this limit.
     */
    @WithDefault("10")
    int failedKeyAttemptsPerMinute();

    /** How long a replica trusts a key it verified; a revocation on another replica takes effect within this time. */
    @WithDefault("30s")
    Duration verifiedKeyCacheTime();

    /**
     * Proxies (IPv4/IPv6 CIDR, e.g. the ingress controller's pod network) whose X-Forwarded-For is believed, so
     * failed-key limits count the real client rather than the proxy. Empty: the header is ignored, whoever sends it.
     * Being on a private network earns no trust: anyone in the cluster could otherwise pose as any client.
     */
    Optional<List<Cidr>> trustedProxies();

    /** How often the last use of keys is written to the database (uses are collected in memory in between). */
    @WithDefault("30s")
    Duration lastUseFlushInterval();
}
