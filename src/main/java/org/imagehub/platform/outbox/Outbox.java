package org.imagehub.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.Session;
import org.imagehub.platform.Json;

/**
 * Announces a change to the rest of the system (search indexing, webhooks, cache purge, social queue) by writing
 * an event row in the caller's transaction: the event exists if and only if the change was committed.
 */
@ApplicationScoped
public class Outbox {
    private final Json json;
    private final Clock clock;
    private final EntityManager entityManager;

    public Outbox(Json json, Clock clock, EntityManager entityManager) {
        this.json = json;
        this.clock = clock;
        this.entityManager = entityManager;
    }

    /** One change to announce: what happened, to which aggregate, and the event itself (stored as JSON). */
    public record Announcement(String eventType, String aggregateType, String aggregateId, Object payload) {
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

    /**
     * Many events as one JDBC batch, in order, for bulk callers: as managed entities, every later flush of the
     * transaction walked them all (three events per published language). What the transaction persisted before is
     * flushed first, so each aggregate's events keep their order (positions are given at insert). Ids come from the
     * events' sequence, one value each (never one the entity's pooled ids use).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(List<Announcement> announcements) {
        if (announcements.isEmpty()) {
            return;
        }
        OffsetDateTime now = Instant.now(clock).atOffset(ZoneOffset.UTC);
        entityManager.flush();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox_event (id, event_type, aggregate_type, aggregate_id, payload, created_at, available_at, attempts)
                    values (nextval('outbox_event_id_seq'), ?, ?, ?, cast(? as jsonb), ?, ?, 0)""")) {
                for (Announcement announcement : announcements) {
                    insert.setString(1, announcement.eventType());
                    insert.setString(2, announcement.aggregateType());
                    insert.setString(3, announcement.aggregateId());
                    insert.setString(4, json.write(announcement.payload()));
                    insert.setObject(5, now);
                    insert.setObject(6, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }
}
