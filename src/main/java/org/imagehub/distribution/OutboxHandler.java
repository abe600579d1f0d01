package org.imagehub.distribution;

import java.util.List;

/**
 * Something that must hear of committed changes (search indexing, webhooks, cache purge…), run by the dispatcher
 * on every replica. Register one as a CDI bean. Each event of a type it {@link #handles handles} reaches it at least
 * once, and the events of one aggregate (a story) in the order they were committed; a failed batch is retried with
 * back-off and, after {@code hub.outbox.max-attempts}, the failing event is parked for this handler alone.
 * Handlers must be idempotent: after a crash, or when a batch fails, events they already handled come again.
 */
public interface OutboxHandler {
    /** Stable and unique: the handler's progress, parked events and metrics are kept under it. */
    String name();

    boolean handles(String eventType);

    /**
     * Handles a batch (events of several aggregates, each aggregate's in commit order). Throwing fails the batch:
     * the dispatcher then offers its events one at a time, so one bad event is isolated and the others go on.
     * Runs outside any transaction; keep each call bounded (a remote call needs its own timeout).
     */
    void handle(List<DispatchedEvent> batch) throws Exception;

    /** At most this many aggregates (their first waiting events) in one batch, given {@code hub.outbox.batch-size}. */
    default int batchSize(int configured) {
        return configured;
    }

    /**
     * At most this many events in one batch, counting those queued behind each claimed aggregate's first. A handler
     * whose work is per aggregate (re-read the story, write it once) raises it, so that all the events one request
     * committed for a story — each workflow step of each language — reach it together and cost one piece of work.
     */
    default int eventsPerBatch(int batchSize) {
        return batchSize;
    }

    /**
     * Whether this handler's work may wait while a bulk import runs on this replica (at most
     * {@code hub.outbox.bulk-write-yield}), so the import has the machine: for derived views that trail anyway.
     */
    default boolean yieldsToBulkWrites() {
        return false;
    }
}
