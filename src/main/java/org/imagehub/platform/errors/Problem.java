package org.imagehub.platform.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem details body. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details: clients branch on `type`; `errors` names each field at fault.",
        requiredProperties = {"type", "title", "status"})
public record Problem(
        @Schema(format = "uri", description = "Stable problem type (one of the enumerated URNs)", example = "urn:image-hub:problem:validation") URI type,
        @Schema(description = "Fixed per type") String title,
        @Schema(minimum = "400", maximum = "599") int status,
        @Schema(description = "What happened this time") String detail,
        @Schema(description = "The request path") String instance,
        @Schema(description = "Each field at fault (absent when no field is)") List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail, String instance, List<FieldError> errors) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, List.copyOf(errors));
    }
}
