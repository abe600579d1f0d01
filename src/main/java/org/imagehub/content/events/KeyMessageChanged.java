package org.imagehub.content.events;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.imagehub.platform.events.ChangeMeta;

/** A key message was created or updated. */
public record KeyMessageChanged(@JsonUnwrapped ChangeMeta meta, String code) implements ContentEvent {
    @Override
    public String eventType() {
        return "key-message.changed";
    }

    @Override
    public String aggregateType() {
        return "key-message";
    }

    @Override
    public String aggregateId() {
        return code;
    }
}
