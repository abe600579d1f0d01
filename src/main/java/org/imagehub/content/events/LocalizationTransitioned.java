package org.imagehub.content.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.imagehub.platform.events.ChangeMeta;

/**
 * A localization moved along the workflow: submitted, approved, published, scheduled, withdrawn (also on expiry),
 * archived, sent back. The event type names the state reached ({@code localization.published}, ...).
 * {@code fastTracked} is null unless true. {@code liveChanged}: what consumers get of the story changed (in-process
 * only, not part of the stored event).
 */
public record LocalizationTransitioned(@JsonUnwrapped ChangeMeta meta, String storyId, String lang, String action, String from, String to,
        String comment, Boolean fastTracked, String scheduledFor, String publicReason, int revision, @JsonIgnore boolean liveChanged)
        implements ContentEvent, StoryEvent {
    @Override
    public String eventType() {
        return "localization." + to;
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
