package org.imagehub.content.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.imagehub.content.story.Localization;
import org.imagehub.content.story.Story;
import org.imagehub.distribution.Outbox;
import org.imagehub.security.Actor;
import org.imagehub.security.audit.AuditLog;

/**
 * Applies a decided workflow step inside the caller's transaction: the new state, the transition record, the audit
 * entry and the outbox event go in together. Shared by editors' requests, content edits and timed actions.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class WorkflowRecorder {
    private final AuditLog audit;
    private final Outbox outbox;
    private final PublicationProjector projector;

    public WorkflowRecorder(AuditLog audit, Outbox outbox, PublicationProjector projector) {
        this.audit = audit;
        this.outbox = outbox;
        this.projector = projector;
    }

    /** One step: what was done, the resulting state, by whom, with which comment and (for scheduling) when to publish. */
    public record Step(WorkflowAction action, WorkflowState target, Actor actor, String comment, boolean fastTracked, Instant scheduledFor,
            String publicReason) {
        public Step(WorkflowAction action, WorkflowState target, Actor actor, String comment, boolean fastTracked, Instant scheduledFor) {
            this(action, target, actor, comment, fastTracked, scheduledFor, null);
        }
    }

    public void apply(Story story, Localization localization, Step step, Instant now) {
        if (change(story, localization, step, now, null)) {
            projector.project(story, false);
        }
    }

    /**
     * The step without the projection into the published view, for bulk callers that project each changed story
     * once when all its steps are done (see {@link BulkPublisher}). The transition row goes into {@code transitions}
     * when given (written later as one JDBC batch), otherwise it is persisted now. Returns whether the story's
     * published view must be projected.
     */
    boolean change(Story story, Localization localization, Step step, Instant now, TransitionBatch transitions) {
        WorkflowState from = WorkflowState.of(localization.status);
        Integer liveBefore = localization.publishedRevision;
        localization.status = step.target().code();
        localization.scheduledAt = step.scheduledFor();
        switch (step.target()) {
            case PUBLISHED -> {
                localization.publishedRevision = localization.currentRevision;
                localization.publishedAt = now;
                if (localization.firstPublishedAt == null) {
                    localization.firstPublishedAt = now;
                }
                localization.withdrawnReason = null;
                localization.publicReason = null;
            }
            case WITHDRAWN -> {
                localization.publishedRevision = null;
                localization.withdrawnReason = step.comment();
                localization.publicReason = step.publicReason();
            }
            case ARCHIVED -> localization.publishedRevision = null;
            default -> {
            }
        }
        localization.version++;
        localization.updatedAt = now;
        story.version++;
        story.updatedAt = now;
        record(story, localization, step, from, now, transitions);
        return !java.util.Objects.equals(liveBefore, localization.publishedRevision) || step.target() == WorkflowState.PUBLISHED;
    }

    private void record(Story story, Localization localization, Step step, WorkflowState from, Instant now, TransitionBatch transitions) {
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
        if (step.scheduledFor() != null) {
            details.put("scheduledFor", step.scheduledFor().toString());
        }
        if (step.publicReason() != null) {
            details.put("publicReason", step.publicReason());
        }
        audit.record(step.actor(), new AuditLog.Write("localization." + step.action().code(), "story", story.id,
                (long) localization.currentRevision, details));
        Map<String, Object> payload = new LinkedHashMap<>(details);
        payload.put("storyId", story.id);
        payload.put("revision", localization.currentRevision);
        outbox.append("localization." + step.target().code(), "story", story.id, payload);
    }
}
