package org.imagehub.distribution.dispatch;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.imagehub.distribution.OutboxHandler;
import org.imagehub.platform.IndexPathsOnly;

/**
 * Gives committed events their deliveries, one per handler that handles the type. One replica routes at a time
 * (a transaction-scoped advisory lock), taking events in aggregate and position order: since a committed position
 * implies committed lower positions (see V11), each aggregate's deliveries appear in position order, so a worker
 * that sees a delivery also sees every earlier delivery of its aggregate for the same handler.
 */
@ApplicationScoped
public class Router {
    /** Any constant: the advisory lock that makes routing exclusive across replicas. */
    private static final long ROUTING_LOCK = 0x6f7574626f78L;

    private final AgroalDataSource dataSource;
    private final HandlerRegistry handlers;

    public Router(AgroalDataSource dataSource, HandlerRegistry handlers) {
        this.dataSource = dataSource;
        this.handlers = handlers;
    }

    /** What one routing pass did: how many events it routed (-1: another replica is routing), and for which handlers. */
    public record Routed(int events, Set<String> handlers) {
        static final Routed ELSEWHERE = new Routed(-1, Set.of());
        static final Routed NOTHING = new Routed(0, Set.of());
    }

    /** Routes up to {@code limit} events. */
    public Routed route(int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Routed routed = route(connection, limit);
                connection.commit();
                return routed;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private Routed route(Connection connection, int limit) throws SQLException {
        IndexPathsOnly.forTransaction(connection);
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, ROUTING_LOCK);
            try (ResultSet rows = lock.executeQuery()) {
                rows.next();
                if (!rows.getBoolean(1)) {
                    return Routed.ELSEWHERE;
                }
            }
        }
        List<Long> eventIds = new ArrayList<>();
        List<String> deliveryHandlers = new ArrayList<>();
        List<Long> deliveryEvents = new ArrayList<>();
        List<String> aggregateTypes = new ArrayList<>();
        List<String> aggregateIds = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select id, event_type, aggregate_type, aggregate_id, position from outbox_event
                 where routed_at is null order by aggregate_type, aggregate_id, position limit ?""")) {
            select.setInt(1, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    eventIds.add(id);
                    for (OutboxHandler handler : handlers.all()) {
                        if (handler.handles(rows.getString(2))) {
                            deliveryHandlers.add(handler.name());
                            deliveryEvents.add(id);
                            aggregateTypes.add(rows.getString(3));
                            aggregateIds.add(rows.getString(4));
                            positions.add(rows.getLong(5));
                        }
                    }
                }
            }
        }
        if (eventIds.isEmpty()) {
            return Routed.NOTHING;
        }
        if (!deliveryEvents.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox_delivery (handler, event_id, aggregate_type, aggregate_id, position, due_at)
                    select h, e, t, a, p, now() from unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::bigint[]) as d(h, e, t, a, p)""")) {
                insert.setArray(1, connection.createArrayOf("text", deliveryHandlers.toArray()));
                insert.setArray(2, connection.createArrayOf("bigint", deliveryEvents.toArray()));
                insert.setArray(3, connection.createArrayOf("text", aggregateTypes.toArray()));
                insert.setArray(4, connection.createArrayOf("text", aggregateIds.toArray()));
                insert.setArray(5, connection.createArrayOf("bigint", positions.toArray()));
                insert.executeUpdate();
            }
        }
        try (PreparedStatement update = connection.prepareStatement("update outbox_event set routed_at = now() where id = any(?)")) {
            Array ids = connection.createArrayOf("bigint", eventIds.toArray());
            update.setArray(1, ids);
            update.executeUpdate();
        }
        return new Routed(eventIds.size(), Set.copyOf(deliveryHandlers));
    }
}
