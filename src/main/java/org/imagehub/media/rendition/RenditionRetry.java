package org.imagehub.media.rendition;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.imagehub.media.MediaConfig;
import org.imagehub.media.asset.MediaAsset;
import org.imagehub.media.events.MediaChanges;
import org.imagehub.media.events.RenditionsRequested;
import org.imagehub.platform.NativeSql;
import org.imagehub.security.audit.AuditLog;

/**
 * Asks again for renditions still pending long after they were requested: the dispatcher gives up on an event after
 * hub.outbox.max-attempts, and an outage of object storage can outlast that. Each replica claims its share with
 * FOR UPDATE SKIP LOCKED, so each asset is asked for once.
 */
@ApplicationScoped
public class RenditionRetry {
    private final EntityManager entityManager;
    private final MediaChanges changes;
    private final MediaConfig config;
    private final Clock clock;

    public RenditionRetry(EntityManager entityManager, MediaChanges changes, MediaConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.changes = changes;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${hub.media.rendition-retry-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void retryPending() {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now(clock);
            @SuppressWarnings("unchecked")
            List<String> ids = NativeSql.bind(entityManager.createNativeQuery("""
                    select id from media_asset where renditions_status = 'pending' and renditions_requested_at < ?1
                     order by renditions_requested_at limit 100 for update skip locked"""),
                    java.sql.Timestamp.from(now.minus(config.renditionRetryAfter()))).getResultList();
            for (String id : ids) {
                MediaAsset.update("renditionsRequestedAt = ?1 where id = ?2", now, id);
                changes.record(AuditLog.SYSTEM, new AuditLog.Write("media.renditions-requested", "media-asset", id, null, Map.of()),
                        new RenditionsRequested(MediaChanges.meta(AuditLog.SYSTEM, now), id));
            }
        });
    }
}
