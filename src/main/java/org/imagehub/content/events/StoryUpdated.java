package org.imagehub.content.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.imagehub.platform.events.ChangeMeta;

/**
 * A story's attributes changed ({@code fields} names them). {@code live}: some language of it is published, so
 * what consumers get changes too; in-process only, not part of the stored event.
 */
public record StoryUpdated(@JsonUnwrapped ChangeMeta meta, String storyId, List<String> fields, @JsonIgnore boolean live)
        implements ContentEvent, StoryEvent {
    @Override
    public String eventType() {
        return "story.updated";
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
