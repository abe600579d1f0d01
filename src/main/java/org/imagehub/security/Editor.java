package org.imagehub.security;

import java.util.Set;

/** The signed-in person behind a management request: who, for which organisation, with which roles. */
public record Editor(String userId, String organisation, Set<String> roles) {
    public boolean has(String role) {
        return roles.contains(role);
    }
}
