package org.imagehub.delivery.api;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.cache2k.Cache;
import org.cache2k.Cache2kBuilder;
import org.cache2k.CacheEntry;
import org.cache2k.expiry.ExpiryTimeValues;
import org.cache2k.operation.CacheControl;
import org.cache2k.operation.TimeReference;
import org.imagehub.delivery.publication.DeliveryChanges;
import org.imagehub.delivery.read.DeliveryReader;
import org.imagehub.platform.HubConfig;
import org.imagehub.platform.http.BlockingWork;

/**
 * Delivery answers by request (path, parameters, language preference, consumer scope), as finished bytes (LZ4-compressed
 * when that saves space, see CompactAnswer) within a byte budget (hub.delivery.cache-max-bytes; 0 turns the cache off entirely). Exact: an answer about
 * the whole view (a list, a feed, an absence) is kept only for the generation of the published view it was computed
 * in; an answer about some stories (a story's detail, naming its related stories) until one of them changes. So a
 * publication drops the lists and that story's details, and the rest of a warm archive stays. The whole cache is
 * dropped when an embargo ends or a story expires, since time alone changes what is visible then. Metrics: cache_* {cache="delivery-responses"} and
 * hub_delivery_cache_weighted_bytes on /q/metrics.
 *
 * <p>Kept in cache2k, whose CLOCK-Pro eviction records a hit as a counter in the entry: under random reads over a
 * warm archive an LRU list (Caffeine's) moved every entry read, writing references into old objects, and G1 scanned
 * those cards at every young pause (~2 a read, 8–20 ms pauses). Whether an answer is current is decided here on each
 * look-up (generation, stories, its time); cache2k's expiry only hands an outdated answer's bytes back to the budget.
 */
@ApplicationScoped
@Startup // its meters are on /q/metrics from the start, before the first delivery request
public class ResponseCache {
    static final String NAME = "delivery-responses";

    /**
     * A cached answer, or a remembered absence (answer null), either kept until {@code until} at most (MAX: while what
     * it shows is unchanged). {@code dependsOn}: the stories it shows, or empty when it is about the whole view.
     */
    private record Entry(long generation, CompactAnswer answer, Instant until, Set<String> dependsOn) {
        /** Of the whole view: any change. Of some stories: a change of one of them, or of everything. */
        boolean unchangedSince(DeliveryChanges changes, long current) {
            return dependsOn.isEmpty() ? generation == current : changes.unchangedSince(generation, dependsOn);
        }

        /** The answer, or the absence, it holds. */
        Optional<CachedAnswer> found() {
            return answer == null ? Optional.empty() : Optional.of(answer.answer());
        }

        boolean touchedBy(Set<String> stories) {
            return dependsOn.isEmpty() || !java.util.Collections.disjoint(dependsOn, stories);
        }
    }

    /** The next moment time alone changes what is visible, as computed for one generation. */
    private record Boundary(long generation, Instant at) {
    }

    /** cache2k names its caches uniquely within a JVM; tests start several. */
    private static final AtomicLong INSTANCES = new AtomicLong();

