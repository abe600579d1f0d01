package org.imagehub.content.events;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.imagehub.platform.events.ChangeMeta;

/** A topic was created or updated. */
public record TopicChanged(@JsonUnwrapped ChangeMeta meta, String code) implements ContentEvent {
    @Override
    public String eventType() {
        return "topic.changed";
    }

    @Override
    public String aggregateType() {
        return "topic";
    }

    @Override
    public String aggregateId() {
        return code;
    }
}
