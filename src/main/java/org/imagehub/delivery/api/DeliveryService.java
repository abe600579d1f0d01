package org.imagehub.delivery.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.imagehub.delivery.DeliveredStory;
import org.imagehub.delivery.StorySummary;
import org.imagehub.delivery.format.JsonLdMapper;
import org.imagehub.delivery.format.NinjsMapper;
import org.imagehub.delivery.read.ConsumerScope;
import org.imagehub.delivery.read.DeliveryReader;
import org.imagehub.delivery.read.DeliveryRow;
import org.imagehub.delivery.read.LanguagePreference;
import org.imagehub.delivery.read.ListFilter;
import org.imagehub.delivery.read.ReadRecorder;
import org.imagehub.delivery.read.RelatedStoryMemo;
import org.imagehub.platform.EmbeddableJson;
import org.imagehub.platform.HubConfig;
import org.imagehub.platform.Json;
import org.imagehub.platform.errors.NotFoundException;
import org.imagehub.platform.paging.Cursors;
import org.imagehub.security.consumer.ConsumerAccess;

/** Published stories for consumers: one story in the negotiated language, lists, and its syndication formats. */
@ApplicationScoped
public class DeliveryService {
    static final String JSON = "application/json";
    private static final int RELATED = 5;
    private static final String CURSOR_KIND = "delivery-stories";
    /** How long an unknown slug is remembered (and never past the next change of the published view). */
    private static final byte[] ITEMS_START = "{\"items\":[".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final byte[] NEXT = "],\"next\":".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final java.time.Duration ABSENT_SLUG_MEMORY = java.time.Duration.ofSeconds(5);

    private final DeliveryReader reader;
    private final RelatedStoryMemo related;
    private final ResponseCache cache;
    private final ReadRecorder reads;
    private final Cursors cursors;
    private final Json json;
    private final EmbeddableJson embeddable;
    private final ObjectMapper objectMapper;
    private final NinjsMapper ninjs = new NinjsMapper();
    private final JsonLdMapper jsonLd;
    private final String baseUrl;
    private final Clock clock;
    private final java.time.Duration relatedMaxAge;

    public DeliveryService(DeliveryReader reader, RelatedStoryMemo related, ResponseCache cache, ReadRecorder reads, Cursors cursors, Json json, EmbeddableJson embeddable,
            ObjectMapper objectMapper, HubConfig config, Clock clock) {
        this.reader = reader;
        this.related = related;
        this.cache = cache;
        this.reads = reads;
        this.cursors = cursors;
        this.json = json;
        this.embeddable = embeddable;
        this.objectMapper = objectMapper;
        this.baseUrl = config.delivery().publicBaseUrl().replaceAll("/+$", "");
        this.jsonLd = new JsonLdMapper("Image Hub", baseUrl);
        this.clock = clock;
        this.relatedMaxAge = config.delivery().relatedMaxAge();
    }

    /** The forms a single story can be served in. */
    enum Form { JSON, NINJS, JSON_LD }

    /** The story as this consumer may read it: answered from memory on the calling thread when warm (see ResponseCache.getSoon). */
    public Uni<CachedAnswer> story(String id, LanguagePreference languages, ConsumerAccess consumer, Form form) {
        ConsumerScope scope = ConsumerScope.of(consumer);
        // The JSON form carries related stories, found in the search index: kept no longer than relatedMaxAge.
        return cache.getSoon(form + "|" + id + "|" + languages.signature() + "|" + scope.signature(),
                () -> render(best(reader.storyLanguages(id, scope, Instant.now(clock)), languages)
                        .orElseThrow(() -> new NotFoundException("No published story '" + id + "' in a language you asked for and may read.")),
                        form, scope), form == Form.JSON ? relatedMaxAge : null)
                .invoke(answer -> reads.record(consumer.consumerId(), id, answer.headers().get("Content-Language"), ReadRecorder.Channel.API_READ));
    }

