package org.imagehub.delivery.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.imagehub.delivery.DeliveredStory;

/**
 * schema.org JSON-LD for pages that embed a story: a {@code NewsArticle} for every story, and a {@code ClaimReview}
 * for a fact-check so that search engines can show the verdict.
 *
 * <p>The hub treats its languages as translations of one story, so the other languages are {@code workTranslation}s
 * rather than {@code sameAs} (which would claim they are the same page).
 */
public final class JsonLdMapper {
    public static final String CONTEXT = "https://schema.org";
    public static final String FACT_CHECK = "fact-check";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String publisherName;
    private final String publisherUrl;

    /** The publisher is the hub's operator, named on every article and as the author of every fact-check. */
    public JsonLdMapper(String publisherName, String publisherUrl) {
        this.publisherName = publisherName;
        this.publisherUrl = publisherUrl;
    }

    public ObjectNode newsArticle(DeliveredStory story) {
        ObjectNode article = NODES.objectNode();
        article.put("@context", CONTEXT);
        article.put("@type", "NewsArticle");
        article.put("identifier", StoryUrn.of(story));
        article.put("url", story.url());
        article.put("headline", story.title());
        putIfPresent(article, "description", story.summary());
        putIfPresent(article, "articleBody", story.bodyText());
        article.put("inLanguage", story.lang());
        putIfPresent(article, "datePublished", story.firstPublishedAt());
        putIfPresent(article, "dateModified", story.publishedAt());
        putIfPresent(article, "expires", story.expiresAt());
        if (story.organisation() != null) {
            article.set("author", organization(story.organisation(), null));
        }
        article.set("publisher", organization(publisherName, publisherUrl));
        putKeywords(article, story);
        putCountries(article, story);
        putRights(article, story.rights());
        putTranslations(article, story);
        putImages(article, story);
        return article;
    }

    /** Each image as a schema.org ImageObject, with caption (the alt text when there is none), credit and licence. */
    private static void putImages(ObjectNode article, DeliveredStory story) {
        if (story.media() == null || story.media().isEmpty()) {
            return;
        }
        com.fasterxml.jackson.databind.node.ArrayNode images = NODES.arrayNode();
        com.fasterxml.jackson.databind.node.ArrayNode videos = NODES.arrayNode();
        for (org.imagehub.delivery.DeliveredMedia media : story.media()) {
            org.imagehub.delivery.DeliveredMedia.File file = media.display();
            if (file == null || media.isDocument()) {
                continue;
            }
            if (media.isVideo()) {
                videos.add(video(media, file, story));
                continue;
            }
            ObjectNode image = images.addObject();
            image.put("@type", "ImageObject");
            image.put("contentUrl", file.url());
            image.put("url", file.url());
            image.put("encodingFormat", file.mediaType());
            if (file.width() != null) {
                image.put("width", file.width());
                image.put("height", file.height());
            }
            putIfPresent(image, "caption", media.caption() != null ? media.caption() : media.altText());
            putIfPresent(image, "description", media.altText());
            putIfPresent(image, "creditText", media.credit());
            putIfPresent(image, "license", media.licence());
            putIfPresent(image, "copyrightNotice", media.copyright());
            putIfPresent(image, "inLanguage", story.lang());
        }
        if (!images.isEmpty()) {
            article.set("image", images);
        }
        if (!videos.isEmpty()) {
            article.set("video", videos);
        }
    }

    /**
     * A video as a schema.org VideoObject: what search engines ask of one (name, thumbnailUrl, uploadDate, contentUrl,
     * duration in ISO 8601), the thumbnail being the poster's display rendition.
     */
    private static ObjectNode video(org.imagehub.delivery.DeliveredMedia media, org.imagehub.delivery.DeliveredMedia.File file,
            DeliveredStory story) {
        ObjectNode video = NODES.objectNode();
        video.put("@type", "VideoObject");
        video.put("name", media.caption() != null ? media.caption() : media.altText() != null ? media.altText() : story.title());
        video.put("contentUrl", file.url());
        video.put("encodingFormat", file.mediaType());
        if (media.durationMs() != null) {
            video.put("duration", java.time.Duration.ofMillis(media.durationMs()).toString());
        }
        if (media.width() != null) {
            video.put("width", media.width());
            video.put("height", media.height());
        }
        org.imagehub.delivery.DeliveredMedia.File thumbnail = media.poster() == null ? null : media.poster().display();
        if (thumbnail != null) {
            video.put("thumbnailUrl", thumbnail.url());
        }
        if (media.uploadedAt() != null) {
            video.put("uploadDate", media.uploadedAt().toString());
        }
        putIfPresent(video, "caption", media.caption());
        putIfPresent(video, "description", media.altText());
        putIfPresent(video, "creditText", media.credit());
        putIfPresent(video, "license", media.licence());
        putIfPresent(video, "copyrightNotice", media.copyright());
        putIfPresent(video, "inLanguage", story.lang());
        return video;
    }

