package org.imagehub.delivery.publication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imagehub.delivery.DeliveredStory;
import org.imagehub.platform.AfterCommit;
import org.imagehub.platform.Hashes;
import org.imagehub.platform.Json;
import org.imagehub.platform.NativeSql;

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
    private final DeliveryItemRows rows;
    private final Json json;
    private final Clock clock;

    public PublishedStories(EntityManager entityManager, AfterCommit afterCommit, DeliveryChanges changes, DeliveryItemRows rows, Json json,
            Clock clock) {
        this.entityManager = entityManager;
        this.rows = rows;
        this.afterCommit = afterCommit;
        this.changes = changes;
        this.json = json;
        this.clock = clock;
    }

    /** One story's wanted published state: its live languages and why the others are not live. */
    public record Projection(String storyId, Instant storyPublishedAt, List<DeliveredStory> live, Map<String, Removal> removals,
            boolean touchAll) {
    }

    /**
     * Makes {@code live} the story's published languages. Unchanged languages keep their number unless
     * {@code touchAll} (an embargo lift: nothing changed, but consumers must now be told).
     */
    public void replace(String storyId, Instant storyPublishedAt, List<DeliveredStory> live, Map<String, Removal> removals, boolean touchAll) {
        replaceAll(List.of(new Projection(storyId, storyPublishedAt, live, removals, touchAll)));
    }

    /**
     * {@link #replace} for many stories at once, in their order: the clock row is locked once, the current rows are
     * read with one query and the changed ones written with multi-row statements. Callers lock the stories first.
     */
    public void replaceAll(List<Projection> projections) {
        if (projections.isEmpty()) {
            return;
        }
        long seq = ((Number) entityManager.createNativeQuery("select seq from delivery_clock where id = 1 for update").getSingleResult()).longValue();
        Map<String, Map<String, String>> existing = new HashMap<>();
        for (Object row : NativeSql.bind(entityManager.createNativeQuery(
                        "select story_id, lang, content_hash from delivery_item where story_id = any(cast(?1 as text[]))"),
                (Object) projections.stream().map(Projection::storyId).distinct().toArray(String[]::new)).getResultList()) {
            Object[] columns = (Object[]) row;
            existing.computeIfAbsent((String) columns[0], id -> new HashMap<>()).put((String) columns[1], (String) columns[2]);
        }
        Instant now = Instant.now(clock);
        long next = seq;
        List<DeliveryItemRows.Row> upserts = new ArrayList<>();
        for (Projection projection : projections) {
            Map<String, String> current = existing.getOrDefault(projection.storyId(), Map.of());
            Map<String, String> written = new HashMap<>();
            for (DeliveredStory story : projection.live()) {
                String hash = Hashes.sha256Hex(json.write(story.withVersion(0)));
                written.put(story.lang(), hash);
                if (!projection.touchAll() && hash.equals(current.get(story.lang()))) {
                    continue;
                }
                next++;
                upserts.add(new DeliveryItemRows.Row(story.withVersion(next), projection.storyPublishedAt(), hash, next));
            }
            for (String lang : current.keySet()) {
                if (projection.live().stream().noneMatch(story -> story.lang().equals(lang))) {
                    next++;
                    remove(projection.storyId(), lang, projection.removals().getOrDefault(lang, new Removal("withdrawn", null)), next, now);
                }
            }
            // A later projection of the same story in this call sees what this one wrote.
            existing.put(projection.storyId(), written);
        }
        rows.upsert(upserts, now);
        if (next != seq) {
            NativeSql.bind(entityManager.createNativeQuery("update delivery_clock set seq = ?1 where id = 1"), next).executeUpdate();
            entityManager.createNativeQuery("select pg_notify('" + CHANNEL + "', '')").getSingleResult();
            // This replica's caches move on after the commit; other replicas hear the NOTIFY.
            afterCommit.run(changes::changed);
        }
    }

    private void remove(String storyId, String lang, Removal removal, long seq, Instant now) {
        // The tombstone keeps every topic and country the item ever carried: who could have it is told to delete it.
        NativeSql.bind(entityManager.createNativeQuery("""
                        with removed as (delete from delivery_item where story_id = ?1 and lang = ?2
                            returning seen_topics, seen_countries, seen_visible or embargo_until is null or embargo_until <= ?6 as seen_visible)
                        insert into delivery_tombstone (story_id, lang, reason, detail, change_seq, removed_at, topics, countries, seen_visible)
                        select ?1, ?2, ?3, ?4, ?5, ?6, seen_topics, seen_countries, seen_visible from removed
                        on conflict (story_id, lang) do update set reason = excluded.reason, detail = excluded.detail,
                            change_seq = excluded.change_seq, removed_at = excluded.removed_at, topics = excluded.topics,
                            countries = excluded.countries, seen_visible = excluded.seen_visible"""),
                storyId, lang, removal.reason(), removal.detail(), seq, now).executeUpdate();
    }


}
