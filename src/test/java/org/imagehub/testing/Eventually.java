package org.imagehub.testing;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls for something the hub does in the background (timed actions, batched writes) instead of sleeping blindly. */
public final class Eventually {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Eventually() {
    }

    public static <T> T until(String what, Supplier<T> probe, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        T value = probe.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what + "; last seen: " + value);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for " + what, e);
            }
            value = probe.get();
        }
        return value;
    }
}
