package org.imagehub.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.imagehub.platform.errors.UnauthenticatedException;
import org.imagehub.security.organisation.OrganisationService;

/** The {@link Actor} of the current request, read from the verified identity token. */
@RequestScoped
public class CurrentActor {
    private final SecurityIdentity identity;
    private final SecurityConfig config;
    private final OrganisationService organisations;
    private Actor resolved;

    public CurrentActor(SecurityIdentity identity, SecurityConfig config, OrganisationService organisations) {
        this.identity = identity;
        this.config = config;
        this.organisations = organisations;
    }

    public Actor get() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw new UnauthenticatedException("Sign in to use the management API.");
        }
        if (resolved == null) {
            String organisation = ClaimPath.of(config.organisationClaim()).text(token::getClaim).orElse("");
            resolved = new Actor(token.getSubject() == null ? token.getName() : token.getSubject(), organisation, identity.getRoles(),
                    organisations.isCentral(organisation));
        }
        return resolved;
    }
}
