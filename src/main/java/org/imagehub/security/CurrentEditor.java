package org.imagehub.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.imagehub.platform.errors.UnauthenticatedException;

/** The {@link Editor} of the current request, read from the verified identity token. */
@RequestScoped
public class CurrentEditor {
    private final SecurityIdentity identity;
    private final SecurityConfig config;

    public CurrentEditor(SecurityIdentity identity, SecurityConfig config) {
        this.identity = identity;
        this.config = config;
    }

    public Editor get() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw new UnauthenticatedException("Sign in to use the management API.");
        }
        Object organisation = token.getClaim(config.organisationClaim());
        return new Editor(token.getSubject() == null ? token.getName() : token.getSubject(),
                organisation == null ? "" : organisation.toString(),
                identity.getRoles());
    }
}
