package org.imagehub.delivery;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One published story in one language, as a consumer receives it: read from the published view, already past its
 * embargo and within the caller's scope. Every syndication format (JSON, ninjs, feeds, JSON-LD) is made from this.
 *
 * @param url            the delivery API address of this story in this language
 * @param otherLanguages the story's other published languages, for hreflang links
 * @param version        grows with every publication of any of the story's languages
 */
// Id and version first: the published view stores a document serialised once with version 0, and its number is put
// in place of that 0 when it is written (DeliveryItemRows), at a position known without parsing.
@JsonPropertyOrder({"id", "version"})
@Schema(requiredProperties = {"id", "lang", "type", "priority", "rtl", "title", "version", "url", "otherLanguages"})
public record DeliveredStory(
        @Schema(example = "st_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") String id,
        @Schema(description = "BCP 47 tag of the language served", example = "fr") String lang,
        @Schema(description = "A content type of GET /api/v1/content-model", example = "article") String type,
        @Schema(enumeration = {"normal", "breaking"}) String priority,
        @Schema(description = "Code of the owning organisation", example = "mofa") String organisation,
        @Schema(example = "le-vietnam-et-la-france-renforcent-leur-cooperation") String slug,
        @Schema(description = "The language is written right to left") boolean rtl,
        String title,
        String summary,
        @Schema(description = "Sanitised HTML") String bodyHtml,
        @Schema(description = "The body as plain text") String bodyText,
        List<String> topics,
        List<String> countries,
        List<String> tags,
        List<String> keyMessages,
        @Schema(description = "The type's story fields, as the content model declares them") Map<String, Object> storyFields,
        @Schema(description = "The type's localization fields, as the content model declares them") Map<String, Object> localizationFields,
        Rights rights,
        Instant firstPublishedAt,
        Instant publishedAt,
        Instant embargoUntil,
        Instant expiresAt,
        @Schema(description = "Grows with every publication of any of the story's languages") long version,
        @Schema(example = "/api/v1/stories/st_01JD8X6M3V9Q2W7R5T4Y1K0ZPA?lang=fr") String url,
        @Schema(description = "The other published languages the caller may read") List<Alternate> otherLanguages,
        @Schema(description = "Images of the story for the language served (an infographic's image of this language), with caption "
                + "and alt text in it") List<DeliveredMedia> media) {

    public DeliveredStory withVersion(long newVersion) {
        return new DeliveredStory(id, lang, type, priority, organisation, slug, rtl, title, summary, bodyHtml, bodyText, topics, countries, tags,
                keyMessages, storyFields, localizationFields, rights, firstPublishedAt, publishedAt, embargoUntil, expiresAt, newVersion, url,
                otherLanguages, media);
    }

    public DeliveredStory withOtherLanguages(List<Alternate> alternates) {
        return new DeliveredStory(id, lang, type, priority, organisation, slug, rtl, title, summary, bodyHtml, bodyText, topics, countries, tags,
                keyMessages, storyFields, localizationFields, rights, firstPublishedAt, publishedAt, embargoUntil, expiresAt, version, url,
                alternates, media);
    }

    /** The same story with its addresses made absolute against {@code baseUrl} (feeds and syndication formats need that). */
    public DeliveredStory withBaseUrl(String baseUrl) {
        return new DeliveredStory(id, lang, type, priority, organisation, slug, rtl, title, summary, bodyHtml, bodyText, topics, countries, tags,
                keyMessages, storyFields, localizationFields, rights, firstPublishedAt, publishedAt, embargoUntil, expiresAt, version,
                baseUrl + url, otherLanguages.stream().map(other -> new Alternate(other.lang(), other.slug(), baseUrl + other.url())).toList(),
                media == null ? List.of() : media.stream().map(one -> one.withBaseUrl(baseUrl)).toList());
    }

    /** Who may be credited and on which terms the story may be republished. */
    public record Rights(String credit, String source, String licence) {
    }

    /** The same story in another published language. */
    @Schema(requiredProperties = {"lang", "url"})
    public record Alternate(String lang, String slug, String url) {
    }
}
