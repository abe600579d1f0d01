package org.imagehub.delivery;

import java.time.Instant;
import java.util.List;

/**
 * A story in a list: what a listing page shows; the full text is one request away at {@code url}. Written once per
 * published row (delivery_item.summary) so that a list is served by joining stored text, without parsing documents.
 */
public record StorySummary(String id, String lang, String type, String priority, String slug, String title, String summary,
        List<String> topics, List<String> countries, List<String> keyMessages, Instant firstPublishedAt, Instant publishedAt, String url,
        List<DeliveredStory.Alternate> otherLanguages) {

    public static StorySummary of(DeliveredStory story) {
        return new StorySummary(story.id(), story.lang(), story.type(), story.priority(), story.slug(), story.title(), story.summary(),
                story.topics(), story.countries(), story.keyMessages(), story.firstPublishedAt(), story.publishedAt(), story.url(),
                story.otherLanguages());
    }

    /** The same entry listing only the other languages {@code allowed} accepts. */
    public StorySummary withOtherLanguagesOnly(java.util.function.Predicate<String> allowed) {
        return new StorySummary(id, lang, type, priority, slug, title, summary, topics, countries, keyMessages, firstPublishedAt, publishedAt, url,
                otherLanguages.stream().filter(other -> allowed.test(other.lang())).toList());
    }
}
