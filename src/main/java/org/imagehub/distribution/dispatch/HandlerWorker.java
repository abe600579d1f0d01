package org.imagehub.distribution.dispatch;

import io.micrometer.core.instrument.Timer;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.imagehub.distribution.DispatchedEvent;
import org.imagehub.distribution.OutboxHandler;
import org.imagehub.platform.BulkWrites;
import org.jboss.logging.Logger;

/** Delivers one handler's events on this replica: claim a batch, hand it over, record the outcome, repeat. */
final class HandlerWorker {
    private static final Logger LOG = Logger.getLogger(HandlerWorker.class);
    private static final int MAX_ERROR_LENGTH = 2000;

    private final OutboxHandler handler;
    private final DeliveryQueue queue;
    private final OutboxMetrics metrics;
    private final Backoff backoff;
    private final int batchSize;
    private final int eventsPerBatch;
    private final int maxAttempts;
    private final Clock clock;
    private final BulkWrites bulkWrites;
    private final Duration bulkWriteYield;

    HandlerWorker(OutboxHandler handler, DeliveryQueue queue, OutboxMetrics metrics, Backoff backoff, int batchSize, int maxAttempts, Clock clock,
            BulkWrites bulkWrites, Duration bulkWriteYield) {
        this.handler = handler;
        this.queue = queue;
        this.metrics = metrics;
        this.backoff = backoff;
        this.batchSize = handler.batchSize(batchSize);
        this.eventsPerBatch = handler.eventsPerBatch(this.batchSize);
        this.maxAttempts = maxAttempts;
        this.clock = clock;
        this.bulkWrites = bulkWrites;
        this.bulkWriteYield = bulkWriteYield;
    }

    String name() {
        return handler.name();
    }

    /** One batch; returns how many events it took (0: nothing due). */
    int dispatchOnce() throws SQLException {
        if (handler.yieldsToBulkWrites() && bulkWrites.holdsBack(bulkWriteYield)) {
            // Nothing claimed: the events wait in the queue, and the poll after the import finds them.
            metrics.heldBack(handler.name());
            return 0;
        }
        try (DeliveryQueue.Claim claim = queue.claim(handler.name(), batchSize, eventsPerBatch)) {
            List<DispatchedEvent> events = claim.events();
            if (events.isEmpty()) {
                return 0;
            }
            List<Long> handled = new ArrayList<>();
            List<DeliveryQueue.Failure> failures = new ArrayList<>();
            Throwable batchFailure = call(events);
            if (batchFailure == null) {
                events.forEach(event -> handled.add(event.id()));
            } else if (events.size() == 1) {
                failures.add(failure(events.get(0), batchFailure));
            } else {
                oneByOne(events, handled, failures);
            }
            claim.complete(handled, failures);
            record(events, handled, failures);
            return events.size();
        }
    }

    /**
     * After a failed batch: each event alone, in order, so one bad event does not fail the others. Once an event
     * of an aggregate fails, that aggregate's later events wait (untouched) behind it.
     */
    private void oneByOne(List<DispatchedEvent> events, List<Long> handled, List<DeliveryQueue.Failure> failures) {
        Set<String> blocked = new HashSet<>();
        for (DispatchedEvent event : events) {
            String aggregate = event.aggregateType() + "/" + event.aggregateId();
            if (blocked.contains(aggregate)) {
                continue;
            }
            Throwable failure = call(List.of(event));
            if (failure == null) {
                handled.add(event.id());
            } else {
                failures.add(failure(event, failure));
                blocked.add(aggregate);
            }
        }
    }

    private Throwable call(List<DispatchedEvent> events) {
        Timer.Sample sample = metrics.startCall();
        try {
            handler.handle(events);
            return null;
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            // A batch too big for the heap fails like any other (its events are then offered one at a time) instead
            // of ending this handler's thread for good; its memory is free again once the call has unwound.
            return e;
        } finally {
            metrics.endCall(handler.name(), sample);
        }
    }

    private DeliveryQueue.Failure failure(DispatchedEvent event, Throwable cause) {
        boolean park = event.attempt() >= maxAttempts;
        String error = String.valueOf(cause);
        if (error.length() > MAX_ERROR_LENGTH) {
            error = error.substring(0, MAX_ERROR_LENGTH);
        }
        Instant retryAt = Instant.now(clock).plus(backoff.after(event.attempt()));
        if (park) {
            LOG.warnf("Outbox event %d (%s of %s %s) parked for handler %s after %d attempts: %s", event.id(), event.type(),
                    event.aggregateType(), event.aggregateId(), handler.name(), event.attempt(), error);
        } else {
            LOG.infof("Outbox event %d failed for handler %s (attempt %d of %d), retried at %s: %s", event.id(), handler.name(),
                    event.attempt(), maxAttempts, retryAt, error);
        }
        return new DeliveryQueue.Failure(event.id(), error, retryAt, park);
    }

    private void record(List<DispatchedEvent> events, List<Long> handled, List<DeliveryQueue.Failure> failures) {
        Instant now = Instant.now(clock);
        Set<Long> done = new HashSet<>(handled);
        for (DispatchedEvent event : events) {
            if (done.contains(event.id())) {
                metrics.lag(handler.name(), Duration.between(event.createdAt(), now));
            }
        }
        metrics.handled(handler.name(), handled.size());
        int parked = (int) failures.stream().filter(DeliveryQueue.Failure::park).count();
        metrics.parked(handler.name(), parked);
        metrics.failed(handler.name(), failures.size() - parked);
    }
}
