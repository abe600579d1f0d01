package org.imagehub.delivery.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.imagehub.delivery.DeliveredStory;
import org.imagehub.delivery.format.Feed;
import org.imagehub.delivery.format.FeedWriter;
import org.imagehub.delivery.format.JsonFeedWriter;
import org.imagehub.delivery.read.ConsumerScope;
import org.imagehub.delivery.read.DeliveryReader;
import org.imagehub.delivery.read.ReadRecorder;
import org.imagehub.platform.HubConfig;
import org.imagehub.platform.Json;
import org.imagehub.platform.errors.NotFoundException;
import org.imagehub.security.consumer.ConsumerAccess;

/** Feeds of the newest published stories in one language, written once per change of the published view. */
@ApplicationScoped
public class FeedService {
    /** The feed formats, with their media types. */
    public enum Format {
        RSS("application/rss+xml; charset=utf-8"), ATOM("application/atom+xml; charset=utf-8"), JSON("application/feed+json; charset=utf-8");

        private final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    private final DeliveryReader reader;
    private final ResponseCache cache;
    private final Json json;
    private final FeedWriter feedWriter = new FeedWriter();
    private final JsonFeedWriter jsonFeedWriter = new JsonFeedWriter();
    private final String baseUrl;
    private final int size;
    private final Clock clock;
    private final ReadRecorder reads;

    public FeedService(DeliveryReader reader, ResponseCache cache, Json json, HubConfig config, Clock clock, ReadRecorder reads) {
        this.reader = reader;
        this.cache = cache;
        this.json = json;
        this.baseUrl = config.delivery().publicBaseUrl().replaceAll("/+$", "");
        this.size = config.delivery().feedSize();
        this.clock = clock;
        this.reads = reads;
    }

    public CachedAnswer feed(String lang, Format format, String topic, String type, ConsumerAccess consumer) {
        ConsumerScope scope = ConsumerScope.of(consumer);
        if (!scope.allowsLanguage(lang)) {
            throw new NotFoundException("This key may not read " + lang + ".");
        }
        String key = "feed|" + lang + "|" + format + "|" + topic + "|" + type + "|" + scope.signature();
        return cache.get(key, () -> {
            List<DeliveredStory> items = reader.feed(lang, topic, type, scope, Instant.now(clock), size).stream()
                    .map(row -> json.read(row.document(), DeliveredStory.class))
                    .map(story -> scope.restrict(story).withBaseUrl(baseUrl))
                    .toList();
            Instant updated = items.stream().map(DeliveredStory::publishedAt).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
            String path = "/api/v1/feeds/" + lang + "." + format.name().toLowerCase(java.util.Locale.ROOT) + query(topic, type);
            Feed feed = new Feed(lang, title(lang, topic, type), baseUrl + path, baseUrl + "/api/v1/stories?lang=" + lang, updated, items);
            String body = switch (format) {
                case RSS -> feedWriter.rss(feed);
                case ATOM -> feedWriter.atom(feed);
                case JSON -> json.write(jsonFeedWriter.toJsonFeed(feed));
            };
            return CachedAnswer.of(body, format.mediaType, Map.of("Content-Language", lang)).carrying(items.stream().map(DeliveredStory::id).toList());
        });
    }

    /** A feed sent in full (not a 304) counts as the consumer taking each of its stories. */
    public void countFetch(CachedAnswer feed, String lang, ConsumerAccess consumer) {
        feed.feedItems().forEach(storyId -> reads.record(consumer.consumerId(), storyId, lang, ReadRecorder.Channel.FEED));
    }

    private static String title(String lang, String topic, String type) {
        return "Image Hub (" + lang + ")" + (topic == null ? "" : " · " + topic) + (type == null ? "" : " · " + type);
    }

    private static String query(String topic, String type) {
        if (topic == null && type == null) {
            return "";
        }
        return "?" + (topic == null ? "" : "topic=" + topic) + (topic != null && type != null ? "&" : "") + (type == null ? "" : "type=" + type);
    }
}
