package org.imagehub.delivery.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.imagehub.delivery.DeliveredStory;

/**
 * One delivered story as an IPTC ninjs 2.1 news item, for partner outlets.
 *
 * <p>ninjs 2.1 has no keywords property, so tags travel as subjects with {@code rel} {@value #TAG_REL}, next to the
 * topics ({@code rel} {@value #TOPIC_REL}). Other languages are separate news items with their own uri; ninjs has no
 * property for "this item in another language" ({@code altids} are other ids of the same item), so none is emitted.
 */
public final class NinjsMapper {
    public static final String SCHEMA_URI = "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json";
    static final String TOPIC_REL = "topic";
    static final String TAG_REL = "tag";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int URGENCY_BREAKING = 1;
    private static final int URGENCY_NORMAL = 5;

    public ObjectNode toNinjs(DeliveredStory story) {
        ObjectNode item = header(StoryUrn.of(story), story.lang(), story.version(), story.publishedAt());
        item.put("type", "text");
        item.put("representationtype", "full");
        item.put("profile", "image-hub:" + story.type());
        putInstant(item, "firstcreated", story.firstPublishedAt());
        putInstant(item, "contentcreated", story.firstPublishedAt());
        putInstant(item, "embargoed", story.embargoUntil());
        putInstant(item, "expires", story.expiresAt());
        item.put("pubstatus", "usable");
        item.put("urgency", "breaking".equals(story.priority()) ? URGENCY_BREAKING : URGENCY_NORMAL);
        item.put("slugline", story.slug());
        item.set("headlines", NODES.arrayNode().add(text("main", "text/plain", story.title())));
        if (story.summary() != null) {
            item.set("descriptions", NODES.arrayNode().add(text("summary", "text/plain", story.summary())));
        }
        item.set("bodies", bodies(story));
        putSubjects(item, story);
        putPlaces(item, story);
        putRights(item, story);
        putAssociations(item, story);
        return item;
    }

    /**
     * Each image as an associated picture item, each video as a video item, with its renditions (a video's: the file,
     * with its duration in seconds, and its poster's renditions named {@code poster-…}), caption and alt text in the
     * item's language.
     */
    private static void putAssociations(ObjectNode item, DeliveredStory story) {
        if (story.media() == null || story.media().isEmpty()) {
            return;
        }
        ArrayNode associations = item.putArray("associations");
        int index = 0;
        for (org.imagehub.delivery.DeliveredMedia media : story.media()) {
            if (media.isDocument()) {
                continue; // not a picture nor a video: a feed's attachment
            }
            ObjectNode picture = associations.addObject();
            picture.put("name", media.role() + (index == 0 ? "" : "-" + index));
            picture.put("uri", "urn:image-hub:media:" + media.assetId());
            picture.put("type", media.isVideo() ? "video" : "picture");
            picture.put("language", story.lang());
            ArrayNode descriptions = NODES.arrayNode();
            if (media.caption() != null) {
                descriptions.add(text("caption", "text/plain", media.caption()));
            }
            if (media.altText() != null) {
                descriptions.add(text("alt", "text/plain", media.altText()));
            }
            if (!descriptions.isEmpty()) {
                picture.set("descriptions", descriptions);
            }
            if (media.credit() != null) {
                picture.put("by", media.credit());
            }
            if (media.copyright() != null) {
                picture.put("copyrightholder", media.copyright());
            }
            if (media.licence() != null) {
                picture.put("usageterms", media.licence());
            }
            ArrayNode renditions = picture.putArray("renditions");
            if (media.original() != null) {
                ObjectNode original = rendition(renditions, "original", media.original());
                if (media.durationMs() != null) {
                    original.put("duration", media.durationMs() / 1000.0);
                }
            }
            for (org.imagehub.delivery.DeliveredMedia.File file : media.renditions()) {
                rendition(renditions, file.name() + ("image/webp".equals(file.mediaType()) ? "-webp" : ""), file);
            }
            if (media.poster() != null) {
                for (org.imagehub.delivery.DeliveredMedia.File file : media.poster().renditions()) {
                    rendition(renditions, "poster-" + file.name() + ("image/webp".equals(file.mediaType()) ? "-webp" : ""), file);
                }
                if (media.poster().original() != null) {
                    rendition(renditions, "poster-original", media.poster().original());
                }
            }
            index++;
        }
    }

