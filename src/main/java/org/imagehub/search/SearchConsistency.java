package org.imagehub.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imagehub.content.story.SearchableStories;
import org.imagehub.content.story.SearchableStories.Outline;
import org.imagehub.distribution.EventsOnTheirWay;
import org.jboss.logging.Logger;

/**
 * Compares PostgreSQL and the index (document ids and versions) and repairs the drift by writing the drifted stories
 * again. Stories with an event still queued for the indexer are only behind, not drifted: they are left to it (during
 * a bulk import the check would otherwise index thousands of stories a second time). Runs on a schedule, after
 * Elasticsearch comes back from an outage the indexer met, and on an admin's request. Its last result is in the
 * readiness details.
 */
@ApplicationScoped
public class SearchConsistency {
    private static final Logger LOG = Logger.getLogger(SearchConsistency.class);
    /** Stories written again in one bulk request (their documents carry the bodies). */
    private static final int PAGE = 500;
    /** Stories compared per read: ids, versions and languages only. */
    private static final int OUTLINE_PAGE = 2_000;

    private final SearchableStories stories;
    private final StoryIndex index;
    private final SearchIndexer indexer;
    private final EventsOnTheirWay eventsOnTheirWay;
    private final Clock clock;
    private volatile Result last;

    public SearchConsistency(SearchableStories stories, StoryIndex index, SearchIndexer indexer, EventsOnTheirWay eventsOnTheirWay,
            Clock clock) {
        this.stories = stories;
        this.eventsOnTheirWay = eventsOnTheirWay;
        this.index = index;
        this.indexer = indexer;
        this.clock = clock;
    }

    /**
     * What a check found (documents PostgreSQL has that the index lacks or holds at an older version, and extra ones),
     * how many stories it wrote again, the drift a second comparison still saw after that ({@code drift}), and how many
     * stories it left to the indexer because their events were still queued ({@code behind}).
     */
    public record Result(Instant at, long documents, long missing, long stale, long extra, long repairedStories, long drift, long behind,
            String error) {
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
            last = new Result(at, found.documents(), found.missing(), found.stale(), found.extra(), repair.size(), remaining, found.behind(),
                    null);
        } catch (SQLException e) {
            last = new Result(at, 0, 0, 0, 0, 0, -1, 0, "PostgreSQL unavailable: " + e.getClass().getSimpleName());
        } catch (IOException | RuntimeException e) {
            index.recheck();
            last = new Result(at, 0, 0, 0, 0, 0, -1, 0, "Elasticsearch unavailable: " + e.getClass().getSimpleName());
        }
        return last;
    }

    /**
     * Drift found: documents missing, stale or extra in the index ({@code drifted}: their stories), and the stories left
     * out because an event of theirs is still on its way to the indexer ({@code behind}): it will write them anyway.
     */
    private record Comparison(long documents, long missing, long stale, long extra, Set<String> drifted, long behind) {
        long drift() {
            return missing + stale + extra;
        }
    }

    private Comparison compare() throws IOException, SQLException {
        // Read before and after both scans: a story queued at either time is behind (one handled during the scans may
        // look missing in them). A story left out whose event gets parked is drift at the next check.
        Set<String> onTheirWay = new HashSet<>(eventsOnTheirWay.aggregates(SearchIndexer.NAME, "story"));
        Map<String, Long> indexed = indexedVersions(index.alias());
        Map<String, List<String>> driftedDocuments = new LinkedHashMap<>();
        Set<String> expected = new HashSet<>();
        long documents = 0;
        String after = null;
        while (true) {
            List<Outline> page = stories.outlines(after, OUTLINE_PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (Outline story : page) {
                for (String lang : story.langs()) {
                    String id = StoryDocuments.id(story.id(), lang);
                    expected.add(id);
                    documents++;
                    Long version = indexed.get(id);
                    if (version == null) {
                        driftedDocuments.computeIfAbsent(story.id(), any -> new ArrayList<>()).add("missing");
                    } else if (version < story.version()) {
                        driftedDocuments.computeIfAbsent(story.id(), any -> new ArrayList<>()).add("stale");
                    }
                }
            }
            after = page.get(page.size() - 1).id();
        }
        for (String id : indexed.keySet()) {
            if (!expected.contains(id)) {
                driftedDocuments.computeIfAbsent(id.substring(0, id.lastIndexOf(':')), any -> new ArrayList<>()).add("extra");
            }
        }
        onTheirWay.addAll(eventsOnTheirWay.aggregates(SearchIndexer.NAME, "story"));
        long behind = driftedDocuments.keySet().stream().filter(onTheirWay::contains).count();
        driftedDocuments.keySet().removeAll(onTheirWay);
        List<String> kinds = driftedDocuments.values().stream().flatMap(List::stream).toList();
        return new Comparison(documents, kinds.stream().filter("missing"::equals).count(), kinds.stream().filter("stale"::equals).count(),
                kinds.stream().filter("extra"::equals).count(), driftedDocuments.keySet(), behind);
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
