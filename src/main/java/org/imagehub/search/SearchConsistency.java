package org.imagehub.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imagehub.content.story.SearchableStories;
import org.imagehub.content.story.SearchableStories.Language;
import org.imagehub.content.story.SearchableStories.Searchable;
import org.jboss.logging.Logger;

/**
 * Compares PostgreSQL and the index (document ids and versions) and repairs the drift by writing the drifted stories
 * again. Runs on a schedule, after Elasticsearch comes back from an outage the indexer met, and on an admin's request.
 * Its last result is in the readiness details.
 */
@ApplicationScoped
public class SearchConsistency {
    private static final Logger LOG = Logger.getLogger(SearchConsistency.class);
    private static final int PAGE = 500;

    private final SearchableStories stories;
    private final StoryIndex index;
    private final SearchIndexer indexer;
    private final Clock clock;
    private volatile Result last;

    public SearchConsistency(SearchableStories stories, StoryIndex index, SearchIndexer indexer, Clock clock) {
        this.stories = stories;
        this.index = index;
        this.indexer = indexer;
        this.clock = clock;
    }

    /** What a check found: documents PostgreSQL has that the index lacks or holds at another version, and extra ones. */
    /**
     * What a check found (documents PostgreSQL has that the index lacks or holds at an older version, and extra ones),
     * how many stories it wrote again, and the drift a second comparison still saw after that ({@code drift}).
     */
    public record Result(Instant at, long documents, long missing, long stale, long extra, long repairedStories, long drift, String error) {
    }

    public Result last() {
        return last;
    }

    @Scheduled(every = "${hub.search.consistency-interval:1h}", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        checkAndRepair();
    }

    /** Soon after an outage: as soon as the cluster answers again, bring the index up to date (events may have been parked). */
    @Scheduled(every = "${hub.search.recovery-check-interval:5s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void afterOutage() {
        if (indexer.takeFailureFlag()) {
            Result result = checkAndRepair();
            if (result.error() != null) {
                indexer.flagFailure();
            }
        }
    }

    public synchronized Result checkAndRepair() {
        Instant at = clock.instant();
        try {
            index.ensure();
            Comparison found = compare();
            List<String> repair = new ArrayList<>(found.drifted());
            for (int from = 0; from < repair.size(); from += PAGE) {
                indexer.write(index.alias(), repair.subList(from, Math.min(repair.size(), from + PAGE)), true);
            }
            long remaining = 0;
            if (!repair.isEmpty()) {
                LOG.infof("Search consistency: %d missing, %d stale, %d extra documents; %d stories written again", found.missing(),
                        found.stale(), found.extra(), repair.size());
                remaining = compare().drift();
            }
            last = new Result(at, found.documents(), found.missing(), found.stale(), found.extra(), repair.size(), remaining, null);
        } catch (IOException | RuntimeException e) {
            index.recheck();
            last = new Result(at, 0, 0, 0, 0, 0, -1, "Elasticsearch unavailable: " + e.getClass().getSimpleName());
        }
        return last;
    }

    private record Comparison(long documents, long missing, long stale, long extra, Set<String> drifted) {
        long drift() {
            return missing + stale + extra;
        }
    }

    private Comparison compare() throws IOException {
        Map<String, Long> indexed = indexedVersions(index.alias());
        long documents = 0;
        long missing = 0;
        long stale = 0;
        Set<String> drifted = new LinkedHashSet<>();
        Set<String> expected = new java.util.HashSet<>();
        String after = null;
        while (true) {
            List<Searchable> page = stories.page(after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (Searchable story : page) {
                for (Language language : story.languages()) {
                    String id = StoryDocuments.id(story.id(), language.lang());
                    expected.add(id);
                    documents++;
                    Long version = indexed.get(id);
                    if (version == null) {
                        missing++;
                        drifted.add(story.id());
                    } else if (version < story.version()) {
                        stale++;
                        drifted.add(story.id());
                    }
                }
            }
            after = page.get(page.size() - 1).id();
        }
        long extra = 0;
        for (String id : indexed.keySet()) {
            if (!expected.contains(id)) {
                extra++;
                drifted.add(id.substring(0, id.lastIndexOf(':')));
            }
        }
        return new Comparison(documents, missing, stale, extra, drifted);
    }

    /** Every document's id and version, by a point-in-time scan. */
    Map<String, Long> indexedVersions(String target) throws IOException {
        Map<String, Long> versions = new HashMap<>();
        String pit = index.send("POST", "/" + target + "/_pit?keep_alive=1m", null).path("id").asText();
        try {
            List<Object> searchAfter = null;
            while (true) {
                Map<String, Object> body = new HashMap<>();
                body.put("size", 5000);
                body.put("_source", List.of("version"));
                body.put("pit", Map.of("id", pit, "keep_alive", "1m"));
                body.put("sort", List.of(Map.of("docId", "asc")));
                if (searchAfter != null) {
                    body.put("search_after", searchAfter);
                }
                JsonNode answer = index.send("POST", "/_search", body);
                JsonNode hits = answer.path("hits").path("hits");
                if (hits.isEmpty()) {
                    break;
                }
                for (JsonNode hit : hits) {
                    versions.put(hit.path("_id").asText(), hit.path("_source").path("version").asLong());
                }
                pit = answer.path("pit_id").asText(pit);
                searchAfter = List.of(hits.get(hits.size() - 1).path("sort").get(0).asText());
            }
        } finally {
            try {
                index.send("DELETE", "/_pit", Map.of("id", pit));
            } catch (IOException | RuntimeException ignored) {
                // it expires by itself
            }
        }
        return versions;
    }
}
