package org.imagehub.security;

import java.util.Set;

/**
 * The signed-in person behind a management request: who, for which organisation, with which roles, and whether
 * that organisation is a central one (whose approvers may act on every organisation's content).
 */
public record Actor(String userId, String organisation, Set<String> roles, boolean centralOrganisation) {
    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }
}
