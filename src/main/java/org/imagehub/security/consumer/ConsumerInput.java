package org.imagehub.security.consumer;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imagehub.platform.http.ApiSchemas;

/**
 * A consumer as an admin registers it. {@code languages}, {@code topics} and {@code countries} restrict what it
 * sees (empty: everything); {@code requestsPerMinute} is its rate limit.
 */
@Schema(requiredProperties = {"name", "kind", "scopes"})
public record ConsumerInput(
        @Schema(minLength = 1, maxLength = 200, pattern = ApiSchemas.NOT_BLANK, example = "Embassy in France website") String name,
        @Schema(enumeration = {"embassy-site", "partner-outlet", "social-scheduler", "other"}) String kind,
        @Schema(description = "The organisation it belongs to", example = "embassy-fr") String organisation,
        @Schema(type = SchemaType.ARRAY, implementation = Scopes.Name.class, minItems = 1) List<String> scopes,
        @Schema(type = SchemaType.ARRAY, implementation = ApiSchemas.LanguageTag.class, description = "Empty: every language") List<String> languages,
        @Schema(type = SchemaType.ARRAY, implementation = ApiSchemas.Code.class, description = "Existing topic codes; empty: every topic")
        List<String> topics,
        @Schema(type = SchemaType.ARRAY, implementation = ApiSchemas.CountryCode.class, description = "Empty: every country") List<String> countries,
        @Schema(minimum = "1", maximum = "100000000", defaultValue = "600") Integer requestsPerMinute,
        @Schema(defaultValue = "true") Boolean active) {
}
