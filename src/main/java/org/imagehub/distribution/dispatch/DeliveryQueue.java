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
 * A handler's due deliveries, claimed in batches. A claim is a transaction-scoped advisory lock per (handler,
 * aggregate): workers of the same handler on every replica take disjoint aggregates, and a claim lasts as long as its
 * transaction, so a crashed worker's batch is free again as soon as its connection is gone.
 *
 * <p>Not row locks ({@code FOR UPDATE}): they give the claim's transaction an id, and a transaction id held while a
 * slow handler works (a bulk request to a busy Elasticsearch takes tens of seconds) holds back PostgreSQL's horizon,
 * so the deliveries every worker deletes meanwhile stay in the queue's indexes and each claim wades through them (at
 * 80,000 queued deliveries, 200,000 buffers and ~17 ms a claim). Advisory locks give it no id and no snapshot between
 * statements. The claimed rows are read again once locked, with a fresh snapshot, so a batch another worker completed
 * in between is not taken twice.
 */
@ApplicationScoped
public class DeliveryQueue {
    private static final String COLUMNS = """
            e.id, e.event_type, e.aggregate_type, e.aggregate_id, e.position, e.payload::text, e.created_at, d.attempts
            """;
    /** The candidates looked at for each aggregate claimed, so aggregates other replicas hold can be passed over. */
    private static final int CANDIDATES_PER_AGGREGATE = 2;
    /** How an open claim shows in {@code pg_stat_activity}. */
    public static final String CLAIM_NAME = "image-hub outbox claim";

    private final AgroalDataSource dataSource;

    public DeliveryQueue(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Claims the due deliveries of {@code handler} of up to {@code aggregates} aggregates, at most {@code limit} in
     * all, each aggregate's in position order. Only an aggregate's first waiting delivery can be claimed on its own
     * (the others wait behind it, so a failing event holds back only the later events of its own aggregate, for this
     * handler); the claimed heads then bring the deliveries queued behind them, which no other worker can claim while
     * this one holds their aggregate.
     */
    public Claim claim(String handler, int aggregates, int limit) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            // A queue's statistics are stale most of the time: planned from "nearly empty", the anti-join became a scan of
            // the whole queue per row (a 20,000-event backlog drained at 140 events/s instead of thousands).
            IndexPathsOnly.forTransaction(connection);
            // Each path the claim wants comes ordered from an index (oldest due first: the due index; an aggregate's
            // first delivery: the stream index). With sorting off, a plan cached when the queue looked empty (every
            // estimate one row) cannot take the other index and sort instead: that plan read the whole queue for
            // each candidate (7.6 s a claim at 80,000 queued deliveries).
            execute(connection, "set local enable_sort = off");
            List<DispatchedEvent> events = new ArrayList<>();
            Aggregates locked = lockHeads(connection, handler, Math.min(aggregates, limit));
            if (!locked.isEmpty()) {
                readHeads(connection, handler, locked, events);
            }
            if (!events.isEmpty() && events.size() < limit) {
                addFollowers(connection, handler, events, limit);
            }
            releaseSnapshot(connection);
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

    /**
     * The driver leaves the last query's portal open until the next statement, and an open portal keeps its snapshot,
     * which holds back the horizon like a transaction id would. A statement that needs no snapshot (SET) replaces it;
     * this one also names the claim in {@code pg_stat_activity} until the transaction ends.
     */
    private static void releaseSnapshot(Connection connection) throws SQLException {
        execute(connection, "set local application_name = '" + CLAIM_NAME + "'");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * The aggregates of the oldest due heads (deliveries that are their aggregate's first waiting one, for this
     * handler) that no other worker holds, locked until the transaction ends.
     */
    private static Aggregates lockHeads(Connection connection, String handler, int aggregates) throws SQLException {
        // The candidates come out of the materialised CTE in its order, and the outer LIMIT stops reading them once
        // enough locks are taken (no outer ORDER BY: a sort would try every lock first), so no lock is left unused.
        try (PreparedStatement lock = connection.prepareStatement("""
                with candidate as materialized (
                    select d.aggregate_type, d.aggregate_id from outbox_delivery d
                     cross join lateral (select f.position from outbox_delivery f
                                          where f.handler = d.handler and f.aggregate_type = d.aggregate_type
                                            and f.aggregate_id = d.aggregate_id and f.parked_at is null
                                          order by f.position limit 1) first
                     where d.handler = ? and d.parked_at is null and d.due_at <= now() and d.position = first.position
                     order by d.due_at limit ?)
                select aggregate_type, aggregate_id from candidate
                 where pg_try_advisory_xact_lock(?, hashtext(aggregate_type || '/' || aggregate_id))
                 limit ?""")) {
            lock.setString(1, handler);
            lock.setInt(2, aggregates * CANDIDATES_PER_AGGREGATE);
            lock.setInt(3, handler.hashCode());
            lock.setInt(4, aggregates);
            Aggregates locked = new Aggregates(new ArrayList<>(), new ArrayList<>());
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    locked.types().add(rows.getString(1));
                    locked.ids().add(rows.getString(2));
                }
            }
            return locked;
        }
    }

    /**
     * The locked aggregates' heads as they are now (one another worker completed meanwhile has gone or moved on): each
     * aggregate's first waiting delivery, if it is due. Driven from the list, one index probe per aggregate, whatever
     * the queue's statistics say.
     */
    private static void readHeads(Connection connection, String handler, Aggregates locked, List<DispatchedEvent> into) throws SQLException {
        try (PreparedStatement heads = connection.prepareStatement("select " + COLUMNS + """
                 from unnest(?::text[], ?::text[]) as a(type, id)
                 cross join lateral (select * from outbox_delivery h
                                      where h.handler = ? and h.aggregate_type = a.type and h.aggregate_id = a.id and h.parked_at is null
                                      order by h.position limit 1) d
                 join outbox_event e on e.id = d.event_id
                where d.due_at <= now()""")) {
            heads.setArray(1, connection.createArrayOf("text", locked.types().toArray()));
            heads.setArray(2, connection.createArrayOf("text", locked.ids().toArray()));
            heads.setString(3, handler);
            read(heads, into);
        }
    }

    private record Aggregates(List<String> types, List<String> ids) {
        boolean isEmpty() {
            return types.isEmpty();
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
        // Per aggregate (an index walk each), at most what the batch can still take from any one of them.
        try (PreparedStatement followers = connection.prepareStatement("select " + COLUMNS + """
                 from unnest(?::text[], ?::text[]) as a(type, id)
                 cross join lateral (select * from outbox_delivery f
                                      where f.handler = ? and f.aggregate_type = a.type and f.aggregate_id = a.id and f.parked_at is null
                                        and f.event_id <> all(?)
                                      order by f.position limit ?) d
                 join outbox_event e on e.id = d.event_id
                order by d.aggregate_type, d.aggregate_id, d.position limit ?""")) {
            followers.setArray(1, connection.createArrayOf("text", types.toArray()));
            followers.setArray(2, connection.createArrayOf("text", ids.toArray()));
            followers.setString(3, handler);
            followers.setArray(4, connection.createArrayOf("bigint", headIds.toArray()));
            followers.setInt(5, limit - heads.size());
            followers.setInt(6, limit - heads.size());
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
