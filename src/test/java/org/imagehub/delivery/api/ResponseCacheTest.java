package org.imagehub.delivery.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.imagehub.delivery.publication.DeliveryChanges;
import org.imagehub.delivery.read.DeliveryReader;
import org.imagehub.platform.HubConfig;
import org.junit.jupiter.api.Test;

class ResponseCacheTest {
    private final DeliveryChanges changes = new DeliveryChanges();
    private final AtomicInteger computed = new AtomicInteger();
    private final CachedAnswer answer = CachedAnswer.of("{}", "application/json", Map.of());
    private Instant now = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void aZeroBudgetCachesNothing() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ResponseCache cache = cache(0, registry);
        cache.get("k", this::compute);
        cache.get("k", this::compute);
        assertThat(computed).hasValue(2);
        assertThat(registry.getMeters()).extracting(meter -> meter.getId().getName()).containsExactly("hub.delivery.cache.budget");
    }

    @Test
    void anAnswerIsKeptUntilThePublishedViewChanges() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ResponseCache cache = cache(1 << 20, registry);
        cache.get("k", this::compute);
        assertThat(cache.get("k", this::compute)).isSameAs(answer);
        assertThat(computed).hasValue(1);
        changes.changed();
        cache.get("k", this::compute);
        assertThat(computed).hasValue(2);
        assertThat(registry.get("cache.gets").tag("cache", ResponseCache.NAME).tag("result", "hit").functionCounter().count()).isEqualTo(1);
        assertThat(registry.get("hub.delivery.cache.weighted").gauge().value()).isPositive();
    }

    @Test
    void anAbsenceIsRememberedOnlyBriefly() {
        ResponseCache cache = cache(1 << 20, new SimpleMeterRegistry());
        Duration brief = Duration.ofSeconds(5);
        assertThat(cache.find("missing", this::absent, brief)).isEmpty();
        assertThat(cache.find("missing", this::absent, brief)).isEmpty();
        assertThat(computed).hasValue(1);
        now = now.plusSeconds(6);
        cache.find("missing", this::absent, brief);
        assertThat(computed).hasValue(2);
        changes.changed();
        cache.find("missing", this::absent, brief);
        assertThat(computed).hasValue(3);
    }

    /** Story details carry related stories from the search index, which lags a change: kept a bounded time. */
    @Test
    void anAnswerWithAMaximumAgeIsComputedAgainAfterIt() {
        ResponseCache cache = cache(1 << 20, new SimpleMeterRegistry());
        Duration maxAge = Duration.ofSeconds(60);
        cache.get("detail", this::compute, maxAge);
        now = now.plusSeconds(59);
        cache.get("detail", this::compute, maxAge);
        assertThat(computed).hasValue(1);
        now = now.plusSeconds(2);
        cache.get("detail", this::compute, maxAge);
        assertThat(computed).hasValue(2);
        changes.changed();
        cache.get("detail", this::compute, maxAge);
        assertThat(computed).hasValue(3);
    }

    /** An answer past its time leaves the cache: asked for again, it is a miss (not a hit that recomputes anyway). */
    @Test
    void anExpiredAnswerLeavesTheCacheAndItsLookUpCountsAsAMiss() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ResponseCache cache = cache(1 << 20, registry);
        Duration maxAge = Duration.ofSeconds(60);
        cache.get("detail", this::compute, maxAge);
        cache.get("detail", this::compute, maxAge);
        now = now.plusSeconds(61);
        cache.get("detail", this::compute, maxAge);
        assertThat(computed).hasValue(2);
        assertThat(registry.get("cache.gets").tag("cache", ResponseCache.NAME).tag("result", "hit").functionCounter().count()).isEqualTo(1);
        assertThat(registry.get("cache.gets").tag("cache", ResponseCache.NAME).tag("result", "miss").functionCounter().count()).isEqualTo(2);
    }

    private CachedAnswer compute() {
        computed.incrementAndGet();
        return answer;
    }

    private Optional<CachedAnswer> absent() {
        computed.incrementAndGet();
        return Optional.empty();
    }

    private ResponseCache cache(long budget, SimpleMeterRegistry registry) {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        DeliveryReader noBoundaries = new DeliveryReader(null) {
            @Override
            public Optional<Instant> nextTimeBoundary(Instant at) {
                return Optional.empty();
            }
        };
        return new ResponseCache(changes, noBoundaries, clock, config(budget), registry);
    }

    /** Only the delivery budget is read. */
    private static HubConfig config(long budget) {
        HubConfig.Delivery delivery = (HubConfig.Delivery) Proxy.newProxyInstance(HubConfig.class.getClassLoader(), new Class<?>[] {HubConfig.Delivery.class},
                (proxy, method, args) -> method.getName().equals("cacheMaxBytes") ? budget : null);
        return (HubConfig) Proxy.newProxyInstance(HubConfig.class.getClassLoader(), new Class<?>[] {HubConfig.class},
                (proxy, method, args) -> method.getName().equals("delivery") ? delivery : null);
    }
}
