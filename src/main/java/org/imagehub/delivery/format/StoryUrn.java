package org.imagehub.delivery.format;

import org.imagehub.delivery.DeliveredStory;

/**
 * The stable identifier of one story in one language, shared by every format so that a consumer reading ninjs and a
 * feed sees the same id. It names the story, not an address, so it survives a change of host or slug.
 */
public final class StoryUrn {
    private StoryUrn() {
    }

    public static String of(String storyId, String lang) {
        return "urn:image-hub:story:" + storyId + ":" + lang;
    }

    public static String of(DeliveredStory story) {
        return of(story.id(), story.lang());
    }
}
