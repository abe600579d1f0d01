package org.imagehub.content.events;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.imagehub.platform.events.ChangeMeta;

/** A story was created with its first localizations. */
public record StoryCreated(@JsonUnwrapped ChangeMeta meta, String storyId, List<String> languages) implements ContentEvent, StoryEvent {
    @Override
    public String eventType() {
        return "story.created";
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
