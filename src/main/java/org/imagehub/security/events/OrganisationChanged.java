package org.imagehub.security.events;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.imagehub.platform.events.ChangeMeta;

/** An organisation was created or updated ({@code change}: created, updated). */
public record OrganisationChanged(@JsonUnwrapped ChangeMeta meta, String code, String change) implements SecurityEvent {
    @Override
    public String eventType() {
        return "organisation." + change;
    }

    @Override
    public String aggregateType() {
        return "organisation";
    }

    @Override
    public String aggregateId() {
        return code;
    }
}
