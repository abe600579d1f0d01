package org.imagehub.distribution.dispatch;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.imagehub.distribution.DispatchedEvent;
import org.imagehub.platform.IndexPathsOnly;

/**
 * A handler's due deliveries, claimed in batches with {@code FOR UPDATE SKIP LOCKED}: workers of the same handler
 * on every replica take disjoint batches, and a claim lasts as long as its transaction, so a crashed worker's batch
 * is free again as soon as its connection is gone.
 */
@ApplicationScoped
public class DeliveryQueue {
    private static final String COLUMNS = """
            e.id, e.event_type, e.aggregate_type, e.aggregate_id, e.position, e.payload::text, e.created_at, d.attempts
            """;

    private final AgroalDataSource dataSource;

    public DeliveryQueue(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Claims the due deliveries of {@code handler} of up to {@code aggregates} aggregates, at most {@code limit} in
     * all, each aggregate's in position order. Only an aggregate's first waiting delivery can be claimed on its own
     * (the others wait behind it, so a failing event holds back only the later events of its own aggregate, for this
     * handler); the claimed heads then bring the deliveries queued behind them, which no other worker can hold while
     * their head is waiting.
     */
    public Claim claim(String handler, int aggregates, int limit) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            // A queue's statistics are stale most of the time: planned from "nearly empty", the anti-join became a scan of
            // the whole queue per row (a 20,000-event backlog drained at 140 events/s instead of thousands).
            IndexPathsOnly.forTransaction(connection);
            List<DispatchedEvent> events = new ArrayList<>();
            try (PreparedStatement heads = connection.prepareStatement("select " + COLUMNS + """
                     from outbox_delivery d join outbox_event e on e.id = d.event_id
                    where d.handler = ? and d.parked_at is null and d.due_at <= now()
                      and not exists (select 1 from outbox_delivery p
                                       where p.handler = d.handler and p.aggregate_type = d.aggregate_type
                                         and p.aggregate_id = d.aggregate_id and p.parked_at is null and p.position < d.position)
                    order by d.due_at limit ? for update of d skip locked""")) {
                heads.setString(1, handler);
                heads.setInt(2, Math.min(aggregates, limit));
                read(heads, events);
            }
            if (!events.isEmpty() && events.size() < limit) {
                addFollowers(connection, handler, events, limit);
            }
            return new Claim(connection, handler, events);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
                connection.setAutoCommit(true);
            } finally {
                connection.close();
            }
            throw e;
        }
    }

    private static void addFollowers(Connection connection, String handler, List<DispatchedEvent> heads, int limit) throws SQLException {
        List<String> types = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<Long> headIds = new ArrayList<>();
        for (DispatchedEvent head : heads) {
            types.add(head.aggregateType());
            ids.add(head.aggregateId());
            headIds.add(head.id());
        }
        try (PreparedStatement followers = connection.prepareStatement("select " + COLUMNS + """
                 from outbox_delivery d join outbox_event e on e.id = d.event_id
                where d.handler = ? and d.parked_at is null and d.event_id <> all(?)
                  and (d.aggregate_type, d.aggregate_id) in (select * from unnest(?::text[], ?::text[]))
                order by d.aggregate_type, d.aggregate_id, d.position limit ? for update of d""")) {
            followers.setString(1, handler);
            followers.setArray(2, connection.createArrayOf("bigint", headIds.toArray()));
            followers.setArray(3, connection.createArrayOf("text", types.toArray()));
            followers.setArray(4, connection.createArrayOf("text", ids.toArray()));
            followers.setInt(5, limit - heads.size());
            read(followers, heads);
        }
    }

    private static void read(PreparedStatement statement, List<DispatchedEvent> into) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                into.add(new DispatchedEvent(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getLong(5),
                        rows.getString(6), rows.getTimestamp(7).toInstant(), rows.getInt(8) + 1));
            }
        }
    }

    /** A failed delivery: when to try again, and whether it is parked instead. */
    public record Failure(long eventId, String error, Instant retryAt, boolean park) {
    }

    /** Claimed deliveries, locked until {@link #complete} or {@link #close}. */
    public static final class Claim implements AutoCloseable {
        private final Connection connection;
        private final String handler;
        private final List<DispatchedEvent> events;

        Claim(Connection connection, String handler, List<DispatchedEvent> events) {
            this.connection = connection;
            this.handler = handler;
            this.events = events;
        }

        public List<DispatchedEvent> events() {
            return events;
        }

        /** Deletes the handled deliveries and records the failures, in one transaction with the claim. */
        public void complete(List<Long> handled, List<Failure> failures) throws SQLException {
            if (!handled.isEmpty()) {
                try (PreparedStatement delete = connection.prepareStatement("delete from outbox_delivery where handler = ? and event_id = any(?)")) {
                    delete.setString(1, handler);
                    delete.setArray(2, connection.createArrayOf("bigint", handled.toArray()));
                    delete.executeUpdate();
                }
            }
            if (!failures.isEmpty()) {
                try (PreparedStatement update = connection.prepareStatement("""
                        update outbox_delivery set attempts = attempts + 1, last_error = ?, due_at = ?,
                               parked_at = case when ? then now() end
                         where handler = ? and event_id = ?""")) {
                    for (Failure failure : failures) {
                        update.setString(1, failure.error());
                        update.setTimestamp(2, Timestamp.from(failure.retryAt()));
                        update.setBoolean(3, failure.park());
                        update.setString(4, handler);
                        update.setLong(5, failure.eventId());
                        update.addBatch();
                    }
                    update.executeBatch();
                }
            }
            connection.commit();
        }

        @Override
        public void close() throws SQLException {
            try {
                // Nothing after complete(); everything when the handler or the database failed before it.
                connection.rollback();
                connection.setAutoCommit(true);
            } finally {
                connection.close();
            }
        }
    }
}
