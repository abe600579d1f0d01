package org.imagehub.content.events;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.imagehub.platform.events.ChangeMeta;

/** A story's embargo passed: consumers may now be given it, and are told again. */
public record EmbargoLifted(@JsonUnwrapped ChangeMeta meta, String storyId) implements ContentEvent, StoryEvent {
    @Override
    public String eventType() {
        return "story.embargo-lifted";
    }

    @Override
    public String aggregateType() {
        return AGGREGATE;
    }

    @Override
    public String aggregateId() {
        return storyId;
    }
}
