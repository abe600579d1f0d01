package org.imagehub.delivery.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
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

    /** A publication drops the lists and the details showing the story it changed; the rest of a warm archive stays. */
    @Test
    void aStorysAnswerOutlivesChangesOfOtherStoriesButNotOfThoseItShows() {
        ResponseCache cache = cache(1 << 20, new SimpleMeterRegistry());
        CachedAnswer detail = answer.about("story-a", List.of("related-r"));
        AtomicInteger details = new AtomicInteger();
        java.util.function.Supplier<CachedAnswer> computeDetail = () -> {
            details.incrementAndGet();
            return detail;
        };
        cache.get("detail-a", computeDetail);
        cache.get("list", this::compute);

        changes.changed(List.of("story-b"));
        assertThat(cache.get("detail-a", computeDetail)).isSameAs(detail);
        assertThat(details).hasValue(1);
        cache.get("list", this::compute);
        assertThat(computed).as("a list may show any story").hasValue(2);

        for (Runnable change : List.<Runnable>of(() -> changes.changed(List.of("related-r")), () -> changes.changed(List.of("story-a", "story-c")),
                changes::changed)) {
            int before = details.get();
            change.run();
            cache.get("detail-a", computeDetail);
            cache.get("detail-a", computeDetail);
            assertThat(details).hasValue(before + 1);
        }
    }

    /** An answer computed while a change of what it shows committed is served once and not kept. */
    @Test
    void aDetailComputedAcrossAChangeOfItsStoryIsNotKept() {
        ResponseCache cache = cache(1 << 20, new SimpleMeterRegistry());
        AtomicInteger details = new AtomicInteger();
        java.util.function.Supplier<CachedAnswer> changedMeanwhile = () -> {
            if (details.incrementAndGet() == 1) {
                changes.changed(List.of("story-a"));
            }
            return answer.about("story-a", List.of());
        };
        cache.get("detail-a", changedMeanwhile);
        cache.get("detail-a", changedMeanwhile);
        cache.get("detail-a", changedMeanwhile);
        assertThat(details).hasValue(2);
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

    /** The byte budget holds: answers beyond it leave (counted as evictions), and one read again and again stays. */
    @Test
    void theBudgetBoundsTheBytesKeptAndAFrequentlyReadAnswerStays() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        long budget = 256 * 1024;
        ResponseCache cache = cache(budget, registry);
        java.util.Random random = new java.util.Random(7);
        java.util.function.IntFunction<CachedAnswer> story = n -> {
            byte[] body = new byte[4096]; // incompressible, so each answer weighs its 4 KB
            random.nextBytes(body);
            return CachedAnswer.of(body, "application/json", Map.of());
        };
        CachedAnswer hot = cache.get("hot", () -> story.apply(-1));
        for (int n = 0; n < 1000; n++) {
            int i = n;
            cache.get("story-" + i, () -> story.apply(i));
            assertThat(cache.get("hot", () -> story.apply(-1)).etag()).as("the hot answer after %d others", i).isEqualTo(hot.etag());
        }
        assertThat(registry.get("hub.delivery.cache.weighted").gauge().value()).isPositive().isLessThanOrEqualTo(budget);
        assertThat(registry.get("cache.evictions").tag("cache", ResponseCache.NAME).functionCounter().count()).isGreaterThan(900);
        assertThat(registry.get("cache.gets").tag("cache", ResponseCache.NAME).tag("result", "hit").functionCounter().count()).isEqualTo(1000);
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
