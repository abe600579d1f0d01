package org.imagehub.delivery.publication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;
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
import org.imagehub.platform.IndexPathsOnly;
import org.imagehub.platform.Json;
import org.imagehub.platform.NativeSql;

/**
 * Keeps the published view (delivery_item) equal to what content says is live, inside the publishing transaction.
 * Each changed row gets the next number of the delivery clock; rows that leave become tombstones. After the commit,
 * every replica's caches move to the next generation, told which stories changed.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PublishedStories {
    public static final String CHANNEL = "delivery_changed";
    /** Characters of story ids per NOTIFY payload (ASCII ids; the limit is 8,000 bytes), and payloads per change before it counts as "everything". */
    private static final int NOTIFY_PAYLOAD_CHARS = 7_500;
    private static final int NOTIFY_PAYLOADS = 8;

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
     * {@link #replace} for many stories at once, in their order. Everything that needs no delivery clock — reading the
     * current rows, serialising and hashing the documents — is done first: concurrent publications queue on the clock
     * row until commit, so only numbering and writing happen under it. Callers lock the stories first, which keeps
     * their current rows still until then.
     */
    public void replaceAll(List<Projection> projections) {
        if (projections.isEmpty()) {
            return;
        }
        List<Change> pending = pendingChanges(projections, currentHashes(projections));
        if (pending.isEmpty()) {
            return;
        }
        long seq = ((Number) viewQuery("select seq from delivery_clock where id = 1 for update").getSingleResult()).longValue();
        Instant now = Instant.now(clock);
        List<DeliveryItemRows.Row> upserts = new ArrayList<>();
        for (Change change : pending) {
            seq++;
            if (change.row() != null) {
                upserts.add(change.row().numbered(seq));
            } else {
                remove(change.storyId(), change.lang(), change.removal(), seq, now);
            }
        }
        rows.upsert(upserts, now);
        NativeSql.bind(viewQuery("update delivery_clock set seq = ?1 where id = 1"), seq).executeUpdate();
        List<String> stories = pending.stream().map(Change::storyId).distinct().toList();
        announce(stories);
        // This replica's caches move on after the commit; other replicas hear the NOTIFY.
        afterCommit.run(() -> changes.changed(stories));
    }

    /**
     * NOTIFY, sent on commit, naming the stories in payloads under PostgreSQL's limit of 8,000 bytes; a change of more
     * stories than a few payloads hold is announced as a change of everything (an empty payload).
     */
    private void announce(List<String> stories) {
        List<String> payloads = new ArrayList<>();
        StringBuilder payload = new StringBuilder();
        for (String story : stories) {
            if (payload.length() + story.length() + 1 > NOTIFY_PAYLOAD_CHARS) {
                payloads.add(payload.toString());
                payload.setLength(0);
            }
            payload.append(payload.isEmpty() ? "" : ",").append(story);
        }
        payloads.add(payload.toString());
        if (payloads.size() > NOTIFY_PAYLOADS) {
            payloads = List.of("");
        }
        for (String each : payloads) {
            NativeSql.bind(viewQuery("select pg_notify('" + CHANNEL + "', ?1)"), each).getSingleResult();
        }
    }

    /** A published row to write, or a language to take down; numbered in this order. */
    private record Change(DeliveryItemRows.Row row, String storyId, String lang, Removal removal) {
        static Change write(DeliveryItemRows.Row row) {
            return new Change(row, row.story().id(), null, null);
        }
    }

    private List<Change> pendingChanges(List<Projection> projections, Map<String, Map<String, String>> existing) {
        List<Change> pending = new ArrayList<>();
        for (Projection projection : projections) {
            Map<String, String> current = existing.getOrDefault(projection.storyId(), Map.of());
            Map<String, String> written = new HashMap<>();
            for (DeliveredStory story : projection.live()) {
                // Serialised once, without its number: the bytes are both hashed and stored (the number is set on write).
                byte[] document = json.writeBytes(story.withVersion(0));
                String hash = Hashes.sha256Hex(document);
                written.put(story.lang(), hash);
                if (projection.touchAll() || !hash.equals(current.get(story.lang()))) {
                    pending.add(Change.write(new DeliveryItemRows.Row(story, document, projection.storyPublishedAt(), hash, 0)));
                }
            }
            for (String lang : current.keySet()) {
                if (projection.live().stream().noneMatch(story -> story.lang().equals(lang))) {
                    pending.add(new Change(null, projection.storyId(), lang, projection.removals().getOrDefault(lang, new Removal("withdrawn", null))));
                }
            }
            // A later projection of the same story in this call sees what this one wrote.
            existing.put(projection.storyId(), written);
        }
        return pending;
    }

    private Map<String, Map<String, String>> currentHashes(List<Projection> projections) {
        Map<String, Map<String, String>> existing = new HashMap<>();
        // By primary key: a bulk publication fills the view from statistics that still say "empty", and the generic
        // plan kept for this statement was then a scan of the whole view per batch (40 ms a call in some runs).
        List<?> rows = IndexPathsOnly.during(entityManager, () -> NativeSql.bind(viewQuery(
                        "select story_id, lang, content_hash from delivery_item where story_id = any(cast(?1 as text[]))"),
                (Object) projections.stream().map(Projection::storyId).distinct().toArray(String[]::new)).getResultList());
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            existing.computeIfAbsent((String) columns[0], id -> new HashMap<>()).put((String) columns[1], (String) columns[2]);
        }
        return existing;
    }

    /**
     * A statement on the published view's own tables (delivery_item, delivery_clock), which no entity maps: nothing
     * the session holds can change what it reads or writes, so it does not flush the session first. In a bulk
     * publication every such flush walked all the transaction's entities (41 % of the request threads' samples
     * before the audit entries and events left the session).
     */
    private Query viewQuery(String sql) {
        return entityManager.createNativeQuery(sql).setFlushMode(FlushModeType.COMMIT);
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
