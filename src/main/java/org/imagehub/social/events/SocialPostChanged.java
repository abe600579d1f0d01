package org.imagehub.social.events;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.imagehub.platform.events.ChangeMeta;

/**
 * A post variant was created, edited or moved along its workflow. The event type names what happened
 * ({@code social-post.approved}, {@code social-post.posted}, ...); {@code from} and {@code to} are its states.
 */
public record SocialPostChanged(@JsonUnwrapped ChangeMeta meta, String postId, String accountId, String storyId, String lang, String action,
        String from, String to, String reason) implements SocialEvent {
    @Override
    public String eventType() {
        return "social-post." + action;
    }

    @Override
    public String aggregateType() {
        return "social-post";
    }

    @Override
    public String aggregateId() {
        return postId;
    }
}
