package org.imagehub.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.imagehub.platform.Json;

/**
 * Announces a change to the rest of the system (search indexing, webhooks, cache purge, social queue) by writing
 * an event row in the caller's transaction: the event exists if and only if the change was committed.
 */
@ApplicationScoped
public class Outbox {
    private final Json json;
    private final Clock clock;

    public Outbox(Json json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String eventType, String aggregateType, String aggregateId, Object payload) {
        Instant now = Instant.now(clock);
        OutboxEvent event = new OutboxEvent();
        event.eventType = eventType;
        event.aggregateType = aggregateType;
        event.aggregateId = aggregateId;
        event.payloadJson = json.write(payload);
        event.createdAt = now;
        event.availableAt = now;
        // Persisted with the change's other rows, in the same JDBC batch: no flush, no extra round trip.
        event.persist();
    }
}
