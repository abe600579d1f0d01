package org.imagehub.distribution;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Which aggregates still have an event on its way to a handler: committed but not yet routed, or routed and waiting
 * for it (parked ones are not on their way). A consistency check leaves them out, since the handler will bring them
 * up to date anyway: during a bulk import thousands of stories are only behind, not lost.
 */
@ApplicationScoped
public class EventsOnTheirWay {
    private final AgroalDataSource dataSource;

    public EventsOnTheirWay(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Set<String> aggregates(String handler, String aggregateType) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        select aggregate_id from outbox_delivery where handler = ? and aggregate_type = ? and parked_at is null
                        union
                        select aggregate_id from outbox_event where routed_at is null and aggregate_type = ?""")) {
            select.setString(1, handler);
            select.setString(2, aggregateType);
            select.setString(3, aggregateType);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }
}
