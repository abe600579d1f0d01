package org.imagehub.delivery.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.imagehub.delivery.DeliveredStory;

/** Writes a {@link Feed} as JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
public final class JsonFeedWriter {
    public static final String VERSION = "https://jsonfeed.org/version/1.1";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public ObjectNode toJsonFeed(Feed feed) {
        ObjectNode json = NODES.objectNode();
        json.put("version", VERSION);
        json.put("title", feed.title());
        json.put("home_page_url", feed.homeUrl());
        json.put("feed_url", feed.selfUrl());
        json.put("language", feed.lang());
        ArrayNode items = json.putArray("items");
        feed.items().forEach(story -> items.add(item(story)));
        return json;
    }

    private static ObjectNode item(DeliveredStory story) {
        ObjectNode item = NODES.objectNode();
        item.put("id", StoryUrn.of(story));
        item.put("url", story.url());
        item.put("title", story.title());
        putIfPresent(item, "summary", story.summary());
        putIfPresent(item, "content_html", story.bodyHtml());
        putIfPresent(item, "content_text", story.bodyText());
        putIfPresent(item, "date_published", story.firstPublishedAt());
        putIfPresent(item, "date_modified", story.publishedAt());
        String author = Credit.of(story);
        if (author != null) {
            item.putArray("authors").addObject().put("name", author);
        }
        if (story.topics() != null && !story.topics().isEmpty()) {
            ArrayNode tags = item.putArray("tags");
            story.topics().forEach(tags::add);
        }
        item.put("language", story.lang());
        putImages(item, story);
        return item;
    }

    /** The first image as the item's {@code image}; every image as an attachment, its caption as the title. */
    private static void putImages(ObjectNode item, DeliveredStory story) {
        if (story.media() == null || story.media().isEmpty()) {
            return;
        }
        ArrayNode attachments = item.putArray("attachments");
        for (org.imagehub.delivery.DeliveredMedia media : story.media()) {
            org.imagehub.delivery.DeliveredMedia.File file = media.display();
            if (file == null) {
                continue;
            }
            // A video's picture is its poster; the video itself is an attachment.
            org.imagehub.delivery.DeliveredMedia.File picture = media.isVideo()
                    ? (media.poster() == null ? null : media.poster().display()) : media.isDocument() ? null : file;
            if (!item.has("image") && picture != null) {
                item.put("image", picture.url());
            }
            ObjectNode attachment = attachments.addObject();
            attachment.put("url", file.url());
            attachment.put("mime_type", file.mediaType());
            attachment.put("size_in_bytes", file.bytes());
            putIfPresent(attachment, "title", media.caption() != null ? media.caption() : media.altText());
            if (media.durationMs() != null) {
                attachment.put("duration_in_seconds", media.durationMs() / 1000.0);
            }
        }
    }

    private static void putIfPresent(ObjectNode item, String field, String value) {
        if (value != null) {
            item.put(field, value);
        }
    }

    private static void putIfPresent(ObjectNode item, String field, Instant value) {
        if (value != null) {
            item.put(field, value.toString());
        }
    }
}
