package org.imagehub.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
     * flushed first, so each aggregate's events keep their order. Ids come from the events' sequence, one value each
     * (never one the entity's pooled ids use).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(List<Announcement> announcements) {
        if (announcements.isEmpty()) {
            return;
        }
        OffsetDateTime now = Instant.now(clock).atOffset(ZoneOffset.UTC);
        entityManager.flush();
        entityManager.unwrap(Session.class).doWork(connection -> {
            Map<AggregateStream, Long> next = reservePositions(connection, announcements);
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox_event (id, event_type, aggregate_type, aggregate_id, payload, created_at, available_at, attempts, position)
                    values (nextval('outbox_event_id_seq'), ?, ?, ?, cast(? as jsonb), ?, ?, 0, ?)""")) {
                for (Announcement announcement : announcements) {
                    insert.setString(1, announcement.eventType());
                    insert.setString(2, announcement.aggregateType());
                    insert.setString(3, announcement.aggregateId());
                    insert.setString(4, json.write(announcement.payload()));
                    insert.setObject(5, now);
                    insert.setObject(6, now);
                    insert.setLong(7, next.merge(new AggregateStream(announcement.aggregateType(), announcement.aggregateId()), 1L, Long::sum) - 1);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    private record AggregateStream(String aggregateType, String aggregateId) {
    }

    /**
     * Takes the next positions of every aggregate these events belong to, as many as it has events here, with one
     * upsert of their stream rows (the trigger numbers events inserted one at a time, at ~60 % of each insert's
     * cost). The rows stay locked until the transaction ends, as the trigger's do, and are taken in key order.
     * Answers each aggregate's first reserved position.
     */
    private static Map<AggregateStream, Long> reservePositions(Connection connection, List<Announcement> announcements) throws SQLException {
        Map<AggregateStream, Long> counts = new TreeMap<>(Comparator.comparing(AggregateStream::aggregateType).thenComparing(AggregateStream::aggregateId));
        for (Announcement announcement : announcements) {
            counts.merge(new AggregateStream(announcement.aggregateType(), announcement.aggregateId()), 1L, Long::sum);
        }
        Map<AggregateStream, Long> first = new HashMap<>();
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into outbox_stream as s (aggregate_type, aggregate_id, last_position)
                select * from unnest(?, ?, ?) order by 1, 2
                on conflict (aggregate_type, aggregate_id) do update set last_position = s.last_position + excluded.last_position
                returning aggregate_type, aggregate_id, last_position""")) {
            upsert.setArray(1, connection.createArrayOf("text", counts.keySet().stream().map(AggregateStream::aggregateType).toArray()));
            upsert.setArray(2, connection.createArrayOf("text", counts.keySet().stream().map(AggregateStream::aggregateId).toArray()));
            upsert.setArray(3, connection.createArrayOf("bigint", counts.values().toArray()));
            try (ResultSet rows = upsert.executeQuery()) {
                while (rows.next()) {
                    AggregateStream stream = new AggregateStream(rows.getString(1), rows.getString(2));
                    first.put(stream, rows.getLong(3) - counts.get(stream) + 1);
                }
            }
        }
        return first;
    }
}
