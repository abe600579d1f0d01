package org.imagehub.content.workflow;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.imagehub.content.story.Localization;
import org.imagehub.content.story.Story;
import org.imagehub.content.events.ContentChanges;
import org.imagehub.content.events.EmbargoLifted;
import org.imagehub.platform.NativeSql;
import org.imagehub.security.audit.AuditLog;
import org.jboss.logging.Logger;

/**
 * Scheduled publication, embargo lift and expiry, run by every replica. Each due story is handled in its own
 * transaction that first takes the story's row with {@code FOR UPDATE SKIP LOCKED} and then re-reads what is due
 * under that lock: two replicas never act on one story, an action another replica has just done is not done again,
 * and one story that fails does not hold back the others.
 */
@ApplicationScoped
public class TimedActions {
    private static final Logger LOG = Logger.getLogger(TimedActions.class);
    private static final int BATCH = 50;

    private final EntityManager entityManager;
    private final WorkflowRecorder recorder;
    private final ContentChanges changes;
    private final Clock clock;

    public TimedActions(EntityManager entityManager, WorkflowRecorder recorder, ContentChanges changes, Clock clock) {
        this.entityManager = entityManager;
        this.recorder = recorder;
        this.changes = changes;
        this.clock = clock;
    }

    @Scheduled(every = "${hub.workflow.timed-actions-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        int published;
        int lifted;
        int expired;
        // Each batch is taken in the order of its due-time index, so the statement reads the due rows only: ordered by
        // id, a generic plan (the datasource keeps one per statement) walked the whole story table on every run.
        do {
            published = forEachDue("""
                    select story_id from localization where status = 'scheduled' and scheduled_at <= ?1
                    group by story_id order by min(scheduled_at), story_id limit ?2""", this::publish);
            lifted = forEachDue("select id from story where embargo_until <= ?1 and not embargo_lifted order by embargo_until, id limit ?2",
                    this::liftEmbargo);
            expired = forEachDue("""
                    select s.id from story s where s.expires_at <= ?1 and exists (select 1 from localization l
                        where l.story_id = s.id and l.published_revision is not null) order by s.expires_at, s.id limit ?2""", this::expire);
            if (published + lifted + expired > 0) {
                LOG.infof("Timed actions: %d stories with scheduled publications, %d embargoes lifted, %d stories expired",
                        published, lifted, expired);
            }
        } while (published + lifted + expired > 0);
    }

    /** Runs {@code action} on each due story in its own transaction; returns how many it acted on. */
    private int forEachDue(String candidatesSql, Predicate<String> action) {
        List<?> candidates = QuarkusTransaction.requiringNew().call(() -> query(candidatesSql, Instant.now(clock), BATCH).getResultList());
        int done = 0;
        for (Object id : candidates) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> action.test((String) id))) {
                    done++;
                }
            } catch (RuntimeException e) {
                // Rolled back; retried at the next run, and the other stories go on.
                LOG.warnf("Timed action on story %s failed: %s", id, e.toString());
            }
        }
        return done;
    }

    private boolean publish(String storyId) {
        Instant now = Instant.now(clock);
        Story story = claim(storyId);
        List<Localization> due = story == null ? List.of()
                : localizations("select * from localization where story_id = ?1 and status = 'scheduled' and scheduled_at <= ?2", storyId, now);
        for (Localization localization : due) {
            recorder.apply(story, localization, new WorkflowRecorder.Step(WorkflowAction.PUBLISH, WorkflowState.PUBLISHED,
                    AuditLog.SYSTEM, "scheduled for " + localization.scheduledAt, false, null), now);
        }
        return !due.isEmpty();
    }

    /** Tells consumers that a story whose embargo has passed may now be delivered. */
    private boolean liftEmbargo(String storyId) {
        Instant now = Instant.now(clock);
        Story story = claim(storyId);
        if (story == null || story.embargoLifted || story.embargoUntil == null || story.embargoUntil.isAfter(now)) {
            return false;
        }
        story.embargoLifted = true;
        story.version++;
        story.updatedAt = now;
        changes.record(AuditLog.SYSTEM, new AuditLog.Write("story.embargo-lifted", "story", storyId, story.version,
                Map.of("embargoUntil", story.embargoUntil.toString())), new EmbargoLifted(ContentChanges.meta(AuditLog.SYSTEM, now), storyId));
        return true;
    }

    /** Withdraws every live localization of a story past its expiry time. */
    private boolean expire(String storyId) {
        Instant now = Instant.now(clock);
        Story story = claim(storyId);
        if (story == null || story.expiresAt == null || story.expiresAt.isAfter(now)) {
            return false;
        }
        List<Localization> live = localizations("select * from localization where story_id = ?1 and published_revision is not null", storyId);
        for (Localization localization : live) {
            recorder.apply(story, localization, new WorkflowRecorder.Step(WorkflowAction.WITHDRAW, WorkflowState.WITHDRAWN,
                    AuditLog.SYSTEM, "expired at " + story.expiresAt, false, null), now);
        }
        return !live.isEmpty();
    }

    /** The story, locked for this transaction, or null when another replica holds it (it acts on it, not us). */
    private Story claim(String storyId) {
        List<?> locked = query("select id from story where id = ?1 for update skip locked", storyId).getResultList();
        return locked.isEmpty() ? null : entityManager.find(Story.class, storyId);
    }

    /** A fresh statement after the claim: sees what another replica committed before we got the story's lock. */
    @SuppressWarnings("unchecked")
    private List<Localization> localizations(String sql, Object... parameters) {
        return NativeSql.bind(entityManager.createNativeQuery(sql, Localization.class), parameters).getResultList();
    }

    private Query query(String sql, Object... parameters) {
        return NativeSql.bind(entityManager.createNativeQuery(sql), parameters);
    }
}
