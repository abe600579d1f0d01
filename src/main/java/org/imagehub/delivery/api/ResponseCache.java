package org.imagehub.delivery.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.imagehub.delivery.publication.DeliveryChanges;
import org.imagehub.delivery.read.DeliveryReader;
import org.imagehub.platform.HubConfig;

/**
 * Delivery answers by request (path, parameters, language preference, consumer scope). Exact: an answer is kept
 * only for the generation of the published view it was computed in, and the whole cache is dropped when an
 * embargo ends or a story expires, since time alone changes what is visible then.
 */
@ApplicationScoped
public class ResponseCache {
    private record Entry(long generation, CachedAnswer answer) {
    }

    /** The next moment time alone changes what is visible, as computed for one generation. */
    private record Boundary(long generation, Instant at) {
    }

    private final DeliveryChanges changes;
    private final DeliveryReader reader;
    private final Clock clock;
    private final Cache<String, Entry> entries;
    private final java.util.concurrent.atomic.AtomicReference<Boundary> boundary = new java.util.concurrent.atomic.AtomicReference<>(
            new Boundary(-1, Instant.MAX));

    public ResponseCache(DeliveryChanges changes, DeliveryReader reader, Clock clock, HubConfig config) {
        this.changes = changes;
        this.reader = reader;
        this.clock = clock;
        this.entries = Caffeine.newBuilder().maximumWeight(config.delivery().cacheMaxBytes())
                .weigher((String key, Entry entry) -> entry.answer().weight() + key.length() * 2).build();
        changes.onChange(entries::invalidateAll);
    }

    public CachedAnswer get(String key, Supplier<CachedAnswer> compute) {
        long generation = currentGeneration();
        Entry entry = entries.getIfPresent(key);
        if (entry != null && entry.generation() == generation) {
            return entry.answer();
        }
        CachedAnswer answer = compute.get();
        // Computed while a change committed? Then it may be stale: serve it this once, do not keep it.
        if (changes.generation() == generation) {
            entries.put(key, new Entry(generation, answer));
        }
        return answer;
    }

    private long currentGeneration() {
        long generation = changes.generation();
        Instant now = Instant.now(clock);
        Boundary known = boundary.get();
        if (known.generation() != generation) {
            known = new Boundary(generation, reader.nextTimeBoundary(now).orElse(Instant.MAX));
            boundary.set(known);
        }
        if (!now.isBefore(known.at())) {
            changes.changed();
            return currentGeneration();
        }
        return generation;
    }
}
