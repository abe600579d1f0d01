package org.imagehub.platform.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.imagehub.platform.errors.ConflictException;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.platform.Hashes;
import org.imagehub.platform.NativeSql;

/**
 * Idempotency-Key for creates. The key is claimed by an insert in the same transaction as the create: a
 * concurrent retry blocks on the key's row until the first commits, then replays its answer. Reusing a key
 * for a different request is a conflict, not a silent replay.
 */
@ApplicationScoped
public class IdempotencyStore {
    private static final int MAX_KEY_LENGTH = 200;

    private final EntityManager entityManager;

    public IdempotencyStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public IdempotentCreate execute(String scope, String key, String requestBody, Supplier<IdempotentCreate> create) {
        return execute(scope, key, requestBody, create, IdempotentCreate::body);
    }

    /**
     * As {@link #execute(String, String, String, Supplier)}, keeping {@code replayBody} of the first answer for
     * retries instead of the answer itself: for answers holding a secret the hub must not store (an issued API key).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public IdempotentCreate execute(String scope, String key, String requestBody, Supplier<IdempotentCreate> create,
            Function<IdempotentCreate, String> replayBody) {
        if (key == null) {
            return create.get();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new ValidationException("Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters.",
                    List.of(new FieldError("header.Idempotency-Key", "invalid", "1 to " + MAX_KEY_LENGTH + " characters")));
        }
        String hash = Hashes.sha256Hex(requestBody);
        int claimed = NativeSql.bind(entityManager.createNativeQuery(
                        "insert into idempotency_record (scope, idem_key, request_hash, status, response_body) values (?1, ?2, ?3, 0, '') "
                        + "on conflict do nothing"), scope, key, hash)
                .executeUpdate();
        if (claimed == 0) {
            Object[] row = (Object[]) NativeSql.bind(entityManager.createNativeQuery(
                            "select request_hash, status, location, response_body from idempotency_record where scope = ?1 and idem_key = ?2"),
                            scope, key)
                    .getSingleResult();
            if (!hash.equals(row[0])) {
                throw new ConflictException("Idempotency-Key '" + key + "' was already used for a different request.",
                        List.of(new FieldError("header.Idempotency-Key", "reused", "already used for a different request")));
            }
            return new IdempotentCreate(((Number) row[1]).intValue(), (String) row[2], (String) row[3], true);
        }
        IdempotentCreate result = create.get();
        NativeSql.bind(entityManager.createNativeQuery("update idempotency_record set status = ?3, location = ?4, response_body = ?5 "
                        + "where scope = ?1 and idem_key = ?2"), scope, key, result.status(), result.location(), replayBody.apply(result))
                .executeUpdate();
        return result;
    }

}
