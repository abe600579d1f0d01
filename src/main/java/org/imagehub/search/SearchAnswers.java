package org.imagehub.search;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.imagehub.delivery.api.CachedAnswer;
import org.imagehub.delivery.api.ResponseCache;
import org.imagehub.delivery.publication.DeliveryChanges;
import org.imagehub.platform.HubConfig;

/**
 * Consumer search answers, kept in the delivery response cache (same byte budget, same switch). A search reads the
 * index, which follows the published view a moment later, so an answer is kept only while both are still: it is
 * keyed by this replica's index writes, dropped with the published view's generation, not kept when computed within
 * {@code hub.search.answer-settle} of a change, and never kept beyond {@code hub.search.answer-max-age}.
 */
@ApplicationScoped
public class SearchAnswers {
    private final ResponseCache cache;
    private final long maxAgeMillis;
    private final long settleNanos;
    /** Moves on after every bulk write this replica makes, so answers read before it are no longer found. */
    private final AtomicLong indexWrites = new AtomicLong();
    private volatile long lastChangeNanos = System.nanoTime();

    public SearchAnswers(ResponseCache cache, DeliveryChanges changes, HubConfig config) {
        this.cache = cache;
        this.maxAgeMillis = Math.max(0, config.search().answerMaxAge().toMillis());
        this.settleNanos = config.search().answerSettle().toNanos();
        changes.onChange(this::changed);
    }

    /** Called after each bulk request to the index behind the alias (or a move of the alias), also a failed one. */
    void indexWritten() {
        // The settle window first: a search that read the counter after the increment must also see the window.
        changed();
        indexWrites.incrementAndGet();
    }

    CachedAnswer get(String key, Supplier<CachedAnswer> compute) {
        long writes = indexWrites.get();
        if (System.nanoTime() - lastChangeNanos < settleNanos) {
            return compute.get();
        }
        // Each answer lives between half and all of the maximum age: answers first computed together (a warm-up, a
        // busy minute after a publication) do not all expire together and send their searches to Elasticsearch at once.
        Duration keep = Duration.ofMillis(ThreadLocalRandom.current().nextLong(maxAgeMillis / 2, maxAgeMillis + 1));
        return cache.get("search|" + writes + "|" + key, compute, keep);
    }

    private void changed() {
        lastChangeNanos = System.nanoTime();
    }
}
