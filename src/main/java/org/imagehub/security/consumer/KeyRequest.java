package org.imagehub.security.consumer;

import java.time.Instant;

/** Issuing a key: when it stops working (required, so no key lives forever by accident). */
public record KeyRequest(Instant expiresAt) {
}
