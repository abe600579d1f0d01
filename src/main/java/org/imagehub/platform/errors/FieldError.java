package org.imagehub.platform.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One bad field of a request: {@code field} is its path in the request body ({@code localizations[2].title}),
 * query ({@code query.limit}) or header ({@code header.If-Match}); {@code code} is stable for clients to branch on.
 */
@Schema(name = "FieldError", requiredProperties = {"field", "code", "message"})
public record FieldError(
        @Schema(example = "localizations[0].title") String field,
        @Schema(description = "Stable, for clients to branch on", example = "required") String code,
        @Schema(example = "1 to 200 characters") String message,
        @Schema(description = "For a length rule: the length as counted (a social network's own way of counting)", example = "283")
        @JsonInclude(JsonInclude.Include.NON_NULL) Long counted,
        @Schema(description = "For a length or count rule: the most allowed", example = "280")
        @JsonInclude(JsonInclude.Include.NON_NULL) Long allowed) {

    public FieldError(String field, String code, String message) {
        this(field, code, message, null, null);
    }
}
