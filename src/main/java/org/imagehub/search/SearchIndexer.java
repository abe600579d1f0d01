package org.imagehub.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imagehub.content.story.SearchableStories;
import org.imagehub.content.story.SearchableStories.Language;
import org.imagehub.content.story.SearchableStories.Searchable;
import org.imagehub.distribution.DispatchedEvent;
import org.imagehub.distribution.OutboxHandler;

/**
 * Keeps the stories index in step with PostgreSQL: for each story an event names (save, transition, withdrawal,
 * expiry, embargo lift, attribute change), the story's current state is read again and its documents upserted in one
 * bulk request, with the story's version as external version (so an older state never overwrites a newer one);
 * documents of languages or stories that no longer exist are deleted. Idempotent; Elasticsearch down fails the batch
 * and the dispatcher retries it with back-off.
 */
@ApplicationScoped
public class SearchIndexer implements OutboxHandler {
    public static final String NAME = "search-index";

    private final SearchableStories stories;
    private final StoryIndex index;
    private final ObjectMapper json;
    private final SearchAnswers answers;

    public SearchIndexer(SearchableStories stories, StoryIndex index, ObjectMapper json, SearchAnswers answers) {
        this.stories = stories;
        this.index = index;
        this.json = json;
        this.answers = answers;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Stories per batch, and so per bulk request (a few MB). A bulk publication commits several events per story (each
     * workflow step of each language); a batch takes all of a story's queued events with it, up to
     * {@link #EVENTS_PER_BATCH}, so a story is read and indexed about once per request. Claimed one event per story,
     * the 10,000-story bench indexed every localization 5–6 times (Elasticsearch's index_total 218,214 for ~39,000).
     */
    private static final int STORIES_PER_BATCH = 100;
    private static final int EVENTS_PER_BATCH = 2_000;

    @Override
    public int batchSize(int configured) {
        return STORIES_PER_BATCH;
    }

    @Override
    public int eventsPerBatch(int batchSize) {
        return EVENTS_PER_BATCH;
    }

    /** The index trails PostgreSQL anyway: an import's stories are indexed once it is done (or after the yield). */
    @Override
    public boolean yieldsToBulkWrites() {
        return true;
    }

    @Override
    public boolean handles(String eventType) {
        return eventType.startsWith("story.") || eventType.startsWith("localization.");
    }

    @Override
    public void handle(List<DispatchedEvent> batch) throws Exception {
        Set<String> storyIds = new LinkedHashSet<>();
        for (DispatchedEvent event : batch) {
            if ("story".equals(event.aggregateType())) {
                storyIds.add(event.aggregateId());
            }
        }
        if (!storyIds.isEmpty()) {
            try {
                index.ensure();
                write(index.alias(), new ArrayList<>(storyIds), false);
            } catch (IOException | RuntimeException e) {
                // Retried with back-off by the dispatcher; if the outage outlasts its attempts, the recovery check repairs.
                flagFailure();
                index.recheck();
                throw e;
            }
        }
    }

    private final java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();

    void flagFailure() {
        failed.set(true);
    }

    /** Whether a batch failed since the last call (and clears it). */
    boolean takeFailureFlag() {
        return failed.getAndSet(false);
    }

    /** Brings the documents of these stories in {@code target} (an alias or an index) to PostgreSQL's state. */
    void write(String target, List<String> storyIds, boolean refresh) throws IOException {
        List<Searchable> current = stories.of(storyIds);
        Set<String> wanted = new HashSet<>();
        StringBuilder bulk = new StringBuilder();
        for (Searchable story : current) {
            for (Language language : story.languages()) {
                String id = StoryDocuments.id(story.id(), language.lang());
                wanted.add(id);
                action(bulk, "index", target, id, story.version());
                bulk.append(json.writeValueAsString(StoryDocuments.document(json, story, language))).append('\n');
            }
        }
        for (String stale : existingIds(target, storyIds)) {
            if (!wanted.contains(stale)) {
                bulk.append(json.writeValueAsString(Map.of("delete", Map.of("_index", target, "_id", stale)))).append('\n');
            }
        }
        if (bulk.isEmpty()) {
            return;
        }
        JsonNode answer;
        try {
            answer = index.bulk(bulk.toString(), refresh);
        } finally {
            // Even a failed request may have changed documents (a time-out after Elasticsearch applied them). An index
            // not yet behind the alias (a reindex in progress) is not searched: its writes leave the answers alone.
            if (target.equals(index.alias())) {
                answers.indexWritten();
            }
        }
        if (answer.path("errors").asBoolean(false)) {
            for (JsonNode item : answer.path("items")) {
                JsonNode result = item.elements().next();
                String type = result.path("error").path("type").asText("");
                if (!type.isEmpty() && !type.equals("version_conflict_engine_exception")) {
                    index.recheck();
                    throw new IOException("Elasticsearch refused a document of the stories index: " + type);
                }
            }
        }
    }

    private void action(StringBuilder bulk, String action, String target, String id, long version) throws IOException {
        bulk.append(json.writeValueAsString(Map.of(action, Map.of("_index", target, "_id", id, "version", version, "version_type", "external_gte"))))
                .append('\n');
    }

    /** The ids of the documents the index holds for these stories. */
    private List<String> existingIds(String target, List<String> storyIds) throws IOException {
        Map<String, Object> query = Map.of("size", 10_000, "_source", false,
                "query", Map.of("terms", Map.of("storyId", storyIds)));
        JsonNode answer = index.send("POST", "/" + target + "/_search", query);
        List<String> ids = new ArrayList<>();
        answer.path("hits").path("hits").forEach(hit -> ids.add(hit.path("_id").asText()));
        return ids;
    }
}
