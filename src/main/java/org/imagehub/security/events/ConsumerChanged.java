package org.imagehub.security.events;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.imagehub.platform.events.ChangeMeta;

/** A consumer was registered or its access changed ({@code change}: created, updated). */
public record ConsumerChanged(@JsonUnwrapped ChangeMeta meta, String consumerId, String change) implements SecurityEvent {
    @Override
    public String eventType() {
        return "consumer." + change;
    }

    @Override
    public String aggregateType() {
        return "consumer";
    }

    @Override
    public String aggregateId() {
        return consumerId;
    }
}
