package org.imagehub.platform.http;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/** The API's identity in its OpenAPI document: what it is, where it runs, how callers authenticate. */
@OpenAPIDefinition(
        info = @Info(title = "Image Hub API", version = "1.0.0",
                description = "Headless CMS and delivery API for the national image programme: multilingual stories, key messages, "
                        + "media and their syndication. Consumers use /api/v1; editors and admins use /api/v1/manage.",
                contact = @Contact(name = "Image Hub team"),
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        servers = @Server(url = "/", description = "This hub"))
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = "bearerAuth", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
                description = "OIDC access token of an editor (demo profile: POST /api/v1/demo/sign-in)."),
        @SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
                apiKeyName = "X-Api-Key",
                description = "A consumer's API key, as X-Api-Key or as 'Authorization: Bearer <key>'. Admins issue keys under /api/v1/manage/consumers.")
})
public class ApiDocumentation extends Application {
}
