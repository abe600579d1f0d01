package org.imagehub.security;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.build.Jwt;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.platform.HubConfig;
import org.imagehub.platform.errors.NotFoundException;
import org.imagehub.platform.errors.UnauthenticatedException;
import org.imagehub.platform.http.Bodies;

/**
 * Sign-in for the embedded demo, where there is no identity provider: demo accounts get a signed token of the same
 * shape an OIDC provider issues. Switched on by {@code hub.demo.sign-in-enabled}, and only ever in the demo and test
 * profiles: in any other profile (production) the path answers 404 as if it did not exist, whatever the flag says.
 */
@Path("/api/v1/demo/sign-in")
@Tag(name = "Demo sign-in", description = "Demo profile only: tokens for the demo accounts.")
@PermitAll
public class DemoSignInResource {
    public static final String ISSUER = "image-hub-demo";
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(8);

    private final boolean enabled;
    private final Optional<String> signingKey;
    private final EditorClaims claims;
    private final List<DemoUser> users;

    public DemoSignInResource(HubConfig config, ObjectMapper objectMapper) {
        this.enabled = config.demo().signInEnabled() && demoOrTestProfile();
        this.signingKey = config.demo().signingKey();
        this.claims = EditorClaims.from(org.eclipse.microprofile.config.ConfigProvider.getConfig());
        this.users = enabled ? loadUsers(objectMapper) : List.of();
    }

    @Schema(requiredProperties = {"username", "password"})
    public record SignIn(@Schema(example = "editor.mofa") String username, @Schema(example = "demo-editor") String password) {
    }

    @Schema(requiredProperties = {"accessToken", "tokenType", "expiresIn", "organisation", "roles"})
    public record Token(String accessToken, @Schema(enumeration = "Bearer") String tokenType, @Schema(description = "Seconds") long expiresIn,
            @Schema(example = "mofa") String organisation, @Schema(example = "[\"editor\"]") List<String> roles) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Demo profile only: sign in as a demo user", description = "Answers 404 outside the demo profile.")
    @APIResponse(responseCode = "200", description = "A bearer token for the demo user",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Token.class)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Token signIn(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SignIn.class),
                    examples = @ExampleObject(name = "example", value = "{\"username\": \"editor.mofa\", \"password\": \"demo-editor\"}"))) SignIn request) {
        if (!enabled || signingKey.isEmpty()) {
            throw new NotFoundException("No resource at this path.");
        }
        Bodies.require(request);
        DemoUser user = users.stream()
                .filter(candidate -> candidate.username().equals(request.username()))
                .filter(candidate -> request.password() != null && MessageDigest.isEqual(
                        candidate.password().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        request.password().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .findFirst()
                .orElseThrow(() -> new UnauthenticatedException("Unknown demo user or wrong password."));
        // Audience, role and organisation claims where this hub's configuration says an identity provider puts them.
        String token = claims.addTo(Jwt.issuer(ISSUER).subject(user.username()).upn(user.username()).claim("name", user.name()),
                        user.organisation(), new HashSet<>(user.roles()))
                .expiresIn(TOKEN_LIFETIME)
                .sign(privateKey(signingKey.get()));
        return new Token(token, "Bearer", TOKEN_LIFETIME.toSeconds(), user.organisation(), user.roles());
    }

    private static boolean demoOrTestProfile() {
        List<String> profiles = org.eclipse.microprofile.config.ConfigProvider.getConfig().unwrap(io.smallrye.config.SmallRyeConfig.class)
                .getProfiles();
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
        try (InputStream in = DemoSignInResource.class.getResourceAsStream("/demo/users.json")) {
            return objectMapper.readValue(in, new TypeReference<List<DemoUser>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read demo/users.json", e);
        }
    }
}
