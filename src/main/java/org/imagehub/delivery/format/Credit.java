package org.imagehub.delivery.format;

import org.imagehub.delivery.DeliveredStory;

/** Whom a republished story names as its author: the agreed credit line, else the owning organisation. */
final class Credit {
    private Credit() {
    }

    static String of(DeliveredStory story) {
        if (story.rights() != null && story.rights().credit() != null) {
            return story.rights().credit();
        }
        return story.organisation();
    }
}