    private static ObjectNode rendition(ArrayNode renditions, String name, org.imagehub.delivery.DeliveredMedia.File file) {
        ObjectNode rendition = renditions.addObject();
        rendition.put("name", name);
        rendition.put("href", file.url());
        rendition.put("contenttype", file.mediaType());
        if (file.width() != null) {
            rendition.put("width", file.width());
        }
        if (file.height() != null) {
            rendition.put("height", file.height());
        }
        rendition.put("sizeinbytes", file.bytes());
        return rendition;
    }

    /** The item that tells a partner to take a withdrawn story down: same uri, a newer version, pubstatus canceled. */
    public ObjectNode canceled(String storyId, String lang, long version, Instant withdrawnAt) {
        ObjectNode item = header(StoryUrn.of(storyId, lang), lang, version, withdrawnAt);
        item.put("pubstatus", "canceled");
        return item;
    }

    private static ObjectNode header(String uri, String lang, long version, Instant versionCreated) {
        ObjectNode item = NODES.objectNode();
        item.put("uri", uri);
        ObjectNode standard = item.putObject("standard");
        standard.put("name", "ninjs");
        standard.put("version", "2.1");
        standard.put("schema", SCHEMA_URI);
        item.put("language", lang);
        item.put("version", Long.toString(version));
        putInstant(item, "versioncreated", versionCreated);
        return item;
    }

    private static ArrayNode bodies(DeliveredStory story) {
        ArrayNode bodies = NODES.arrayNode();
        if (story.bodyHtml() != null) {
            bodies.add(text("main", "text/html", story.bodyHtml()));
        }
        if (story.bodyText() != null) {
            ObjectNode plain = text("main", "text/plain", story.bodyText());
            plain.put("charcount", story.bodyText().codePointCount(0, story.bodyText().length()));
            bodies.add(plain);
        }
        return bodies;
    }

    private static void putSubjects(ObjectNode item, DeliveredStory story) {
        ArrayNode subjects = NODES.arrayNode();
        addLiterals(subjects, story.topics(), TOPIC_REL);
        addLiterals(subjects, story.tags(), TAG_REL);
        if (!subjects.isEmpty()) {
            item.set("subjects", subjects);
        }
    }

    private static void addLiterals(ArrayNode subjects, List<String> values, String rel) {
        for (String value : nullToEmpty(values)) {
            subjects.addObject().put("literal", value).put("rel", rel);
        }
    }

    /** Countries are ISO 3166 codes; the name is given in the story's own language so a partner can print it. */
    private static void putPlaces(ObjectNode item, DeliveredStory story) {
        List<String> countries = nullToEmpty(story.countries());
        if (countries.isEmpty()) {
            return;
        }
        Locale language = Locale.forLanguageTag(story.lang());
        ArrayNode places = item.putArray("places");
        for (String code : countries) {
            ObjectNode place = places.addObject();
            place.put("literal", code);
            String name = new Locale("", code).getDisplayCountry(language);
            if (!name.isEmpty() && !name.equals(code)) {
                place.put("name", name);
            }
        }
    }

    private static void putRights(ObjectNode item, DeliveredStory story) {
        DeliveredStory.Rights rights = story.rights();
        String holder = rights != null && rights.source() != null ? rights.source() : story.organisation();
        if (holder != null) {
            item.put("copyrightholder", holder);
        }
        if (rights == null) {
            return;
        }
        if (rights.credit() != null) {
            item.put("by", rights.credit());
        }
        if (rights.licence() != null) {
            item.put("usageterms", rights.licence());
            if (rights.licence().startsWith("https://") || rights.licence().startsWith("http://")) {
                item.putObject("rightsinfo").put("linkedrights", rights.licence());
            }
        }
    }

    private static ObjectNode text(String role, String contentType, String value) {
        return NODES.objectNode().put("role", role).put("contenttype", contentType).put("value", value);
    }

    private static void putInstant(ObjectNode item, String field, Instant instant) {
        if (instant != null) {
            item.put(field, instant.toString());
        }
    }

    private static <T> List<T> nullToEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }
}
