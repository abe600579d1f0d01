package org.imagehub.platform.idempotency;

/** What a create answered: replayed to a retry that carries the same Idempotency-Key. */
public record IdempotentCreate(int status, String location, String body, boolean replayed) {
}
