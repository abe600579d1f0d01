package org.imagehub.security;

/** The editorial roles, as they appear in the identity token's role claim. */
public final class Roles {
    public static final String CONTRIBUTOR = "contributor";
    public static final String EDITOR = "editor";
    public static final String APPROVER = "approver";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
