package org.imagehub.security.organisation;

import java.time.Instant;

public record OrganisationView(String code, String name, String kind, boolean central, long version, Instant updatedAt) {
    static OrganisationView of(Organisation organisation) {
        return new OrganisationView(organisation.code, organisation.name, organisation.kind, organisation.central, organisation.version,
                organisation.updatedAt);
    }
}
