package org.imagehub.distribution.dispatch;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.imagehub.platform.HubConfig;
import org.jboss.logging.Logger;

/**
 * Deletes events older than the retention period that every handler has handled (routed, no delivery left; a
 * parked delivery keeps its event). Any replica may run it at any time: deleting twice deletes nothing.
 */
@ApplicationScoped
public class Pruner {
    private static final Logger LOG = Logger.getLogger(Pruner.class);
    private static final int BATCH = 5000;

    private final AgroalDataSource dataSource;
    private final HubConfig.Outbox config;
    private final Clock clock;

    public Pruner(AgroalDataSource dataSource, HubConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config.outbox();
        this.clock = clock;
    }

    @Scheduled(every = "${hub.outbox.prune-interval:10m}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        try {
            long total = 0;
            int deleted;
            do {
                deleted = prune(Instant.now(clock).minus(config.retention()));
                total += deleted;
            } while (deleted == BATCH);
            if (total > 0) {
                LOG.infof("Outbox: pruned %d handled events older than %s", total, config.retention());
            }
        } catch (SQLException e) {
            LOG.warnf("Outbox pruning failed, retried at the next run: %s", e.getMessage());
        }
    }

    /** One batch, oldest first (the primary key walks them in creation order); returns how many it deleted. */
    public int prune(Instant olderThan) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement delete = connection.prepareStatement("""
                delete from outbox_event where id in (
                    select e.id from outbox_event e
                     where e.created_at < ? and e.routed_at is not null
                       and not exists (select 1 from outbox_delivery d where d.event_id = e.id)
                     order by e.id limit ? for update skip locked)""")) {
            delete.setTimestamp(1, Timestamp.from(olderThan));
            delete.setInt(2, BATCH);
            return delete.executeUpdate();
        }
    }
}
