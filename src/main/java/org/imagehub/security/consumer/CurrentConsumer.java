package org.imagehub.security.consumer;

import jakarta.enterprise.context.RequestScoped;
import org.imagehub.platform.errors.UnauthenticatedException;

/** The consumer whose API key authenticated the current request (set by {@link ConsumerKeyFilter}). */
@RequestScoped
public class CurrentConsumer {
    private ConsumerAccess access;

    void set(ConsumerAccess access) {
        this.access = access;
    }

    public ConsumerAccess get() {
        if (access == null) {
            throw new UnauthenticatedException("An API key is required.");
        }
        return access;
    }
}