    /**
     * The story exactly in {@code lang}, as its detail is served to this consumer now, if the consumer may have it:
     * for pushes. Read from the database, not the cache: a replica's cache may not yet have heard of the change being
     * pushed. No read is counted.
     */
    public Optional<byte[]> detailForPush(String id, String lang, ConsumerAccess consumer) {
        ConsumerScope scope = ConsumerScope.of(consumer);
        return best(reader.storyLanguages(id, scope, Instant.now(clock)), new LanguagePreference(List.of(lang), false))
                .map(story -> render(story, Form.JSON, scope).body());
    }

    /**
     * The story with this slug in this language, cached by slug: a warm request touches no database. That no
     * story may be read there is remembered briefly too, so unknown slugs cannot make every request a query.
     */
    public Uni<CachedAnswer> storyBySlug(String lang, String slug, ConsumerAccess consumer) {
        ConsumerScope scope = ConsumerScope.of(consumer);
        LanguagePreference exactly = new LanguagePreference(List.of(lang), false);
        return cache.findSoon("slug|" + lang + "|" + slug + "|" + scope.signature(),
                        () -> best(reader.storyLanguagesBySlug(lang, slug, scope, Instant.now(clock)), exactly).map(story -> render(story, Form.JSON, scope)),
                        ABSENT_SLUG_MEMORY, relatedMaxAge)
                // The same answer whether the slug is unused, embargoed or out of scope: a consumer learns no id it may not read.
                .map(found -> found.orElseThrow(() -> new NotFoundException("No published story at " + lang + "/" + slug + " that you may read.")))
                .invoke(answer -> reads.record(consumer.consumerId(), answer.storyId(), lang, ReadRecorder.Channel.API_READ));
    }

    public Uni<CachedAnswer> list(ListFilter filter, LanguagePreference languages, String cursor, int limit, ConsumerAccess consumer,
            Map<String, String> query) {
        ConsumerScope scope = ConsumerScope.of(consumer);
        String key = "list|" + filter.signature() + "|" + languages.signature() + "|" + scope.signature() + "|" + cursor + "|" + limit;
        return cache.getSoon(key, () -> {
            DeliveryRow after = cursor == null ? null : fromCursor(cursor);
            List<DeliveryRow> rows = reader.list(filter, languages, scope, Instant.now(clock), after, limit + 1);
            boolean more = rows.size() > limit;
            List<DeliveryRow> page = more ? rows.subList(0, limit) : rows;
            String next = more ? nextLink(query, toCursor(page.get(page.size() - 1))) : null;
            return CachedAnswer.of(listBody(page, next, scope), JSON, next == null ? Map.of() : Map.of("Link", "<" + next + ">; rel=\"next\""));
        }, null);
    }

