package org.imagehub.security.consumer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.imagehub.platform.SqlValues;
import org.imagehub.platform.errors.RateLimitedException;
import org.imagehub.platform.errors.UnauthenticatedException;
import org.imagehub.security.SecurityConfig;

/**
 * Verifies consumers' API keys. A verified key is trusted for a short while from memory (the read path is hot);
 * unknown, expired and revoked keys get 401, and a client address that keeps failing gets 429 before any lookup.
 * Last use is collected in memory and written in batches, so a read costs no database write.
 */
@ApplicationScoped
public class ApiKeyAuthenticator {
    private final EntityManager entityManager;
    private final SecurityConfig config;
    private final Clock clock;
    private final Cache<String, Optional<StoredKey>> verified;
    private final Cache<String, Bucket> failuresByClient;
    private final Map<String, Instant> lastUse = new ConcurrentHashMap<>();

    public ApiKeyAuthenticator(EntityManager entityManager, SecurityConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(config.verifiedKeyCacheTime()).build();
        this.failuresByClient = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();
    }

    /** A key as stored, with its consumer's access rules. */
    record StoredKey(String keyId, Instant expiresAt, boolean revoked, boolean consumerActive, ConsumerAccess access) {
    }

    public ConsumerAccess authenticate(String presentedKey, String clientAddress) {
        Bucket failures = failuresByClient.get(clientAddress == null ? "unknown" : clientAddress, address -> newFailureBucket());
        if (failures.getAvailableTokens() <= 0) {
            long nanos = failures.estimateAbilityToConsume(1).getNanosToWaitForRefill();
            throw new RateLimitedException("Too many failed API key attempts from this client; try again later.",
                    Duration.ofNanos(nanos).plusSeconds(1));
        }
        if (presentedKey == null || presentedKey.isBlank()) {
            failures.tryConsume(1);
            throw new UnauthenticatedException("An API key is required: send it as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.");
        }
        byte[] hash = ApiKeySecrets.hash(presentedKey.strip());
        StoredKey key = verified.get(HexFormat.of().formatHex(hash), hex -> load(hash)).orElse(null);
        Instant now = Instant.now(clock);
        if (key == null || key.revoked() || !key.consumerActive() || (key.expiresAt() != null && !key.expiresAt().isAfter(now))) {
            failures.tryConsume(1);
            throw new UnauthenticatedException("The API key is not valid: unknown, expired or revoked.");
        }
        lastUse.put(key.keyId(), now);
        return key.access();
    }

    void forgetKey(String keyId) {
        verified.asMap().values().removeIf(key -> key.isPresent() && key.get().keyId().equals(keyId));
    }

    void forgetConsumer(String consumerId) {
        verified.asMap().values().removeIf(key -> key.isPresent() && key.get().access().consumerId().equals(consumerId));
    }

    @Scheduled(every = "${hub.security.last-use-flush-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void flushLastUse() {
        for (String keyId : List.copyOf(lastUse.keySet())) {
            Instant at = lastUse.remove(keyId);
            entityManager.createNativeQuery("update api_key set last_used_at = ?2 where id = ?1 and (last_used_at is null or last_used_at < ?2)")
                    .setParameter(1, keyId).setParameter(2, at).executeUpdate();
        }
    }

    private Bucket newFailureBucket() {
        int attempts = config.failedKeyAttemptsPerMinute();
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(attempts).refillGreedy(attempts, Duration.ofMinutes(1)).build())
                .build();
    }

    private Optional<StoredKey> load(byte[] hash) {
        List<?> rows = entityManager.createNativeQuery("""
                        select k.id, k.expires_at, k.revoked_at is not null, c.active, c.id, c.name, c.scopes, c.languages, c.topics,
                               c.countries, c.requests_per_minute
                        from api_key k join consumer c on c.id = k.consumer_id where k.key_hash = ?1""")
                .setParameter(1, hash).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        ConsumerAccess access = new ConsumerAccess((String) row[4], (String) row[0], (String) row[5], set(row[6]), set(row[7]), set(row[8]),
                set(row[9]), ((Number) row[10]).intValue());
        return Optional.of(new StoredKey((String) row[0], SqlValues.instant(row[1]), (Boolean) row[2], (Boolean) row[3], access));
    }


    private static java.util.Set<String> set(Object array) {
        return java.util.Set.copyOf(new HashSet<>(SqlValues.texts(array)));
    }
}
