package org.imagehub.security.events;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.imagehub.platform.events.ChangeMeta;

/** A consumer's key was issued or revoked ({@code change}: issued, revoked). */
public record ApiKeyChanged(@JsonUnwrapped ChangeMeta meta, String consumerId, String keyId, String change) implements SecurityEvent {
    @Override
    public String eventType() {
        return "api-key." + change;
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
