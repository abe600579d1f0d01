package org.imagehub.delivery.webhooks;

import java.util.List;

/** The events a subscription may ask for, as receivers see them in the payload's {@code type}. */
public final class WebhookEventTypes {
    public static final String STORY_PUBLISHED = "story.published";
    public static final String STORY_UPDATED = "story.updated";
    public static final String STORY_WITHDRAWN = "story.withdrawn";
    public static final String STORY_EXPIRED = "story.expired";
    public static final String TRANSLATION_PUBLISHED = "translation.published";
    public static final String KEY_MESSAGE_CHANGED = "key-message.changed";
    public static final String TEST_PING = "test.ping";

    public static final List<String> ALL = List.of(STORY_PUBLISHED, STORY_UPDATED, STORY_WITHDRAWN, STORY_EXPIRED, TRANSLATION_PUBLISHED,
            KEY_MESSAGE_CHANGED, TEST_PING);

    private WebhookEventTypes() {
    }
}
