package org.imagehub.delivery.read;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.imagehub.platform.HubConfig;

/**
 * Related-story candidates remembered per story, language and scope, apart from the cached details that show them.
 * Every publication empties the response cache, and a cached detail lives {@code related-max-age} at most; without
 * this, each recomputed detail would wait for a more-like-this query (10–60 ms of search CPU at 10,000 stories), so a
 * publication or the expiry of a warm archive would put the search index on the read path of every story at once.
 * Remembered candidates older than the max age are still answered, at once, while one background thread asks the
 * index again; older than {@link #STALE_LIMIT} of them, the detail waits for a fresh answer. The candidates are
 * always checked against the published view by the caller, so a withdrawal is never late; only a newly published
 * story may join a related list up to the max age late, as before.
 * <p>
 * Refreshes are limited to {@code related-refreshes-per-second}: a crawler or a random-access reader sweeping the
 * archive would otherwise ask the index about every story once per max age (at 24,000 localizations and 10 minutes,
 * 40 more-like-this queries a second, both cores of a small machine). A refresh beyond the limit keeps the remembered
 * candidates for another max age, so the search CPU spent on freshness is bounded, not the read path's.
 */
@ApplicationScoped
public class RelatedStoryMemo {
    /** Max ages after which remembered candidates are no longer answered while they are refreshed. */
    private static final int STALE_LIMIT = 3;

    /**
     * How long after a story's publication its candidates are asked afresh and not remembered: the index catches up
     * with a publication a moment after it (the webhook fan-out renders the detail before), and an answer from before
     * would be kept for a max age.
     */
    static final Duration SETTLING = Duration.ofMinutes(2);

    private record Key(String storyId, String lang, List<String> topics, List<String> scopeTopics, List<String> scopeCountries, int limit) {
    }

    private final SimilarStories similar;
    private final Clock clock;
    private final LoadingCache<Key, List<String>> candidates;
    private final Bucket refreshes;
    private final AtomicLong deferredRefreshes = new AtomicLong();

    @Inject
    public RelatedStoryMemo(SimilarStories similar, HubConfig config, Clock clock, MeterRegistry registry) {
        this(similar, clock, config.delivery().relatedMaxAge(), config.delivery().relatedMemoEntries(),
                config.delivery().relatedRefreshesPerSecond(), Ticker.systemTicker(), Executors.newSingleThreadExecutor(task -> {
                    Thread thread = new Thread(task, "related-story-refresh");
                    thread.setDaemon(true);
                    return thread;
                }));
        CaffeineCacheMetrics.monitor(registry, candidates, "related-stories");
        FunctionCounter.builder("hub.delivery.related.refreshes.deferred", deferredRefreshes, AtomicLong::get)
                .description("Related-story refreshes put off by hub.delivery.related-refreshes-per-second: the candidates were kept another max age")
                .register(registry);
    }

    RelatedStoryMemo(SimilarStories similar, Clock clock, Duration maxAge, long entries, int refreshesPerSecond, Ticker ticker, Executor refresher) {
        this.similar = similar;
        this.clock = clock;
        int perSecond = Math.max(1, refreshesPerSecond);
        this.refreshes = Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
                .withCustomTimePrecision(new TimeMeter() {
                    @Override
                    public long currentTimeNanos() {
                        return ticker.read();
                    }

                    @Override
                    public boolean isWallClockBased() {
                        return false;
                    }
                }).build();
        this.candidates = Caffeine.newBuilder().maximumSize(entries).refreshAfterWrite(maxAge).expireAfterWrite(maxAge.multipliedBy(STALE_LIMIT))
                .ticker(ticker).executor(refresher).recordStats().build(new Loader());
    }

    /**
     * As {@link SimilarStories#like}, answered from memory when it can be; empty when the index cannot answer.
     * {@code publishedAt} is the localization's last publication.
     */
    public Optional<List<String>> like(String storyId, String lang, List<String> topics, ConsumerScope scope, int limit, Instant publishedAt) {
        Key key = new Key(storyId, lang, List.copyOf(topics), scope.topics(), scope.countries(), limit);
        if (publishedAt != null && publishedAt.plus(SETTLING).isAfter(Instant.now(clock))) {
            candidates.invalidate(key);
            return ask(key);
        }
        return Optional.ofNullable(candidates.get(key));
    }

    private Optional<List<String>> ask(Key key) {
        ConsumerScope scope = new ConsumerScope(List.of(), key.scopeTopics(), key.scopeCountries());
        return similar.like(key.storyId(), key.lang(), key.topics(), scope, Instant.now(clock), key.limit()).map(List::copyOf);
    }

    private final class Loader implements CacheLoader<Key, List<String>> {
        /** Null when the index cannot answer: nothing is remembered, the next detail asks again. */
        @Override
        public List<String> load(Key key) {
            return ask(key).orElse(null);
        }

        /** An index that cannot answer a refresh, or one refresh too many this second, leaves the candidates it gave last. */
        @Override
        public List<String> reload(Key key, List<String> remembered) {
            if (!refreshes.tryConsume(1)) {
                deferredRefreshes.incrementAndGet();
                return remembered;
            }
            return ask(key).orElse(remembered);
        }
    }
}