    private final DeliveryChanges changes;
    private final DeliveryReader reader;
    private final Clock clock;
    /** Null when the budget is 0: nothing is looked up or kept. */
    private final Cache<String, Entry> entries;
    private final AtomicReference<Boundary> boundary = new AtomicReference<>(new Boundary(-1, Instant.MAX));
    /** Counted here, where a look-up's answer is known to be current or not (cache2k would count an outdated one as a hit). */
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public ResponseCache(DeliveryChanges changes, DeliveryReader reader, Clock clock, HubConfig config, MeterRegistry registry) {
        this.changes = changes;
        this.reader = reader;
        this.clock = clock;
        long budget = config.delivery().cacheMaxBytes();
        // Always reported, so a benchmark can tell whether it measures the cache or the database.
        Gauge.builder("hub.delivery.cache.budget", () -> Math.max(0, budget)).baseUnit("bytes")
                .description("hub.delivery.cache-max-bytes: the response cache's byte budget (0: no cache)").register(registry);
        if (budget <= 0) {
            this.entries = null;
            return;
        }
        this.entries = Cache2kBuilder.of(String.class, Entry.class).name(NAME + "-" + INSTANCES.incrementAndGet())
                .maximumWeight(budget)
                .weigher((String key, Entry entry) -> (entry.answer() == null ? 64 : entry.answer().weight()) + key.length() * 2 + 64)
                // An answer kept for a while only (related stories, absences, search) leaves around its time, so its
                // bytes go back to the budget; answers for a generation stay until a change or the budget drops them.
                .expiryPolicy((key, entry, loadTime, previous) -> entry.until().equals(Instant.MAX) ? ExpiryTimeValues.ETERNAL : entry.until().toEpochMilli())
                .timeReference(new ClockTime(clock)) // the clock the answers' times are read on
                .build();
        new ResponseCacheMetrics(entries, NAME, hits, misses).bindTo(registry);
        Gauge.builder("hub.delivery.cache.weighted", entries, cache -> CacheControl.of(cache).getTotalWeight()).baseUnit("bytes")
                .description("Bytes the cached delivery answers are estimated to occupy").register(registry);
        changes.onStoriesChanged(this::drop);
    }

    public CachedAnswer get(String key, Supplier<CachedAnswer> compute) {
        return get(key, compute, null);
    }

    /** As {@link #get(String, Supplier)}, keeping the answer {@code maxAge} at most (null: for its generation). */
    public CachedAnswer get(String key, Supplier<CachedAnswer> compute, Duration maxAge) {
        return find(key, () -> Optional.of(compute.get()), Duration.ZERO, maxAge).orElseThrow();
    }

    /**
     * As {@link #get(String, Supplier, Duration)} for a request that may be on an event-loop thread: a current answer
     * in memory is served on the calling thread; anything else (computing it, or learning the generation) happens on a
     * worker thread.
     */
    public Uni<CachedAnswer> getSoon(String key, Supplier<CachedAnswer> compute, Duration maxAge) {
        return findSoon(key, () -> Optional.of(compute.get()), Duration.ZERO, maxAge).map(Optional::orElseThrow);
    }

    /**
     * Like {@link #get} for an answer that may not exist; that it does not is remembered for {@code absentFor}
     * at most, and never beyond the generation it was found in.
     */
    public Optional<CachedAnswer> find(String key, Supplier<Optional<CachedAnswer>> compute, Duration absentFor) {
        return find(key, compute, absentFor, null);
    }

    /** As {@link #find(String, Supplier, Duration)}, keeping a found answer {@code maxAge} at most (null: for its generation). */
    public Optional<CachedAnswer> find(String key, Supplier<Optional<CachedAnswer>> compute, Duration absentFor, Duration maxAge) {
        if (entries == null) {
            return compute.get();
        }
        long generation = currentGeneration();
        Entry entry = lookUp(key, generation);
        return entry != null ? entry.found() : computeAndKeep(key, generation, compute, absentFor, maxAge);
    }

    /** As {@link #find(String, Supplier, Duration, Duration)}, on the calling thread only for a current answer in memory (see {@link #getSoon}). */
    public Uni<Optional<CachedAnswer>> findSoon(String key, Supplier<Optional<CachedAnswer>> compute, Duration absentFor, Duration maxAge) {
        if (entries == null) {
            return BlockingWork.run(compute);
        }
        OptionalLong known = knownGeneration();
        if (known.isPresent()) {
            Entry entry = lookUp(key, known.getAsLong());
            return entry != null ? Uni.createFrom().item(entry.found()) : BlockingWork.run(() -> computeAndKeep(key, known.getAsLong(), compute, absentFor, maxAge));
        }
        // The generation is not known in memory: learning it may read the database, and the answer may be current after all.
        return BlockingWork.run(() -> find(key, compute, absentFor, maxAge));
    }