    /** The ClaimReview of a fact-check; empty for every other story type. */
    public Optional<ObjectNode> claimReview(DeliveredStory story) {
        if (!FACT_CHECK.equals(story.type())) {
            return Optional.empty();
        }
        Map<String, Object> fields = orEmpty(story.storyFields());
        Map<String, Object> localized = orEmpty(story.localizationFields());
        ObjectNode review = NODES.objectNode();
        review.put("@context", CONTEXT);
        review.put("@type", "ClaimReview");
        review.put("url", story.url());
        review.put("inLanguage", story.lang());
        review.put("headline", story.title());
        putIfPresent(review, "datePublished", story.firstPublishedAt());
        putIfPresent(review, "dateModified", story.publishedAt());
        putIfPresent(review, "claimReviewed", (String) localized.get("claimQuoted"));
        putIfPresent(review, "reviewBody", (String) localized.get("officialFacts"));
        review.set("author", organization(publisherName, publisherUrl));
        review.set("itemReviewed", claim(fields));
        String verdict = (String) fields.get("verdict");
        if (verdict != null) {
            review.set("reviewRating", rating(verdict));
        }
        ArrayNode citations = NODES.arrayNode();
        for (Map<String, Object> evidence : listOfMaps(fields.get("evidence"))) {
            ObjectNode work = citations.addObject().put("@type", "CreativeWork");
            putIfPresent(work, "name", (String) evidence.get("title"));
            putIfPresent(work, "url", (String) evidence.get("url"));
        }
        if (!citations.isEmpty()) {
            review.set("citation", citations);
        }
        return Optional.of(review);
    }

    /**
     * The verdict on schema.org's 1 (false) to 5 (true) scale, as fact-check readers use it. No hub verdict means
     * "mostly true", so 4 is never given; "unsupported" sits with "misleading" because an unbacked claim should not be
     * repeated as if it were half true.
     */
    static int ratingValue(String verdict) {
        return switch (verdict) {
            case "false" -> 1;
            case "misleading", "unsupported" -> 2;
            case "partly-false" -> 3;
            case "accurate" -> 5;
            default -> throw new IllegalArgumentException("Unknown fact-check verdict: " + verdict);
        };
    }

    private static ObjectNode rating(String verdict) {
        ObjectNode rating = NODES.objectNode();
        rating.put("@type", "Rating");
        rating.put("ratingValue", ratingValue(verdict));
        rating.put("bestRating", 5);
        rating.put("worstRating", 1);
        rating.put("alternateName", verdict);
        return rating;
    }

    /** Who made the claim and where it circulated; the claimant is named as an organisation or account. */
    private static ObjectNode claim(Map<String, Object> fields) {
        ObjectNode claim = NODES.objectNode().put("@type", "Claim");
        if (fields.get("claimant") instanceof String claimant) {
            claim.set("author", organization(claimant, null));
        }
        ArrayNode appearances = NODES.arrayNode();
        for (Map<String, Object> place : listOfMaps(fields.get("circulatedOn"))) {
            ObjectNode appearance = appearances.addObject().put("@type", "CreativeWork");
            putIfPresent(appearance, "url", (String) place.get("url"));
            putIfPresent(appearance, "datePublished", (String) place.get("firstSeen"));
            if (place.get("platform") instanceof String platform) {
                appearance.set("publisher", organization(platform, null));
            }
        }
        if (!appearances.isEmpty()) {
            claim.set("appearance", appearances);
        }
        return claim;
    }

    private static void putKeywords(ObjectNode article, DeliveredStory story) {
        Set<String> keywords = new LinkedHashSet<>(orEmpty(story.tags()));
        keywords.addAll(orEmpty(story.topics()));
        if (!keywords.isEmpty()) {
            ArrayNode array = article.putArray("keywords");
            keywords.forEach(array::add);
        }
    }

    private static void putCountries(ObjectNode article, DeliveredStory story) {
        Locale language = Locale.forLanguageTag(story.lang());
        ArrayNode places = NODES.arrayNode();
        for (String code : orEmpty(story.countries())) {
            ObjectNode country = places.addObject().put("@type", "Country").put("identifier", code);
            String name = new Locale("", code).getDisplayCountry(language);
            if (!name.isEmpty() && !name.equals(code)) {
                country.put("name", name);
            }
        }
        if (!places.isEmpty()) {
            article.set("spatialCoverage", places);
        }
    }

    private static void putRights(ObjectNode article, DeliveredStory.Rights rights) {
        if (rights == null) {
            return;
        }
        putIfPresent(article, "creditText", rights.credit());
        if (rights.source() != null) {
            article.set("copyrightHolder", organization(rights.source(), null));
        }
        putIfPresent(article, "license", rights.licence());
    }

    private static void putTranslations(ObjectNode article, DeliveredStory story) {
        List<DeliveredStory.Alternate> others = orEmpty(story.otherLanguages());
        if (others.isEmpty()) {
            return;
        }
        ArrayNode translations = article.putArray("workTranslation");
        for (DeliveredStory.Alternate other : others) {
            translations.addObject().put("@type", "NewsArticle").put("inLanguage", other.lang()).put("url", other.url());
        }
    }

    private static ObjectNode organization(String name, String url) {
        ObjectNode organization = NODES.objectNode().put("@type", "Organization").put("name", name);
        putIfPresent(organization, "url", url);
        return organization;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOfMaps(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(item -> (Map<String, Object>) item).toList();
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void putIfPresent(ObjectNode node, String field, Instant value) {
        if (value != null) {
            node.put(field, value.toString());
        }
    }

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> values) {
        return values == null ? Map.of() : values;
    }
}
