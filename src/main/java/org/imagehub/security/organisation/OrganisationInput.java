package org.imagehub.security.organisation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imagehub.platform.http.ApiSchemas;

/** An organisation as an admin registers or changes it; the code is in the path. */
@Schema(requiredProperties = {"name", "kind"})
public record OrganisationInput(
        @Schema(minLength = 1, maxLength = 200, pattern = ApiSchemas.NOT_BLANK, example = "Embassy in France") String name,
        @Schema(enumeration = {"ministry", "province", "embassy", "news-agency", "partner-outlet"}) String kind,
        @Schema(description = "A central organisation's approvers act for every organisation", defaultValue = "false") Boolean central) {
}
