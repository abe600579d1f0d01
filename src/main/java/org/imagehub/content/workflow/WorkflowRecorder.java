package org.imagehub.content.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.imagehub.content.story.Localization;
import org.imagehub.content.story.Story;
import org.imagehub.content.events.ContentChanges;
import org.imagehub.content.events.LocalizationTransitioned;
import org.imagehub.security.Actor;
import org.imagehub.security.audit.AuditLog;

/**
 * Applies a decided workflow step inside the caller's transaction: the new state and the transition record, then
 * the change is recorded as a {@link LocalizationTransitioned} (audit entry, outbox row, and the published view
 * through delivery's observer). Shared by editors' requests, content edits, timed actions and bulk publication.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class WorkflowRecorder {
    private final ContentChanges changes;

    public WorkflowRecorder(ContentChanges changes) {
        this.changes = changes;
    }

    /** One step: what was done, the resulting state, by whom, with which comment and (for scheduling) when to publish. */
    public record Step(WorkflowAction action, WorkflowState target, Actor actor, String comment, boolean fastTracked, Instant scheduledFor,
            String publicReason) {
        public Step(WorkflowAction action, WorkflowState target, Actor actor, String comment, boolean fastTracked, Instant scheduledFor) {
            this(action, target, actor, comment, fastTracked, scheduledFor, null);
        }
    }

    public void apply(Story story, Localization localization, Step step, Instant now) {
        ContentChanges.Recorded recorded = change(story, localization, step, now, null);
        changes.record(step.actor(), recorded.audit(), recorded.event());
    }

    /**
     * The step, not yet recorded, for bulk callers that record all steps as one batch (see {@link BulkPublisher}).
     * The transition row goes into {@code transitions} when given (written later as one JDBC batch), otherwise it is
     * persisted now.
     */
    ContentChanges.Recorded change(Story story, Localization localization, Step step, Instant now, TransitionBatch transitions) {
        WorkflowState from = WorkflowState.of(localization.status);
        Integer liveBefore = localization.publishedRevision;
        localization.status = step.target().code();
        localization.scheduledAt = step.scheduledFor();
        switch (step.target()) {
            case PUBLISHED -> {
                localization.publishedRevision = localization.currentRevision;
                localization.liveSlug = localization.content.slug();
                localization.publishedAt = now;
                if (localization.firstPublishedAt == null) {
                    localization.firstPublishedAt = now;
                }
                localization.withdrawnReason = null;
                localization.publicReason = null;
            }
            case WITHDRAWN -> {
                localization.publishedRevision = null;
                localization.liveSlug = null;
                localization.withdrawnReason = step.comment();
                localization.publicReason = step.publicReason();
            }
            case ARCHIVED -> {
                localization.publishedRevision = null;
                localization.liveSlug = null;
            }
            default -> {
            }
        }
        localization.version++;
        localization.updatedAt = now;
        story.version++;
        story.updatedAt = now;
        boolean liveChanged = !java.util.Objects.equals(liveBefore, localization.publishedRevision) || step.target() == WorkflowState.PUBLISHED;
        return record(story, localization, step, from, now, transitions, liveChanged);
    }

    private ContentChanges.Recorded record(Story story, Localization localization, Step step, WorkflowState from, Instant now,
            TransitionBatch transitions, boolean liveChanged) {
        WorkflowTransition transition = new WorkflowTransition();
        transition.storyId = story.id;
        transition.lang = localization.lang;
        transition.action = step.action().code();
        transition.fromStatus = from.code();
        transition.toStatus = step.target().code();
        transition.revision = localization.currentRevision;
        transition.actor = step.actor().userId();
        transition.organisation = step.actor().organisation();
        transition.comment = step.comment();
        transition.fastTracked = step.fastTracked();
        transition.scheduledFor = step.scheduledFor();
        transition.at = now;
        if (transitions == null) {
            transition.persist();
        } else {
            transitions.add(transition);
        }

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("lang", localization.lang);
        details.put("from", from.code());
        details.put("to", step.target().code());
        if (step.comment() != null) {
            details.put("comment", step.comment());
        }
        if (step.fastTracked()) {
            details.put("fastTracked", true);
        }
        String scheduledFor = step.scheduledFor() == null ? null : step.scheduledFor().toString();
        if (scheduledFor != null) {
            details.put("scheduledFor", scheduledFor);
        }
        if (step.publicReason() != null) {
            details.put("publicReason", step.publicReason());
        }
        AuditLog.Write audit = new AuditLog.Write("localization." + step.action().code(), "story", story.id, (long) localization.currentRevision,
                details);
        LocalizationTransitioned event = new LocalizationTransitioned(ContentChanges.meta(step.actor(), now), story.id, localization.lang,
                step.action().code(), from.code(), step.target().code(), step.comment(), step.fastTracked() ? Boolean.TRUE : null, scheduledFor,
                step.publicReason(), localization.currentRevision, liveChanged);
        return new ContentChanges.Recorded(audit, event);
    }
}
