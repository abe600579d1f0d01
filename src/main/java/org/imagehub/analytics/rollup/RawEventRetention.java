package org.imagehub.analytics.rollup;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.imagehub.analytics.AnalyticsConfig;
import org.imagehub.analytics.events.VisitorHashes;
import org.jboss.logging.Logger;

/**
 * Keeps the raw events' monthly partitions: the coming months exist before their first event, and months wholly past
 * hub.analytics.raw-retention are dropped (their roll-ups stay). Past days' visitor salts are deleted at the same time.
 */
@ApplicationScoped
public class RawEventRetention {
    private static final Logger LOG = Logger.getLogger(RawEventRetention.class);

    private final EntityManager entityManager;
    private final VisitorHashes visitors;
    private final AnalyticsConfig config;
    private final Clock clock;

    public RawEventRetention(EntityManager entityManager, VisitorHashes visitors, AnalyticsConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.visitors = visitors;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            maintain();
        } catch (RuntimeException e) {
            // Two replicas starting together, say: the months exist already (the migration made them), the next run retries.
            LOG.warnf("Analytics partition maintenance at start failed (retried every 6 h): %s", e.getMessage());
        }
    }

    /** The past day's visitor salt is deleted minutes after midnight UTC, not hours. */
    @Scheduled(cron = "0 1 0 * * ?", timeZone = "UTC", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetYesterdaysSalt() {
        visitors.forgetPastDays();
    }

    @Scheduled(every = "6h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        maintain();
    }

    /** Creates the coming months' partitions and drops the expired ones; returns how many were dropped. */
    @Transactional
    public int maintain() {
        entityManager.createNativeQuery("select analytics_ensure_partitions(2)").getSingleResult();
        int dropped = ((Number) entityManager.createNativeQuery("select analytics_drop_partitions_before(?1)")
                .setParameter(1, Instant.now(clock).minus(config.rawRetention())).getSingleResult()).intValue();
        int salts = visitors.forgetPastDays();
        if (dropped > 0 || salts > 0) {
            LOG.infof("Analytics retention: %d raw month(s) dropped, %d past day salt(s) deleted", dropped, salts);
        }
        return dropped;
    }
}
