package org.imagehub.social;

import org.imagehub.content.workflow.EditorialPolicy;
import org.imagehub.platform.errors.ForbiddenException;
import org.imagehub.security.Actor;
import org.imagehub.security.Roles;

/** Who may do what with an organisation's social accounts and posts. */
public final class SocialPermissions {
    private SocialPermissions() {
    }

    /** Editors (and above) of the organisation, of a central organisation as approvers, and admins write its posts. */
    public static boolean mayEdit(Actor actor, String organisation) {
        return EditorialPolicy.actsFor(actor, organisation) && Roles.level(actor.roles()).compareTo(Roles.Level.EDITOR) >= 0;
    }

    /** Approvers of the organisation (or of a central one) and admins approve its posts and manage its accounts. */
    public static boolean mayApprove(Actor actor, String organisation) {
        return EditorialPolicy.actsFor(actor, organisation) && Roles.level(actor.roles()) == Roles.Level.APPROVER;
    }

    public static void requireEditor(Actor actor, String organisation) {
        if (!mayEdit(actor, organisation)) {
            throw new ForbiddenException("Only editors of organisation '" + organisation + "' (or of a central organisation) may do this.");
        }
    }

    public static void requireApprover(Actor actor, String organisation) {
        if (!mayApprove(actor, organisation)) {
            throw new ForbiddenException("Only approvers of organisation '" + organisation + "' (or of a central organisation) may do this.");
        }
    }
}
