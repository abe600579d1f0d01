package org.imagehub.security.organisation;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record OrganisationView(@Schema(example = "embassy-fr") String code, @Schema(example = "Embassy in France") String name,
        @Schema(example = "embassy") String kind, boolean central, long version, Instant updatedAt) {
    static OrganisationView of(Organisation organisation) {
        return new OrganisationView(organisation.code, organisation.name, organisation.kind, organisation.central, organisation.version,
                organisation.updatedAt);
    }
}
