package org.imagehub.analytics.rollup;

/**
 * Spaces the runs of a recurring job so that it is busy at most a given share of the time: after a run that took
 * {@code d}, the next may start {@code d × (1 / share − 1)} after it ended. A job whose work grows with the data (the
 * roll-up recomputes today whole, and today's reads grow all day) then slows its pace instead of running back to back
 * on the database that serves the reads.
 */
final class RunPacing {
    private final double busyShare;
    private long notBefore;
    private boolean ranOnce;

    RunPacing(double busyShare) {
        if (!(busyShare > 0 && busyShare <= 1)) {
            throw new IllegalArgumentException("a busy share is above 0 and at most 1, not " + busyShare);
        }
        this.busyShare = busyShare;
    }

    /** Whether a run may start at {@code nanos} (System.nanoTime). */
    synchronized boolean due(long nanos) {
        return !ranOnce || nanos - notBefore >= 0;
    }

    synchronized void ran(long startedNanos, long endedNanos) {
        long took = Math.max(0, endedNanos - startedNanos);
        notBefore = endedNanos + (long) (took * (1 / busyShare - 1));
        ranOnce = true;
    }
}
