package org.imagehub.social.link;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The hub's own short links in posts: each leads to its post's tracked address and counts the clicks per day. */
@ApplicationScoped
public class ShortLinks {
    private static final Pattern CODE = Pattern.compile("[2-9a-z]{10}");
    private static final char[] CODE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz".toCharArray();
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final List<String> LIVE = List.of("approved", "queued", "claimed", "posted", "failed");

    private final EntityManager entityManager;
    private final Clock clock;

    public ShortLinks(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** A new link code: 10 characters of an alphabet without look-alikes (about 49 bits). */
    public static String newCode() {
        char[] code = new char[10];
        for (int i = 0; i < code.length; i++) {
            code[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
        }
        return new String(code);
    }

    /**
     * Where the link leads, counting the click; empty when no post of an approved (or later) state has it: a draft's
     * link leads nowhere yet, a cancelled or withdrawn post's nowhere any more.
     */
    @Transactional
    public Optional<String> follow(String code, boolean count) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select id, link_target from social_post where short_code = ?1 and state = any(cast(?2 as text[]))")
                .setParameter(1, code).setParameter(2, LIVE.toArray(String[]::new)).getResultList();
        if (rows.isEmpty() || rows.get(0)[1] == null) {
            return Optional.empty();
        }
        if (!count) {
            return Optional.of((String) rows.get(0)[1]);
        }
        entityManager.createNativeQuery("""
                insert into social_link_click (short_code, post_id, day, clicks) values (?1, ?2, ?3, 1)
                on conflict (short_code, day) do update set clicks = social_link_click.clicks + 1""")
                .setParameter(1, code).setParameter(2, rows.get(0)[0]).setParameter(3, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))
                .executeUpdate();
        return Optional.of((String) rows.get(0)[1]);
    }

    /** Clicks on these posts' short links, all days together, in one statement; posts without clicks are absent. */
    public java.util.Map<String, Long> clicks(java.util.Collection<String> postIds) {
        if (postIds.isEmpty()) {
            return java.util.Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select post_id, sum(clicks) from social_link_click where post_id = any(cast(?1 as text[])) group by post_id")
                .setParameter(1, postIds.toArray(String[]::new)).getResultList();
        java.util.Map<String, Long> clicks = new java.util.HashMap<>();
        rows.forEach(row -> clicks.put((String) row[0], ((Number) row[1]).longValue()));
        return clicks;
    }
}
