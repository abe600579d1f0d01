package org.imagehub.search;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.imagehub.content.story.SearchableStories;
import org.imagehub.content.story.SearchableStories.Outline;
import org.imagehub.platform.errors.ConflictException;
import org.imagehub.platform.errors.DependencyUnavailableException;
import org.jboss.logging.Logger;

/**
 * Zero-downtime reindex: a new index version is filled from a scan of PostgreSQL (client-side, as the test
 * distribution has no {@code _reindex}), the alias is moved to it in one atomic {@code _aliases} call, the old version
 * is deleted, and a consistency check repairs what changed during the scan. Searches use the alias throughout.
 */
@ApplicationScoped
public class Reindexer {
    private static final Logger LOG = Logger.getLogger(Reindexer.class);
    private static final int PAGE = 500;

    private final SearchableStories stories;
    private final StoryIndex index;
    private final SearchIndexer indexer;
    private final SearchConsistency consistency;
    private final SearchAnswers answers;

    public Reindexer(SearchableStories stories, StoryIndex index, SearchIndexer indexer, SearchConsistency consistency, SearchAnswers answers) {
        this.stories = stories;
        this.index = index;
        this.indexer = indexer;
        this.consistency = consistency;
        this.answers = answers;
    }

    public record Result(String from, String to, long stories, long millis, SearchConsistency.Result check) {
    }

    public synchronized Result reindex() {
        long started = System.nanoTime();
        try {
            index.ensure();
            List<String> behind = index.indexesBehindAlias();
            if (behind.size() != 1) {
                throw new ConflictException("The search alias points to " + behind.size() + " indexes; wait for the running reindex.");
            }
            String old = behind.get(0);
            int version = Integer.parseInt(old.substring(old.lastIndexOf("-v") + 2)) + 1;
            String fresh = index.versionName(version);
            index.create(fresh);
            long count = 0;
            String after = null;
            while (true) {
                // Ids first (the writer reads each story's text itself).
                List<Outline> page = stories.outlines(after, PAGE);
                if (page.isEmpty()) {
                    break;
                }
                indexer.write(fresh, page.stream().map(Outline::id).toList(), false);
                count += page.size();
                after = page.get(page.size() - 1).id();
            }
            index.send("POST", "/" + fresh + "/_refresh", null);
            index.send("POST", "/_aliases", Map.of("actions", List.of(
                    Map.of("remove", Map.of("index", old, "alias", index.alias())),
                    Map.of("add", Map.of("index", fresh, "alias", index.alias())))));
            answers.indexWritten();
            index.send("DELETE", "/" + old, null);
            SearchConsistency.Result check = consistency.checkAndRepair();
            long millis = (System.nanoTime() - started) / 1_000_000;
            LOG.infof("Search reindexed %d stories from %s into %s in %d ms", count, old, fresh, millis);
            return new Result(old, fresh, count, millis, check);
        } catch (IOException e) {
            index.recheck();
            throw new DependencyUnavailableException("Search is unavailable for a moment; retry the reindex shortly.", null);
        }
    }

    /** Used by tests and the readiness details: the index behind the alias. */
    public String current() throws IOException {
        List<String> behind = index.indexesBehindAlias();
        return behind.isEmpty() ? null : behind.get(0);
    }

}
