package org.imagehub.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One published story in one language, as a consumer receives it: read from the published view, already past its
 * embargo and within the caller's scope. Every syndication format (JSON, ninjs, feeds, JSON-LD) is made from this.
 *
 * @param url            the delivery API address of this story in this language
 * @param otherLanguages the story's other published languages, for hreflang links
 * @param version        grows with every publication of any of the story's languages
 */
public record DeliveredStory(
        String id,
        String lang,
        String type,
        String priority,
        String organisation,
        String slug,
        boolean rtl,
        String title,
        String summary,
        String bodyHtml,
        String bodyText,
        List<String> topics,
        List<String> countries,
        List<String> tags,
        List<String> keyMessages,
        Map<String, Object> storyFields,
        Map<String, Object> localizationFields,
        Rights rights,
        Instant firstPublishedAt,
        Instant publishedAt,
        Instant embargoUntil,
        Instant expiresAt,
        long version,
        String url,
        List<Alternate> otherLanguages) {

    public DeliveredStory withVersion(long newVersion) {
        return new DeliveredStory(id, lang, type, priority, organisation, slug, rtl, title, summary, bodyHtml, bodyText, topics, countries, tags,
                keyMessages, storyFields, localizationFields, rights, firstPublishedAt, publishedAt, embargoUntil, expiresAt, newVersion, url,
                otherLanguages);
    }

    public DeliveredStory withOtherLanguages(List<Alternate> alternates) {
        return new DeliveredStory(id, lang, type, priority, organisation, slug, rtl, title, summary, bodyHtml, bodyText, topics, countries, tags,
                keyMessages, storyFields, localizationFields, rights, firstPublishedAt, publishedAt, embargoUntil, expiresAt, version, url,
                alternates);
    }

    /** The same story with its addresses made absolute against {@code baseUrl} (feeds and syndication formats need that). */
    public DeliveredStory withBaseUrl(String baseUrl) {
        return new DeliveredStory(id, lang, type, priority, organisation, slug, rtl, title, summary, bodyHtml, bodyText, topics, countries, tags,
                keyMessages, storyFields, localizationFields, rights, firstPublishedAt, publishedAt, embargoUntil, expiresAt, version,
                baseUrl + url, otherLanguages.stream().map(other -> new Alternate(other.lang(), other.slug(), baseUrl + other.url())).toList());
    }

    /** Who may be credited and on which terms the story may be republished. */
    public record Rights(String credit, String source, String licence) {
    }

    /** The same story in another published language. */
    public record Alternate(String lang, String slug, String url) {
    }
}
