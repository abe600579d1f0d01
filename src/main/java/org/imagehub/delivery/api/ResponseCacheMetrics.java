package org.imagehub.delivery.api;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.cache.CacheMeterBinder;
import java.util.concurrent.atomic.LongAdder;
import org.cache2k.Cache;
import org.cache2k.operation.CacheControl;
import org.cache2k.operation.CacheStatistics;

/**
 * The response cache's cache_* meters (gets by result, puts, evictions, size), named as Micrometer names them for
 * every cache. Hits and misses are the response cache's own counts (an outdated answer found is a miss); the rest
 * comes from cache2k. Evictions are those for the budget and for time, not the answers a change drops.
 */
final class ResponseCacheMetrics extends CacheMeterBinder<Cache<String, ?>> {
    private final CacheControl control;
    private final LongAdder hits;
    private final LongAdder misses;

    ResponseCacheMetrics(Cache<String, ?> cache, String name, LongAdder hits, LongAdder misses) {
        super(cache, name, Tags.empty());
        this.control = CacheControl.of(cache);
        this.hits = hits;
        this.misses = misses;
    }

    @Override
    protected Long size() {
        return control.getSize();
    }

    @Override
    protected long hitCount() {
        return hits.sum();
    }

    @Override
    protected Long missCount() {
        return misses.sum();
    }

    @Override
    protected Long evictionCount() {
        CacheStatistics statistics = control.sampleStatistics();
        return statistics.getEvictedCount() + statistics.getExpiredCount();
    }

    @Override
    protected long putCount() {
        return control.sampleStatistics().getPutCount();
    }

    @Override
    protected void bindImplementationSpecificMetrics(MeterRegistry registry) {
        // The bytes that left: for the budget or their time, and those a change dropped.
        FunctionCounter.builder("cache.eviction.weight", control, cache -> cache.sampleStatistics().getEvictedOrRemovedWeight())
                .tags(getTagsWithCacheName()).description("The sum of weights of answers that left the cache").register(registry);
    }
}
