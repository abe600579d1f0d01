package org.imagehub.delivery.format;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON Feed 1.1 that {@link JsonFeedWriter} writes, for the OpenAPI document only. The suite checks real feeds
 * against it (the contract test) and against the JSON Feed schema.
 */
@Schema(name = "JsonFeed", description = "JSON Feed 1.1 (https://jsonfeed.org/version/1.1)", requiredProperties = {"version", "title", "items"})
public record JsonFeed(
        @Schema(enumeration = JsonFeedWriter.VERSION) String version,
        String title,
        @JsonProperty("home_page_url") String homePageUrl,
        @JsonProperty("feed_url") String feedUrl,
        String language,
        List<Item> items) {

    @Schema(name = "JsonFeedItem", requiredProperties = {"id", "url", "title", "language"})
    record Item(String id, String url, String title, String summary,
            @JsonProperty("content_html") String contentHtml,
            @JsonProperty("content_text") String contentText,
            @JsonProperty("date_published") Instant datePublished,
            @JsonProperty("date_modified") Instant dateModified,
            List<Author> authors,
            List<String> tags,
            String language) {
    }

    @Schema(name = "JsonFeedAuthor", requiredProperties = "name")
    record Author(String name) {
    }
}
