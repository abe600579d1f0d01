package org.imagehub.analytics.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A visitor, for counting distinct visitors within one day, without keeping who they are: SHA-256 of the day's salt,
 * the client address and the user agent. The address and agent are never stored; the salt is random, shared by
 * the replicas through the database, and deleted once its day is over, after which no hash can be recomputed or linked
 * to another day's.
 */
@ApplicationScoped
public class VisitorHashes {
    private static final SecureRandom RANDOM = new SecureRandom();

    private record DaySalt(LocalDate day, byte[] salt) {
    }

    private final EntityManager entityManager;
    private final Clock clock;
    private final AtomicReference<DaySalt> current = new AtomicReference<>();

    public VisitorHashes(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** The visitor's hash for today (16 bytes, base64url). */
    public String of(String clientAddress, String userAgent) {
        byte[] salt = salt(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            digest.update((clientAddress + "\n" + userAgent).getBytes(StandardCharsets.UTF_8));
            byte[] hash = digest.digest();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] salt(LocalDate day) {
        DaySalt known = current.get();
        if (known != null && known.day().equals(day)) {
            return known.salt();
        }
        byte[] salt = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> load(day));
        current.set(new DaySalt(day, salt));
        return salt;
    }

    private byte[] load(LocalDate day) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        entityManager.createNativeQuery("insert into analytics_salt (day, salt) values (?1, ?2) on conflict (day) do nothing")
                .setParameter(1, day).setParameter(2, fresh).executeUpdate();
        // Another replica may have made the day's salt first: everyone uses the stored one.
        return (byte[]) entityManager.createNativeQuery("select salt from analytics_salt where day = ?1").setParameter(1, day).getSingleResult();
    }

    /** Deletes the salts of days that are over. */
    @Transactional
    public int forgetPastDays() {
        return entityManager.createNativeQuery("delete from analytics_salt where day < ?1")
                .setParameter(1, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)).executeUpdate();
    }
}
