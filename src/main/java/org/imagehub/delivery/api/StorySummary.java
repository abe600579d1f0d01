package org.imagehub.delivery.api;

import java.time.Instant;
import java.util.List;
import org.imagehub.delivery.DeliveredStory;

/** A story in a list: what a listing page shows; the full text is one request away at {@code url}. */
public record StorySummary(String id, String lang, String type, String priority, String slug, String title, String summary,
        List<String> topics, List<String> countries, List<String> keyMessages, Instant firstPublishedAt, Instant publishedAt, String url,
        List<DeliveredStory.Alternate> otherLanguages) {

    static StorySummary of(DeliveredStory story) {
        return new StorySummary(story.id(), story.lang(), story.type(), story.priority(), story.slug(), story.title(), story.summary(),
                story.topics(), story.countries(), story.keyMessages(), story.firstPublishedAt(), story.publishedAt(), story.url(),
                story.otherLanguages());
    }
}
