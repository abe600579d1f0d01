package org.imagehub.content.workflow;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.imagehub.content.story.Localization;
import org.imagehub.content.story.Story;
import org.imagehub.distribution.Outbox;
import org.imagehub.security.audit.AuditLog;
import org.jboss.logging.Logger;

/**
 * Scheduled publication, embargo lift and expiry, run by every replica. Each claims due stories with
 * {@code FOR UPDATE SKIP LOCKED}, then re-reads what is due under that lock, so two replicas never act on one story
 * and an action that another replica has just done is not done again.
 */
@ApplicationScoped
public class TimedActions {
    private static final Logger LOG = Logger.getLogger(TimedActions.class);
    private static final int BATCH = 50;

    private final EntityManager entityManager;
    private final WorkflowRecorder recorder;
    private final AuditLog audit;
    private final Outbox outbox;
    private final PublicationProjector projector;
    private final Clock clock;

    public TimedActions(EntityManager entityManager, WorkflowRecorder recorder, AuditLog audit, Outbox outbox, PublicationProjector projector,
            Clock clock) {
        this.projector = projector;
        this.entityManager = entityManager;
        this.recorder = recorder;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(every = "${hub.workflow.timed-actions-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        try {
            int published;
            int lifted;
            int expired;
            do {
                published = publishDue();
                lifted = liftDueEmbargoes();
                expired = expireDue();
                if (published + lifted + expired > 0) {
                    LOG.infof("Timed actions: %d stories with scheduled publications, %d embargoes lifted, %d stories expired",
                            published, lifted, expired);
                }
            } while (published + lifted + expired > 0);
        } catch (RuntimeException e) {
            // The next run retries: nothing was committed for the failed batch.
            LOG.warnf("Timed actions failed, retrying at the next run: %s", e.toString());
        }
    }

    /** Publishes scheduled localizations whose time has come; returns how many stories were handled. */
    @Transactional
    int publishDue() {
        Instant now = Instant.now(clock);
        List<String> storyIds = claim("""
                select s.id from story s where exists (select 1 from localization l
                    where l.story_id = s.id and l.status = 'scheduled' and l.scheduled_at <= ?1)
                order by s.id limit ?2 for update of s skip locked""", now);
        for (String storyId : storyIds) {
            Story story = entityManager.find(Story.class, storyId);
            for (Localization localization : due("""
                    select * from localization where story_id = ?1 and status = 'scheduled' and scheduled_at <= ?2""", storyId, now)) {
                recorder.apply(story, localization, new WorkflowRecorder.Step(WorkflowAction.PUBLISH, WorkflowState.PUBLISHED,
                        AuditLog.SYSTEM, "scheduled for " + localization.scheduledAt, false, null), now);
            }
        }
        return storyIds.size();
    }

    /** Tells consumers that stories whose embargo has passed may now be delivered. */
    @Transactional
    int liftDueEmbargoes() {
        Instant now = Instant.now(clock);
        List<String> storyIds = claim("""
                select id from story where embargo_until <= ?1 and not embargo_lifted order by id limit ?2 for update skip locked""", now);
        for (String storyId : storyIds) {
            Story story = entityManager.find(Story.class, storyId);
            story.embargoLifted = true;
            story.version++;
            story.updatedAt = now;
            audit.record(AuditLog.SYSTEM, new AuditLog.Write("story.embargo-lifted", "story", storyId, story.version,
                    Map.of("embargoUntil", story.embargoUntil.toString())));
            outbox.append("story.embargo-lifted", "story", storyId, Map.of("storyId", storyId));
            projector.project(story, true);
        }
        return storyIds.size();
    }

    /** Withdraws every live localization of stories past their expiry time. */
    @Transactional
    int expireDue() {
        Instant now = Instant.now(clock);
        List<String> storyIds = claim("""
                select s.id from story s where s.expires_at <= ?1 and exists (select 1 from localization l
                    where l.story_id = s.id and l.published_revision is not null)
                order by s.id limit ?2 for update of s skip locked""", now);
        for (String storyId : storyIds) {
            Story story = entityManager.find(Story.class, storyId);
            for (Localization localization : due("""
                    select * from localization where story_id = ?1 and published_revision is not null""", storyId)) {
                recorder.apply(story, localization, new WorkflowRecorder.Step(WorkflowAction.WITHDRAW, WorkflowState.WITHDRAWN,
                        AuditLog.SYSTEM, "expired at " + story.expiresAt, false, null), now);
            }
        }
        return storyIds.size();
    }

    @SuppressWarnings("unchecked")
    private List<String> claim(String sql, Instant now) {
        return entityManager.createNativeQuery(sql).setParameter(1, now).setParameter(2, BATCH).getResultList();
    }

    /** A fresh statement after the claim: sees what another replica committed before we got the story's lock. */
    @SuppressWarnings("unchecked")
    private List<Localization> due(String sql, Object... parameters) {
        jakarta.persistence.Query query = entityManager.createNativeQuery(sql, Localization.class);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList();
    }
}
