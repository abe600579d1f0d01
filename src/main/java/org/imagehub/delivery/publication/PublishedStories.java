package org.imagehub.delivery.publication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imagehub.delivery.DeliveredStory;
import org.imagehub.delivery.read.ConsumerScope;
import org.imagehub.platform.AfterCommit;
import org.imagehub.platform.Hashes;
import org.imagehub.platform.Json;

/**
 * Keeps the published view (delivery_item) equal to what content says is live, inside the publishing transaction.
 * Each changed row gets the next number of the delivery clock; rows that leave become tombstones. After the commit,
 * every replica's caches move to the next generation.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PublishedStories {
    public static final String CHANNEL = "delivery_changed";

    private final EntityManager entityManager;
    private final AfterCommit afterCommit;
    private final DeliveryChanges changes;
    private final Json json;
    private final Clock clock;

    public PublishedStories(EntityManager entityManager, AfterCommit afterCommit, DeliveryChanges changes, Json json,
            Clock clock) {
        this.entityManager = entityManager;
        this.afterCommit = afterCommit;
        this.changes = changes;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Makes {@code live} the story's published languages. Unchanged languages keep their number unless
     * {@code touchAll} (an embargo lift: nothing changed, but consumers must now be told).
     */
    public void replace(String storyId, Instant storyPublishedAt, List<DeliveredStory> live, Map<String, Removal> removals, boolean touchAll) {
        long seq = ((Number) entityManager.createNativeQuery("select seq from delivery_clock where id = 1 for update").getSingleResult()).longValue();
        Map<String, String> existing = new HashMap<>();
        for (Object row : entityManager.createNativeQuery("select lang, content_hash from delivery_item where story_id = ?1")
                .setParameter(1, storyId).getResultList()) {
            Object[] columns = (Object[]) row;
            existing.put((String) columns[0], (String) columns[1]);
        }
        Instant now = Instant.now(clock);
        long next = seq;
        for (DeliveredStory story : live) {
            String hash = Hashes.sha256Hex(json.write(story.withVersion(0)));
            if (!touchAll && hash.equals(existing.get(story.lang()))) {
                continue;
            }
            next++;
            upsert(story.withVersion(next), storyPublishedAt, hash, next, now);
        }
        for (String lang : existing.keySet()) {
            if (live.stream().noneMatch(story -> story.lang().equals(lang))) {
                next++;
                Removal removal = removals.getOrDefault(lang, new Removal("withdrawn", null));
                remove(storyId, lang, removal, next, now);
            }
        }
        if (next != seq) {
            entityManager.createNativeQuery("update delivery_clock set seq = ?1 where id = 1").setParameter(1, next).executeUpdate();
            entityManager.createNativeQuery("select pg_notify('" + CHANNEL + "', '')").getSingleResult();
            // This replica's caches move on after the commit; other replicas hear the NOTIFY.
            afterCommit.run(changes::changed);
        }
    }

    /** Which story each live "lang/slug" among the given belongs to. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, String> slugOwners(List<String> languages, List<String> slugs) {
        Map<String, String> owners = new HashMap<>();
        for (Object row : entityManager.createNativeQuery(
                        "select lang, slug, story_id from delivery_item where lang = any(cast(?1 as text[])) and slug = any(cast(?2 as text[]))")
                .setParameter(1, languages.toArray(String[]::new)).setParameter(2, slugs.toArray(String[]::new))
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT).getResultList()) {
            Object[] columns = (Object[]) row;
            owners.put(columns[0] + "/" + columns[1], (String) columns[2]);
        }
        return owners;
    }

    private void upsert(DeliveredStory story, Instant storyPublishedAt, String hash, long seq, Instant now) {
        entityManager.createNativeQuery("""
                        insert into delivery_item (story_id, lang, slug, type, topics, countries, key_messages, embargo_until, expires_at,
                            story_published_at, updated_at, change_seq, content_hash, document, seen_topics, seen_countries)
                        values (?1, ?2, ?3, ?4, cast(?5 as text[]), cast(?6 as text[]), cast(?7 as text[]), ?8, ?9, ?10, ?11, ?12, ?13, cast(?14 as jsonb),
                            cast(?5 as text[]), cast(?15 as text[]))
                        on conflict (story_id, lang) do update set slug = excluded.slug, type = excluded.type, topics = excluded.topics,
                            seen_topics = array(select distinct unnest(delivery_item.seen_topics || excluded.seen_topics) order by 1),
                            seen_countries = array(select distinct unnest(delivery_item.seen_countries || excluded.seen_countries) order by 1),
                            countries = excluded.countries, key_messages = excluded.key_messages, embargo_until = excluded.embargo_until,
                            expires_at = excluded.expires_at, story_published_at = excluded.story_published_at, updated_at = excluded.updated_at,
                            change_seq = excluded.change_seq, content_hash = excluded.content_hash, document = excluded.document""")
                .setParameter(1, story.id()).setParameter(2, story.lang()).setParameter(3, story.slug()).setParameter(4, story.type())
                .setParameter(5, story.topics().toArray(String[]::new)).setParameter(6, story.countries().toArray(String[]::new))
                .setParameter(7, story.keyMessages().toArray(String[]::new)).setParameter(8, story.embargoUntil())
                .setParameter(9, story.expiresAt()).setParameter(10, storyPublishedAt).setParameter(11, now).setParameter(12, seq)
                .setParameter(13, hash).setParameter(14, json.write(story))
                .setParameter(15, story.countries().isEmpty() ? new String[] {ConsumerScope.EVERY_COUNTRY} : story.countries().toArray(String[]::new))
                .executeUpdate();
        entityManager.createNativeQuery("delete from delivery_tombstone where story_id = ?1 and lang = ?2")
                .setParameter(1, story.id()).setParameter(2, story.lang()).executeUpdate();
    }

    private void remove(String storyId, String lang, Removal removal, long seq, Instant now) {
        // The tombstone keeps every topic and country the item ever carried: who could have it is told to delete it.
        entityManager.createNativeQuery("""
                        with removed as (delete from delivery_item where story_id = ?1 and lang = ?2 returning seen_topics, seen_countries)
                        insert into delivery_tombstone (story_id, lang, reason, detail, change_seq, removed_at, topics, countries)
                        select ?1, ?2, ?3, ?4, ?5, ?6, seen_topics, seen_countries from removed
                        on conflict (story_id, lang) do update set reason = excluded.reason, detail = excluded.detail,
                            change_seq = excluded.change_seq, removed_at = excluded.removed_at, topics = excluded.topics,
                            countries = excluded.countries""")
                .setParameter(1, storyId).setParameter(2, lang).setParameter(3, removal.reason()).setParameter(4, removal.detail())
                .setParameter(5, seq).setParameter(6, now).executeUpdate();
    }


}
