package org.imagehub.content.importing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.imagehub.platform.errors.FieldError;

/** The outcome of one import line: created, updated, unchanged or failed (with the fields at fault). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ImportResult(int line, String externalId, String status, String id, String detail, List<FieldError> errors) {
    public static ImportResult failed(int line, String externalId, String detail, List<FieldError> errors) {
        return new ImportResult(line, externalId, "failed", null, detail, errors);
    }
}
