package org.imagehub.demo.embedded;

import java.util.function.BooleanSupplier;

final class Polling {
    private Polling() {
    }

    /** Polls a condition every 100 ms until it holds, failing with the given description after the timeout. */
    static void until(String description, long timeoutMillis, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("Timed out after " + timeoutMillis + " ms waiting for: " + description);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for: " + description, e);
            }
        }
    }
}
