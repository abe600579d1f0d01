package org.imagehub.analytics;

import org.imagehub.platform.errors.ForbiddenException;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.security.Actor;

/** Organisations see their own figures; the central organisation and admins see every organisation's. */
final class ReportAccess {
    private ReportAccess() {
    }

    static boolean seesAll(Actor caller) {
        return caller.isAdmin() || caller.centralOrganisation();
    }

    /** The organisation a report covers: the one named, or by default the caller's (null, every one, for those who see all). */
    static String organisation(Actor caller, String requested) {
        if (requested == null) {
            return seesAll(caller) ? null : own(caller);
        }
        return named(caller, requested);
    }

    /** One organisation, named or the caller's own. */
    static String oneOrganisation(Actor caller, String requested) {
        return requested == null ? own(caller) : named(caller, requested);
    }

    private static String named(Actor caller, String requested) {
        if (!seesAll(caller) && !requested.equals(caller.organisation())) {
            throw new ForbiddenException("Only the central organisation and admins see another organisation's figures.");
        }
        return requested;
    }

    private static String own(Actor caller) {
        if (caller.organisation() == null) {
            throw ValidationException.of("query.organisation", "required", "name the organisation");
        }
        return caller.organisation();
    }
}