    /**
     * The gzip form of an answer, kept beside it. Keyed by the answer's ETag, it is the same bytes for as long as the
     * answer is, so it needs no generation: it only leaves with the answer's stories (or for the budget), and no thread
     * is too busy to ask for it.
     */
    CachedAnswer gzipped(CachedAnswer answer) {
        if (entries == null) {
            return answer.gzipped();
        }
        String key = "gzip|" + answer.etag();
        Entry entry = entries.peek(key);
        if (entry != null && entry.answer() != null) {
            hits.increment();
            return entry.answer().answer();
        }
        misses.increment();
        CachedAnswer gzipped = answer.gzipped();
        entries.put(key, new Entry(changes.generation(), CompactAnswer.of(gzipped), Instant.MAX, gzipped.dependsOn()));
        return gzipped;
    }

    /** The entry for {@code key} if it is current in {@code generation}, counted as a hit; else null, counted as a miss. */
    private Entry lookUp(String key, long generation) {
        Entry entry = entries.peek(key);
        if (entry != null && entry.unchangedSince(changes, generation) && Instant.now(clock).isBefore(entry.until())) {
            hits.increment();
            return entry;
        }
        misses.increment();
        return null;
    }

    private Optional<CachedAnswer> computeAndKeep(String key, long generation, Supplier<Optional<CachedAnswer>> compute, Duration absentFor,
            Duration maxAge) {
        Optional<CachedAnswer> answer = compute.get();
        if (answer.isEmpty() && (absentFor.isZero() || absentFor.isNegative())) {
            return answer;
        }
        Entry computed = new Entry(generation, answer.map(CompactAnswer::of).orElse(null),
                answer.isPresent() ? (maxAge == null ? Instant.MAX : Instant.now(clock).plus(maxAge)) : Instant.now(clock).plus(absentFor),
                answer.map(CachedAnswer::dependsOn).orElse(Set.of()));
        // Computed while a change of what it shows committed? Then it may be stale: serve it this once, do not keep it.
        if (computed.unchangedSince(changes, changes.generation())) {
            entries.put(key, computed);
        }
        return answer;
    }

    /** After a change: the answers it may have made stale leave, so their bytes go back to the budget at once. */
    private void drop(Set<String> stories) {
        if (stories == null) {
            entries.clear();
            return;
        }
        for (CacheEntry<String, Entry> cached : entries.entries()) {
            if (cached.getValue().touchedBy(stories)) {
                entries.removeIfEquals(cached.getKey(), cached.getValue()); // not an answer put there meanwhile
            }
        }
    }

    /** The generation answers are checked against now; learning when time alone next changes it may read the database. */
    private long currentGeneration() {
        OptionalLong known = knownGeneration();
        if (known.isPresent()) {
            return known.getAsLong();
        }
        long generation = changes.generation();
        Instant now = Instant.now(clock);
        if (boundary.get().generation() != generation) {
            boundary.set(new Boundary(generation, reader.nextTimeBoundary(now).orElse(Instant.MAX)));
        }
        if (!now.isBefore(boundary.get().at())) {
            changes.changed();
        }
        return currentGeneration();
    }

    /** The current generation when it is known from memory: empty when its time boundary is unknown yet or has passed. */
    private OptionalLong knownGeneration() {
        long generation = changes.generation();
        Boundary known = boundary.get();
        return known.generation() == generation && Instant.now(clock).isBefore(known.at()) ? OptionalLong.of(generation) : OptionalLong.empty();
    }

    @PreDestroy
    void close() {
        if (entries != null) {
            entries.close();
        }
    }

    /** cache2k's time, read on the hub's clock (milliseconds since the epoch), so answers expire on the time they were given. */
    private static final class ClockTime extends TimeReference.Milliseconds {
        private final Clock clock;

        ClockTime(Clock clock) {
            this.clock = clock;
        }

        @Override
        public long ticks() {
            return clock.millis();
        }

        @Override
        public void sleep(long millis) throws InterruptedException {
            Thread.sleep(millis);
        }
    }
}
