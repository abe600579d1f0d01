package org.imagehub.security.consumer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
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
import java.util.function.Supplier;
import org.imagehub.platform.SqlValues;
import org.imagehub.platform.errors.RateLimitedException;
import org.imagehub.platform.errors.UnauthenticatedException;
import org.imagehub.platform.http.BlockingWork;
import org.imagehub.security.SecurityConfig;
import org.imagehub.platform.NativeSql;

/**
 * Verifies consumers' API keys. A verified key is trusted for a short while from memory (the read path is hot);
 * unknown, expired and revoked keys get 401, and a client address that keeps failing gets 429 for its failures.
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
        // Upkeep on the calling thread: handing it to the common pool woke a thread for every few reads.
        this.verified = Caffeine.newBuilder().executor(Runnable::run).maximumSize(10_000).expireAfterWrite(config.verifiedKeyCacheTime()).build();
        this.failuresByClient = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();
    }

    /** A key as stored, with its consumer's access rules. */
    record StoredKey(String keyId, Instant expiresAt, boolean revoked, boolean consumerActive, ConsumerAccess access) {
    }

    /**
     * The access of a valid key verified lately, from memory only, so an event-loop thread may ask; null when the key
     * has to be looked up ({@link #lookUp}). A valid key is always accepted, whatever its client address did before:
     * only failures count against (and are refused by) the address's budget, so a flood of bad keys from a shared NAT
     * or proxy cannot lock out the good keys behind it.
     */
    public ConsumerAccess fromMemory(String presentedKey, Supplier<String> clientAddress) {
        Optional<StoredKey> remembered = verified.getIfPresent(hashOf(presentedKey, clientAddress));
        return remembered == null ? null : accept(remembered.orElse(null), clientAddress);
    }

    /** As {@link #fromMemory}, reading the database when memory does not hold the key: on a worker thread. */
    public Uni<ConsumerAccess> lookUp(String presentedKey, Supplier<String> clientAddress) {
        return BlockingWork.run(() -> {
            // Unknown keys are cached too; Caffeine's frequency-based admission keeps one-off guesses from evicting keys in use.
            Optional<StoredKey> key = verified.get(hashOf(presentedKey, clientAddress), this::load);
            return accept(key.orElse(null), clientAddress);
        });
    }

    /** The key's hash in hex, the cache's key; 401 (or 429) when no key was presented. */
    private String hashOf(String presentedKey, Supplier<String> clientAddress) {
        if (presentedKey == null || presentedKey.isBlank()) {
            throw failure(clientAddress, "An API key is required: send it as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.");
        }
        return HexFormat.of().formatHex(ApiKeySecrets.hash(presentedKey.strip()));
    }

    private ConsumerAccess accept(StoredKey key, Supplier<String> clientAddress) {
        Instant now = Instant.now(clock);
        if (key == null || key.revoked() || !key.consumerActive() || (key.expiresAt() != null && !key.expiresAt().isAfter(now))) {
            throw failure(clientAddress, "The API key is not valid: unknown, expired or revoked.");
        }
        lastUse.put(key.keyId(), now);
        return key.access();
    }

    /** 401 while the address has failures left this minute, then 429 with the wait until its next one. */
    private RuntimeException failure(Supplier<String> clientAddress, String detail) {
        String client = clientAddress.get();
        Bucket failures = failuresByClient.get(client == null ? ClientAddress.UNKNOWN : client, address -> newFailureBucket());
        ConsumptionProbe probe = failures.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            return new RateLimitedException("Too many failed API key attempts from this client; try again later.",
                    Duration.ofNanos(probe.getNanosToWaitForRefill()).plusSeconds(1));
        }
        return new UnauthenticatedException(detail);
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
            NativeSql.bind(entityManager.createNativeQuery(
                            "update api_key set last_used_at = ?2 where id = ?1 and (last_used_at is null or last_used_at < ?2)"),
                    keyId, at).executeUpdate();
        }
    }

    private Bucket newFailureBucket() {
        int attempts = config.failedKeyAttemptsPerMinute();
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(attempts).refillGreedy(attempts, Duration.ofMinutes(1)).build())
                .build();
    }

    private Optional<StoredKey> load(String hexHash) {
        byte[] hash = HexFormat.of().parseHex(hexHash);
        List<?> rows = NativeSql.bind(entityManager.createNativeQuery("""
                        select k.id, k.expires_at, k.revoked_at is not null, c.active, c.id, c.name, c.scopes, c.languages, c.topics,
                               c.countries, c.requests_per_minute
                        from api_key k join consumer c on c.id = k.consumer_id where k.key_hash = ?1"""), hash).getResultList();
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
