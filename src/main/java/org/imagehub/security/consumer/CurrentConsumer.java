package org.imagehub.security.consumer;

import jakarta.enterprise.context.RequestScoped;
import java.util.function.Supplier;
import org.imagehub.platform.errors.UnauthenticatedException;

/** The consumer whose API key authenticated the current request (set by {@link ConsumerKeyFilter}). */
@RequestScoped
public class CurrentConsumer {
    private ConsumerAccess access;
    private Supplier<String> clientAddress = () -> null;

    void set(ConsumerAccess access, Supplier<String> clientAddress) {
        this.access = access;
        this.clientAddress = clientAddress;
    }

    /** The client's address as the key check saw it (behind trusted proxies, the forwarded one): never to be stored. */
    public String clientAddress() {
        return clientAddress.get();
    }

    public ConsumerAccess get() {
        if (access == null) {
            throw new UnauthenticatedException("An API key is required.");
        }
        return access;
    }
}
