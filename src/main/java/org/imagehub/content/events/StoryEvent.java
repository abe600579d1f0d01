package org.imagehub.content.events;

/** A change to one story: the story is the outbox row's aggregate, so its events are dispatched in commit order. */
interface StoryEvent {
    String AGGREGATE = "story";

    String storyId();
}
