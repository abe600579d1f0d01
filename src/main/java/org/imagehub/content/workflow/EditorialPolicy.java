package org.imagehub.content.workflow;

import org.imagehub.platform.errors.ForbiddenException;
import org.imagehub.platform.errors.InvalidTransitionException;
import org.imagehub.platform.errors.NotFoundException;
import org.imagehub.security.Actor;
import org.imagehub.security.Roles;

/**
 * Who may do what to a localization, in one place. An editor acts for their own organisation; admins, and approvers
 * of a central organisation, act for every organisation. Outside the organisations one acts for, only published
 * localizations are visible: anything else answers 404, so other organisations' drafts are not even confirmed to exist.
 */
public final class EditorialPolicy {
    private EditorialPolicy() {
    }

    /** The outcome of asking for an action. */
    public enum Outcome { ALLOWED, NOT_FOUND, FORBIDDEN, INVALID_TRANSITION }

    /** What the action leads to; {@code target} and {@code fastTracked} are meaningful only when allowed. */
    public record Decision(Outcome outcome, WorkflowState target, boolean fastTracked, String reason) {
        static Decision allowed(WorkflowState target, boolean fastTracked) {
            return new Decision(Outcome.ALLOWED, target, fastTracked, null);
        }

        static Decision refused(Outcome outcome, String reason) {
            return new Decision(outcome, null, false, reason);
        }

        /** Throws the error this refusal stands for, or returns the target state. */
        public WorkflowState orThrow() {
            return switch (outcome) {
                case ALLOWED -> target;
                case NOT_FOUND -> throw new NotFoundException(reason);
                case FORBIDDEN -> throw new ForbiddenException(reason);
                case INVALID_TRANSITION -> throw new InvalidTransitionException(reason);
            };
        }
    }

    public static boolean actsFor(Actor editor, String owner) {
        return actsForAll(editor) || editor.organisation().equals(owner);
    }

    /** Admins, and approvers of a central organisation, act for every organisation. */
    public static boolean actsForAll(Actor editor) {
        return editor.isAdmin() || (editor.centralOrganisation() && Roles.level(editor.roles()) == Roles.Level.APPROVER);
    }

    /** Other organisations see published localizations only, and nothing of a story while it is under embargo. */
    public static boolean maySee(Actor editor, String owner, WorkflowState state, boolean underEmbargo) {
        return (state == WorkflowState.PUBLISHED && !underEmbargo) || actsFor(editor, owner);
    }

    /** The workflow history (comments, actors) of a localization: its own organisation and central organisations only. */
    public static boolean maySeeHistory(Actor editor, String owner) {
        return actsFor(editor, owner) || editor.centralOrganisation();
    }

    /**
     * @param live     consumers currently get a revision of this localization (it can be live while a newer draft is reviewed)
     * @param breaking the story is marked breaking, so a central approver may publish it at once
     * Callers have already answered 404 for an embargoed story of another organisation.
     */
    public static Decision decide(Actor editor, String owner, WorkflowState state, boolean live, boolean breaking, WorkflowAction action) {
        if (!maySee(editor, owner, state, false)) {
            return Decision.refused(Outcome.NOT_FOUND, "No such localization.");
        }
        if (!actsFor(editor, owner)) {
            return Decision.refused(Outcome.FORBIDDEN, "Only organisation '" + owner + "' or a central approver may change this localization.");
        }
        Roles.Level level = Roles.level(editor.roles());
        if (level.compareTo(required(action)) < 0 || (level == Roles.Level.CONTRIBUTOR && state != WorkflowState.DRAFT)) {
            return Decision.refused(Outcome.FORBIDDEN, "Your role may not " + action.code() + " a localization that is " + state.code() + ".");
        }
        return target(editor, state, live, breaking, action);
    }

    /**
     * A story's own attributes (type fields, rights, topics, countries, embargo, expiry …) reach consumers with every
     * live language at once: once a language is approved, scheduled or live, only an approver may change them.
     */
    public static Decision decideAttributeChange(Actor editor, String owner, boolean approvedOrLive) {
        if (!actsFor(editor, owner)) {
            return Decision.refused(Outcome.FORBIDDEN, "Only organisation '" + owner + "' or a central approver may change this story.");
        }
        if (approvedOrLive && Roles.level(editor.roles()).compareTo(Roles.Level.APPROVER) < 0) {
            return Decision.refused(Outcome.FORBIDDEN,
                    "This story has an approved or live language: only an approver may change its attributes (consumers would see them at once).");
        }
        return Decision.allowed(null, false);
    }

    /** Approved and scheduled text goes live without another review, so it counts as live for attribute changes. */
    public static boolean approvedOrLive(WorkflowState state, boolean live) {
        return live || state == WorkflowState.APPROVED || state == WorkflowState.SCHEDULED || state == WorkflowState.PUBLISHED;
    }

    private static Roles.Level required(WorkflowAction action) {
        return switch (action) {
            case EDIT -> Roles.Level.CONTRIBUTOR;
            case SUBMIT -> Roles.Level.EDITOR;
            default -> Roles.Level.APPROVER;
        };
    }

    private static Decision target(Actor editor, WorkflowState state, boolean live, boolean breaking, WorkflowAction action) {
        WorkflowState target = switch (action) {
            case EDIT -> state == WorkflowState.IN_REVIEW ? WorkflowState.IN_REVIEW : WorkflowState.DRAFT;
            case SUBMIT -> state == WorkflowState.DRAFT ? WorkflowState.IN_REVIEW : null;
            case RETURN -> state == WorkflowState.IN_REVIEW || state == WorkflowState.APPROVED ? WorkflowState.DRAFT : null;
            case APPROVE -> state == WorkflowState.IN_REVIEW ? WorkflowState.APPROVED : null;
            case PUBLISH -> state == WorkflowState.APPROVED || state == WorkflowState.SCHEDULED ? WorkflowState.PUBLISHED : null;
            case SCHEDULE -> state == WorkflowState.APPROVED ? WorkflowState.SCHEDULED : null;
            case UNSCHEDULE -> state == WorkflowState.SCHEDULED ? WorkflowState.APPROVED : null;
            case WITHDRAW -> state == WorkflowState.PUBLISHED || live ? WorkflowState.WITHDRAWN : null;
            case ARCHIVE -> state == WorkflowState.PUBLISHED || state == WorkflowState.WITHDRAWN ? WorkflowState.ARCHIVED : null;
        };
        if (target != null) {
            return Decision.allowed(target, false);
        }
        boolean unreviewed = state == WorkflowState.DRAFT || state == WorkflowState.IN_REVIEW;
        if (action == WorkflowAction.PUBLISH && unreviewed && breaking) {
            return editor.centralOrganisation()
                    ? Decision.allowed(WorkflowState.PUBLISHED, true)
                    : Decision.refused(Outcome.FORBIDDEN, "Only an approver of a central organisation may fast-track a breaking story.");
        }
        return Decision.refused(Outcome.INVALID_TRANSITION, "A localization that is " + state.code() + " cannot be " + pastTense(action) + ".");
    }

    private static String pastTense(WorkflowAction action) {
        return switch (action) {
            case SUBMIT -> "submitted for review";
            case RETURN -> "returned to draft";
            case APPROVE -> "approved";
            case PUBLISH -> "published";
            case SCHEDULE -> "scheduled";
            case UNSCHEDULE -> "unscheduled";
            case WITHDRAW -> "withdrawn";
            case ARCHIVE -> "archived";
            case EDIT -> "edited";
        };
    }
}
