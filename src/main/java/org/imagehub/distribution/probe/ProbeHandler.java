package org.imagehub.distribution.probe;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imagehub.distribution.DispatchedEvent;
import org.imagehub.distribution.OutboxHandler;

/**
 * Takes events of type {@value #TYPE}, records each delivery in {@code outbox_probe_delivery} (handler, event,
 * position, whether it succeeded) and behaves as {@code outbox_probe_rule} says: fail an event's first n deliveries
 * or every one, answer slowly. Everything it does is driven through the database, so a packaged hub needs no test
 * code for the dispatcher to be checked end to end. Other event types it ignores, or (allTypes) takes and drops:
 * a no-op handler.
 */
final class ProbeHandler implements OutboxHandler {
    static final String TYPE = "outbox.probe";

    private final String name;
    private final boolean allTypes;
    private final AgroalDataSource dataSource;

    ProbeHandler(String name, boolean allTypes, AgroalDataSource dataSource) {
        this.name = name;
        this.allTypes = allTypes;
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean handles(String eventType) {
        return allTypes || TYPE.equals(eventType);
    }

    private record Rule(int failTimes, int delayMillis, long failedSoFar) {
        boolean fails() {
            return failTimes < 0 || failedSoFar < failTimes;
        }
    }

    @Override
    public void handle(List<DispatchedEvent> batch) throws Exception {
        List<DispatchedEvent> probes = batch.stream().filter(event -> TYPE.equals(event.type())).toList();
        if (probes.isEmpty()) {
            return;
        }
        Map<Long, Rule> rules = rules(probes);
        int delay = rules.values().stream().mapToInt(Rule::delayMillis).max().orElse(0);
        if (delay > 0) {
            Thread.sleep(delay);
        }
        List<Long> failing = rules.entrySet().stream().filter(rule -> rule.getValue().fails()).map(Map.Entry::getKey).toList();
        record(probes, failing.isEmpty());
        if (!failing.isEmpty()) {
            throw new IllegalStateException("probe " + name + " told to fail events " + failing);
        }
    }

    private Map<Long, Rule> rules(List<DispatchedEvent> probes) throws SQLException {
        Map<Long, Rule> rules = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement("""
                select r.event_id, r.fail_times, r.delay_ms,
                       (select count(*) from outbox_probe_delivery p where p.handler = r.handler and p.event_id = r.event_id and not p.ok)
                  from outbox_probe_rule r where r.handler = ? and r.event_id = any(?)""")) {
            select.setString(1, name);
            select.setArray(2, connection.createArrayOf("bigint", probes.stream().map(DispatchedEvent::id).toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    rules.put(rows.getLong(1), new Rule(rows.getInt(2), rows.getInt(3), rows.getLong(4)));
                }
            }
        }
        return rules;
    }

    /** In its own transaction, committed before the dispatcher records the outcome: as a real side effect would be. */
    private void record(List<DispatchedEvent> probes, boolean ok) throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<String> aggregates = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        for (DispatchedEvent event : probes) {
            ids.add(event.id());
            aggregates.add(event.aggregateId());
            positions.add(event.position());
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                insert into outbox_probe_delivery (handler, event_id, aggregate_id, position, ok)
                select ?, e, a, p, ? from unnest(?::bigint[], ?::text[], ?::bigint[]) with ordinality as d(e, a, p, n) order by n""")) {
            insert.setString(1, name);
            insert.setBoolean(2, ok);
            insert.setArray(3, connection.createArrayOf("bigint", ids.toArray()));
            insert.setArray(4, connection.createArrayOf("text", aggregates.toArray()));
            insert.setArray(5, connection.createArrayOf("bigint", positions.toArray()));
            insert.executeUpdate();
        }
    }
}
