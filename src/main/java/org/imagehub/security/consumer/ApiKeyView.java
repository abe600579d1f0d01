package org.imagehub.security.consumer;

import java.time.Instant;

/** A key as lists show it: never the key itself. */
public record ApiKeyView(String id, String consumerId, String hint, Instant createdAt, String createdBy, Instant expiresAt, Instant revokedAt,
        Instant lastUsedAt) {
    static ApiKeyView of(ApiKey key) {
        return new ApiKeyView(key.id, key.consumerId, key.hint, key.createdAt, key.createdBy, key.expiresAt, key.revokedAt, key.lastUsedAt);
    }
}
