package org.imagehub.delivery.format;

import java.time.Instant;
import java.util.List;
import org.imagehub.delivery.DeliveredStory;

/**
 * One language's feed, newest first, ready to be written as RSS, Atom or JSON Feed.
 *
 * @param selfUrl the address this feed is served from
 * @param homeUrl the site or listing the feed belongs to
 * @param updated when any item last changed; the feed's own timestamp
 */
public record Feed(String lang, String title, String selfUrl, String homeUrl, Instant updated,
        List<DeliveredStory> items) {

    public Feed {
        items = List.copyOf(items);
    }
}
