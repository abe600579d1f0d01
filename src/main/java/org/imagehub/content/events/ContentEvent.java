package org.imagehub.content.events;

import org.imagehub.platform.events.ChangeEvent;

/**
 * A change to content, recorded by {@link ContentChanges}. Other features listen to these (the published view is
 * kept by delivery's observer) instead of being called by content.
 */
public sealed interface ContentEvent extends ChangeEvent
        permits StoryCreated, StoryUpdated, LocalizationSaved, LocalizationTransitioned, EmbargoLifted, KeyMessageChanged, TopicChanged {
}
