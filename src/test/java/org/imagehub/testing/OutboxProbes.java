package org.imagehub.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Drives the probe handlers (hub.outbox.probe.*) through the database, for in-process and packaged-hub tests alike:
 * writes probe events as writers do (one transaction per round, every aggregate taking its next position), tells a
 * probe to fail or to be slow, and reads back what each probe received.
 */
public final class OutboxProbes {
    public static final String TYPE = "outbox.probe";
    private final Supplier<Connection> connections;

    public OutboxProbes(Supplier<Connection> connections) {
        this.connections = connections;
    }

    /** One delivery as a probe recorded it. */
    public record Received(long seq, long eventId, String aggregateId, long position, boolean ok) {
    }

    /** What a probe is told about one event: fail its first {@code failTimes} deliveries (-1: all), each taking {@code delayMillis}. */
    public record Rule(String handler, int aggregate, int round, int failTimes, int delayMillis) {
    }

    /** The events written: ids in writing order, and the id of each aggregate's event of each round. */
    public record Written(List<Long> ids, int aggregates) {
        public long id(int aggregate, int round) {
            return ids.get(round * aggregates + aggregate);
        }
    }

    /**
     * {@code rounds} transactions, each adding one event to every one of {@code aggregates} aggregates named
     * {@code prefix-0…}; the rules of a round are written in its transaction, so they hold from the first delivery.
     */
    public Written write(String prefix, int aggregates, int rounds, Rule... rules) {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = connections.get()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox_event (event_type, aggregate_type, aggregate_id, payload)
                    select ?, 'probe', ? || '-' || n, jsonb_build_object('round', ?::int, 'n', n) from generate_series(0, ? - 1) as n
                    order by n returning id""");
                    PreparedStatement rule = connection.prepareStatement(
                            "insert into outbox_probe_rule (handler, event_id, fail_times, delay_ms) values (?, ?, ?, ?)")) {
                for (int round = 0; round < rounds; round++) {
                    insert.setString(1, TYPE);
                    insert.setString(2, prefix);
                    insert.setInt(3, round);
                    insert.setInt(4, aggregates);
                    try (ResultSet rows = insert.executeQuery()) {
                        while (rows.next()) {
                            ids.add(rows.getLong(1));
                        }
                    }
                    for (Rule wanted : rules) {
                        if (wanted.round() == round) {
                            rule.setString(1, wanted.handler());
                            rule.setLong(2, ids.get(round * aggregates + wanted.aggregate()));
                            rule.setInt(3, wanted.failTimes());
                            rule.setInt(4, wanted.delayMillis());
                            rule.executeUpdate();
                        }
                    }
                    connection.commit();
                }
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Written(ids, aggregates);
    }

    public void clearRule(String handler, long eventId) {
        update("delete from outbox_probe_rule where handler = ? and event_id = ?", handler, eventId);
    }

    /** Every delivery {@code handler} received of events of aggregates named {@code prefix-…}, in the order received. */
    public List<Received> received(String handler, String prefix) {
        List<Received> received = new ArrayList<>();
        try (Connection connection = connections.get(); PreparedStatement select = connection.prepareStatement("""
                select seq, event_id, aggregate_id, position, ok from outbox_probe_delivery
                 where handler = ? and aggregate_id like ? || '-%' order by seq""")) {
            select.setString(1, handler);
            select.setString(2, prefix);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    received.add(new Received(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getLong(4), rows.getBoolean(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return received;
    }

    /** How many successful deliveries each event got. */
    public static Map<Long, Integer> okCounts(List<Received> received) {
        Map<Long, Integer> counts = new HashMap<>();
        received.stream().filter(Received::ok).forEach(r -> counts.merge(r.eventId(), 1, Integer::sum));
        return counts;
    }

    /**
     * Aggregates whose first successful deliveries did not arrive in position order (1, 2, 3…): empty when commit
     * order per aggregate held.
     */
    public static List<String> outOfOrder(List<Received> received) {
        Map<String, Long> last = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (Received r : received) {
            if (!r.ok() || !seen.add(r.eventId())) {
                continue;
            }
            long previous = last.getOrDefault(r.aggregateId(), 0L);
            if (r.position() != previous + 1) {
                wrong.add(r.aggregateId() + ": " + previous + " then " + r.position());
            }
            last.put(r.aggregateId(), r.position());
        }
        return wrong;
    }

    public boolean parked(String handler, long eventId) {
        try (Connection connection = connections.get(); PreparedStatement select = connection.prepareStatement(
                "select count(*) from outbox_delivery where handler = ? and event_id = ? and parked_at is not null")) {
            select.setString(1, handler);
            select.setLong(2, eventId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1) == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = connections.get(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
