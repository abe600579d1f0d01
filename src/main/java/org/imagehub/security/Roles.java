package org.imagehub.security;

import java.util.Set;

/**
 * The editorial roles, as they appear in the identity token's role claim. They are cumulative: an editor may do
 * what a contributor may, an approver what an editor may; an admin also manages organisations, consumers and keys.
 */
public final class Roles {
    public static final String CONTRIBUTOR = "contributor";
    public static final String EDITOR = "editor";
    public static final String APPROVER = "approver";
    public static final String ADMIN = "admin";

    /** A role level, lowest first, for rules phrased as "at least an editor". */
    public enum Level { NONE, CONTRIBUTOR, EDITOR, APPROVER }

    private Roles() {
    }

    public static Level level(Set<String> roles) {
        if (roles.contains(APPROVER) || roles.contains(ADMIN)) {
            return Level.APPROVER;
        }
        if (roles.contains(EDITOR)) {
            return Level.EDITOR;
        }
        return roles.contains(CONTRIBUTOR) ? Level.CONTRIBUTOR : Level.NONE;
    }
}
