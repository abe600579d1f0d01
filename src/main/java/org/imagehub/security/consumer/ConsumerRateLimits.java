package org.imagehub.security.consumer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Per-key request budgets (the consumer's requests per minute, refilled continuously), kept per replica. The answer
 * carries what the RateLimit response headers report.
 */
@ApplicationScoped
public class ConsumerRateLimits {
    private static final Duration WINDOW = Duration.ofMinutes(1);

    /** Upkeep on the calling thread (see ApiKeyAuthenticator). */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().executor(Runnable::run).maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();

    /** One request's take from the budget: allowed or not, what is left, and seconds until the budget is whole again. */
    public record Take(boolean allowed, int quota, long remaining, long resetSeconds, long retryAfterSeconds) {
    }

    public Take take(ConsumerAccess consumer) {
        int quota = consumer.requestsPerMinute();
        Bucket bucket = buckets.get(consumer.keyId() + ":" + quota,
                key -> Bucket.builder().addLimit(Bandwidth.builder().capacity(quota).refillGreedy(quota, WINDOW).build()).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long perToken = WINDOW.toNanos() / quota;
        long reset = ceilSeconds((quota - probe.getRemainingTokens()) * perToken);
        return new Take(probe.isConsumed(), quota, probe.getRemainingTokens(), reset, ceilSeconds(probe.getNanosToWaitForRefill()));
    }

    private static long ceilSeconds(long nanos) {
        return Math.max(0, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