    /**
     * {"items": [...], "next": ...} joined from the stored list entries as they are; only a key limited to some
     * languages needs an entry taken apart, to drop the other languages it may not read.
     */
    private byte[] listBody(List<DeliveryRow> page, String next, ConsumerScope scope) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(256 + page.stream().mapToInt(row -> row.document().length + 1).sum());
        body.writeBytes(ITEMS_START);
        for (int i = 0; i < page.size(); i++) {
            byte[] entry = page.get(i).document();
            if (!scope.languages().isEmpty()) {
                entry = json.writeBytes(json.read(entry, StorySummary.class).withOtherLanguagesOnly(scope::allowsLanguage));
            }
            if (i > 0) {
                body.write(',');
            }
            body.writeBytes(entry);
        }
        body.writeBytes(NEXT);
        body.writeBytes(json.writeBytes(next));
        body.write('}');
        return body.toByteArray();
    }

    /** The best language among the rows the consumer may read, listing as other languages only those rows. */
    private Optional<DeliveredStory> best(List<DeliveryRow> rows, LanguagePreference languages) {
        java.util.Set<String> visible = rows.stream().map(DeliveryRow::lang).collect(Collectors.toSet());
        return rows.stream().filter(row -> languages.rank(row.lang()) >= 0)
                .min(Comparator.comparingInt((DeliveryRow row) -> languages.rank(row.lang())).thenComparing(DeliveryRow::lang))
                .map(this::parse)
                .map(story -> story.withOtherLanguages(story.otherLanguages().stream().filter(other -> visible.contains(other.lang())).toList()));
    }

    private CachedAnswer render(DeliveredStory story, Form form, ConsumerScope scope) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Language", story.lang());
        if (!story.otherLanguages().isEmpty()) {
            headers.put("Link", story.otherLanguages().stream()
                    .map(other -> "<" + other.url() + ">; rel=\"alternate\"; hreflang=\"" + other.lang() + "\"").collect(Collectors.joining(", ")));
        }
        List<String> alsoShown = new java.util.ArrayList<>();
        CachedAnswer answer = switch (form) {
            case JSON -> CachedAnswer.of(withRelated(story, scope, alsoShown), JSON, headers);
            case NINJS -> CachedAnswer.of(json.write(ninjs.toNinjs(story.withBaseUrl(baseUrl))), JSON, headers);
            case JSON_LD -> {
                DeliveredStory absolute = story.withBaseUrl(baseUrl);
                ArrayNode graph = objectMapper.createArrayNode().add(jsonLd.newsArticle(absolute));
                jsonLd.claimReview(absolute).ifPresent(graph::add);
                // Pages inline JSON-LD in a script element: written so that no text in it can end that element.
                yield CachedAnswer.of(embeddable.write(graph), "application/ld+json", headers);
            }
        };
        return answer.about(story.id(), alsoShown);
    }

    /**
     * The story's JSON with up to five related stories in its language: those most like it by text (the search
     * index's more-like-this, remembered by RelatedStoryMemo) among the stories sharing one of its topics (all, when
     * it has none), checked against the published view; the newest stories sharing a topic fill the list when the
     * index has fewer or cannot answer. The related stories' ids are added to {@code shown}: a change of one of them
     * (a withdrawal, a new title) must reach this answer at once.
     */
    private String withRelated(DeliveredStory story, ConsumerScope scope, List<String> shown) {
        com.fasterxml.jackson.databind.node.ObjectNode node = objectMapper.valueToTree(story);
        Instant now = Instant.now(clock);
        List<DeliveryRow> rows = new java.util.ArrayList<>(related.like(story.id(), story.lang(), story.topics(), scope, RELATED, story.publishedAt())
                .map(ids -> reader.storiesIn(story.lang(), ids, scope, now)).orElse(List.of()));
        if (rows.size() < RELATED) {
            java.util.Set<String> taken = rows.stream().map(DeliveryRow::storyId).collect(Collectors.toSet());
            reader.related(story.id(), story.lang(), story.topics(), scope, now, RELATED + taken.size()).stream()
                    .filter(row -> !taken.contains(row.storyId())).limit(RELATED - rows.size()).forEach(rows::add);
        }
        List<PublishedStory.RelatedStory> relatedStories = rows.stream().map(this::parse)
                .map(other -> new PublishedStory.RelatedStory(other.id(), other.lang(), other.title(), other.url())).toList();
        node.set("related", objectMapper.valueToTree(relatedStories));
        relatedStories.forEach(other -> shown.add(other.id()));
        return json.write(node);
    }

    private DeliveredStory parse(DeliveryRow row) {
        return json.read(row.document(), DeliveredStory.class);
    }

    private String toCursor(DeliveryRow row) {
        return cursors.encode(CURSOR_KIND, row.storyPublishedAt().toString(), row.storyId());
    }

    private DeliveryRow fromCursor(String cursor) {
        String[] position = cursors.decode(cursor, CURSOR_KIND, "cursor");
        return new DeliveryRow(position[1], null, null, Instant.parse(position[0]));
    }

    private static String nextLink(Map<String, String> query, String cursor) {
        Map<String, String> next = new LinkedHashMap<>(query);
        next.put("cursor", cursor);
        return "/api/v1/stories?" + next.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + java.net.URLEncoder.encode(entry.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
