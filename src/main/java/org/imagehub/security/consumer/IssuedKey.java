package org.imagehub.security.consumer;

import java.time.Instant;

/** The answer to issuing a key: the only time the key itself is shown. */
public record IssuedKey(String id, String consumerId, String key, String hint, Instant expiresAt) {

    /** What a retry with the same Idempotency-Key gets: the key's identity, not the key. */
    IssuedKey withoutSecret() {
        return new IssuedKey(id, consumerId, null, hint, expiresAt);
    }
}
