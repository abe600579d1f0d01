package org.imagehub.delivery.webhooks;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.imagehub.platform.NativeSql;
import org.jboss.logging.Logger;

/** Forgets finished deliveries older than {@code hub.webhooks.retention}, their attempts, and bodies no delivery needs. */
@ApplicationScoped
public class WebhookRetention {
    private static final Logger LOG = Logger.getLogger(WebhookRetention.class);

    private final EntityManager entityManager;
    private final WebhookConfig config;
    private final Clock clock;

    public WebhookRetention(EntityManager entityManager, WebhookConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void prune() {
        Timestamp before = Timestamp.from(Instant.now(clock).minus(config.retention()));
        int deliveries = NativeSql.bind(entityManager.createNativeQuery("""
                delete from webhook_delivery where (status = 'delivered' and delivered_at < ?1) or (status = 'parked' and last_attempt_at < ?1)"""),
                before).executeUpdate();
        int bodies = NativeSql.bind(entityManager.createNativeQuery("""
                delete from webhook_payload p where p.created_at < ?1 and not exists (select 1 from webhook_delivery d where d.payload_hash = p.hash)"""),
                before).executeUpdate();
        if (deliveries + bodies > 0) {
            LOG.infof("Webhook retention: %d deliveries and %d bodies older than %s forgotten", deliveries, bodies, config.retention());
        }
    }
}
