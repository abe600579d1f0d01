package org.imagehub.security;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.imagehub.platform.HubConfig;

/**
 * Tokens for the demo accounts, where there is no identity provider: signed with the run's demo key and shaped as
 * this hub's configuration says a provider shapes them, so the API and the console verify them like any other.
 * Available only with {@code hub.demo.sign-in-enabled} in the demo and test profiles; in production never.
 */
@ApplicationScoped
public class DemoTokens {
    public static final String ISSUER = "image-hub-demo";
    public static final Duration LIFETIME = Duration.ofHours(8);

    public record Issued(String token, DemoUser user) {
    }

    private final boolean enabled;
    private final Optional<String> signingKey;
    private final EditorClaims claims;
    private final List<DemoUser> users;

    public DemoTokens(HubConfig config, ObjectMapper objectMapper) {
        this.signingKey = config.demo().signingKey();
        this.enabled = config.demo().signInEnabled() && demoOrTestProfile() && signingKey.isPresent();
        this.claims = EditorClaims.from(ConfigProvider.getConfig());
        this.users = enabled ? loadUsers(objectMapper) : List.of();
    }

    public boolean enabled() {
        return enabled;
    }

    /** A token for the demo user with these credentials; empty for an unknown user or a wrong password. */
    public Optional<Issued> signIn(String username, String password) {
        if (!enabled || username == null || password == null) {
            return Optional.empty();
        }
        return users.stream()
                .filter(candidate -> candidate.username().equals(username))
                .filter(candidate -> MessageDigest.isEqual(candidate.password().getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8)))
                .findFirst()
                .map(user -> new Issued(sign(user), user));
    }

    private String sign(DemoUser user) {
        // Audience, role and organisation claims where this hub's configuration says an identity provider puts them.
        return claims.addTo(Jwt.issuer(ISSUER).subject(user.username()).upn(user.username()).claim("name", user.name()),
                        user.organisation(), new HashSet<>(user.roles()))
                .expiresIn(LIFETIME)
                .sign(privateKey(signingKey.orElseThrow()));
    }

    private static boolean demoOrTestProfile() {
        List<String> profiles = ConfigProvider.getConfig().unwrap(io.smallrye.config.SmallRyeConfig.class).getProfiles();
        return profiles.contains("demo") || profiles.contains("test");
    }

    private static PrivateKey privateKey(String base64) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("hub.demo.signing-key is not an RSA private key", e);
        }
    }

    private static List<DemoUser> loadUsers(ObjectMapper objectMapper) {
        try (InputStream in = DemoTokens.class.getResourceAsStream("/demo/users.json")) {
            return objectMapper.readValue(in, new TypeReference<List<DemoUser>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read demo/users.json", e);
        }
    }
}
