package org.imagehub.content.importing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imagehub.platform.errors.FieldError;

/** The outcome of one import line: created, updated, unchanged or failed (with the fields at fault). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "ImportLineResult", requiredProperties = {"line", "status"})
public record ImportResult(@Schema(minimum = "1") int line, String externalId,
        @Schema(enumeration = {"created", "updated", "unchanged", "failed"}) String status, @Schema(description = "The story's id") String id,
        String detail, List<FieldError> errors) {
    public static ImportResult failed(int line, String externalId, String detail, List<FieldError> errors) {
        return new ImportResult(line, externalId, "failed", null, detail, errors);
    }
}
