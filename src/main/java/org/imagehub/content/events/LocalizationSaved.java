package org.imagehub.content.events;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.imagehub.platform.events.ChangeMeta;

/** A localization was created (revision 1), revised or restored: its draft is now {@code revision}. */
public record LocalizationSaved(@JsonUnwrapped ChangeMeta meta, String storyId, String lang, int revision) implements ContentEvent, StoryEvent {
    @Override
    public String eventType() {
        return "localization.saved";
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
