package org.imagehub.security;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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
    private final DemoTokens tokens;

    public DemoSignInResource(DemoTokens tokens) {
        this.tokens = tokens;
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
        if (!tokens.enabled()) {
            throw new NotFoundException("No resource at this path.");
        }
        Bodies.require(request);
        DemoTokens.Issued issued = tokens.signIn(request.username(), request.password())
                .orElseThrow(() -> new UnauthenticatedException("Unknown demo user or wrong password."));
        return new Token(issued.token(), "Bearer", DemoTokens.LIFETIME.toSeconds(), issued.user().organisation(), issued.user().roles());
    }
}
