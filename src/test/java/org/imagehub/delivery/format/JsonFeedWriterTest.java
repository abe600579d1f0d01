package org.imagehub.delivery.format;

import org.imagehub.testing.SharedSchemas;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.imagehub.delivery.DeliveredStory;
import org.junit.jupiter.api.Test;

class JsonFeedWriterTest {
    private static final SharedSchemas.JsonValidator JSON_FEED_11 = SharedSchemas.jsonFeed11();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonFeedWriter writer = new JsonFeedWriter();

    private static Feed feedOf(String lang, DeliveredStory... items) {
        return new Feed(lang, "Image Hub " + lang, "https://hub.example.org/api/v1/feeds/" + lang + ".json",
                "https://hub.example.org/" + lang, Instant.parse("2024-05-04T10:00:00Z"), List.of(items));
    }

    @Test
    void isValidAgainstTheJsonFeed11Schema() {
        for (String lang : DeliveredStories.corpusLanguages()) {
            Feed feed = feedOf(lang, DeliveredStories.inLanguage(lang).build());
            assertThat(JSON_FEED_11.errors(writer.toJsonFeed(feed).toString())).as(lang).isEmpty();
        }
    }

    @Test
    void anImageIsTheItemsImageAndAnAttachmentAndTheFeedStaysValid() throws IOException {
        Feed feed = feedOf("fr", DeliveredStories.inLanguage("fr").withImage().build());
        com.fasterxml.jackson.databind.node.ObjectNode json = writer.toJsonFeed(feed);

        assertThat(JSON_FEED_11.errors(json.toString())).isEmpty();
        assertThat(json.at("/items/0/image").asText()).endsWith("large-3fa2c1d9e0ab4c11.jpg");
        assertThat(json.at("/items/0/attachments/0/mime_type").asText()).isEqualTo("image/jpeg");
        assertThat(json.at("/items/0/attachments/0/size_in_bytes").asLong()).isEqualTo(312_000);
    }

    @Test
    void aDocumentIsAnAttachmentButNeverTheItemsImageAndNinjsAndJsonLdLeaveItOut() throws IOException {
        DeliveredStory story = DeliveredStories.inLanguage("fr").withDocument().withImage().build();
        com.fasterxml.jackson.databind.node.ObjectNode json = writer.toJsonFeed(feedOf("fr", story));

        assertThat(JSON_FEED_11.errors(json.toString())).isEmpty();
        assertThat(json.at("/items/0/image").asText()).endsWith("large-3fa2c1d9e0ab4c11.jpg");
        assertThat(json.at("/items/0/attachments/0/mime_type").asText()).isEqualTo("application/pdf");
        assertThat(json.at("/items/0/attachments/0/title").asText()).isEqualTo("Communiqué (PDF)");
        assertThat(new NinjsMapper().toNinjs(story).path("associations")).hasSize(1);
        assertThat(new JsonLdMapper("Image Hub", "https://hub.example.org/").newsArticle(story).path("image")).hasSize(1);
    }

    @Test
    void aVideoIsAnAttachmentWithItsDurationItsPosterTheImageWhenNoneCameFirstAndTheFeedStaysValid() throws IOException {
        Feed feed = feedOf("fr", DeliveredStories.inLanguage("fr").withVideo().build());
        com.fasterxml.jackson.databind.node.ObjectNode json = writer.toJsonFeed(feed);

        assertThat(JSON_FEED_11.errors(json.toString())).isEmpty();
        assertThat(json.at("/items/0/image").asText()).endsWith("/large-5555666677778888.jpg");
        assertThat(json.at("/items/0/attachments/0/url").asText()).endsWith("/original-7d65f86d08188c9f.mp4");
        assertThat(json.at("/items/0/attachments/0/mime_type").asText()).isEqualTo("video/mp4");
        assertThat(json.at("/items/0/attachments/0/duration_in_seconds").asDouble()).isEqualTo(93.48);
    }

    /**
     * Proves the schema, and the JSON Feed 1.0 definitions it refers to, are really applied: the published sample
     * passes; a feed without items, or with an item whose url is no string, does not.
     */
    @Test
    void theSchemaCheckAcceptsTheSampleAndRejectsBrokenFeeds() throws IOException {
        String sample = Files.readString(SharedSchemas.dir().resolve("feeds/jsonfeed-tests/simple.json"));
        ObjectNode noItems = writer.toJsonFeed(feedOf("fr")).without("items");
        ObjectNode numericUrl = writer.toJsonFeed(feedOf("fr", DeliveredStories.inLanguage("fr").build()));
        ((ObjectNode) numericUrl.path("items").get(0)).put("url", 42);

        assertThat(JSON_FEED_11.errors(sample)).isEmpty();
        assertThat(JSON_FEED_11.errors(noItems.toString())).isNotEmpty();
        assertThat(JSON_FEED_11.errors(numericUrl.toString())).anySatisfy(error -> assertThat(error).contains("url"));
    }

    @Test
    void itemsCarryIdLinkContentDatesAuthorTagsAndLanguage() {
        DeliveredStory french = DeliveredStories.inLanguage("fr").build();
        DeliveredStory ukrainianFallback = DeliveredStories.inLanguage("uk").build();

        JsonNode feed = writer.toJsonFeed(feedOf("fr", french, ukrainianFallback));

        assertThat(feed.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.path("language").asText()).isEqualTo("fr");
        assertThat(feed.path("feed_url").asText()).isEqualTo("https://hub.example.org/api/v1/feeds/fr.json");
        JsonNode item = feed.path("items").get(0);
        assertThat(item.path("id").asText()).isEqualTo("urn:image-hub:story:resolution-47:fr");
        assertThat(item.path("url").asText()).isEqualTo(french.url());
        assertThat(item.path("title").asText()).isEqualTo(french.title());
        assertThat(item.path("summary").asText()).isEqualTo(french.summary());
        assertThat(item.path("content_html").asText()).isEqualTo(french.bodyHtml());
        assertThat(item.path("content_text").asText()).isEqualTo(french.bodyText());
        assertThat(item.path("date_published").asText()).isEqualTo(french.firstPublishedAt().toString());
        assertThat(item.path("date_modified").asText()).isEqualTo(french.publishedAt().toString());
        assertThat(item.path("authors").findValuesAsText("name")).containsExactly("VNA");
        assertThat(item.path("tags")).extracting(JsonNode::asText).containsExactlyElementsOf(french.topics());
        assertThat(feed.path("items").get(1).path("language").asText()).isEqualTo("uk");
    }

    @Test
    void everyScriptSurvivesAUtf8RoundTrip() throws IOException {
        for (String lang : DeliveredStories.corpusLanguages()) {
            DeliveredStory story = DeliveredStories.inLanguage(lang).build();
            byte[] bytes = JSON.writeValueAsBytes(writer.toJsonFeed(feedOf(lang, story)));

            JsonNode item = JSON.readTree(new String(bytes, StandardCharsets.UTF_8)).path("items").get(0);

            assertThat(item.path("title").asText()).as(lang).isEqualTo(story.title());
            assertThat(item.path("content_text").asText()).as(lang).isEqualTo(story.bodyText());
        }
    }
}
