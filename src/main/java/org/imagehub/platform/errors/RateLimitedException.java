package org.imagehub.platform.errors;

import java.time.Duration;

/** The caller sent too many requests; it may try again after {@link #retryAfter()}. */
public class RateLimitedException extends DomainException {
    private final Duration retryAfter;

    public RateLimitedException(String detail, Duration retryAfter) {
        super(detail);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
