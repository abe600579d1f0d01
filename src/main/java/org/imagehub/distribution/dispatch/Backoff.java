package org.imagehub.distribution.dispatch;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with "equal jitter": half the step is fixed, half random, so retries of many events that
 * failed together (a dependency went down) spread out instead of arriving at once, yet never come back early.
 */
public record Backoff(Duration base, Duration max) {
    public Duration after(int attempts) {
        long baseMillis = Math.max(1, base.toMillis());
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        long step = Math.min(max.toMillis(), baseMillis << doublings);
        long half = step / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}
