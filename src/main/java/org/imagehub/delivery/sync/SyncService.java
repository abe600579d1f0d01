package org.imagehub.delivery.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imagehub.delivery.read.ReadRecorder;
import org.imagehub.delivery.DeliveredStory;
import org.imagehub.delivery.read.ConsumerScope;
import org.imagehub.platform.SqlValues;
import org.imagehub.platform.Hashes;
import org.imagehub.platform.Json;
import org.imagehub.platform.NativeSql;
import org.imagehub.platform.paging.Cursors;
import org.imagehub.security.consumer.ConsumerAccess;

/**
 * Delta sync: without a token, the whole published view (as this consumer may see it) in pages; then, with the
 * token of the last page, every change since — upserts, and deletes for what was withdrawn, expired, archived, is
 * under embargo or left the consumer's scope. Every page carries a token, so an interrupted mirror resumes.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SyncService {
    private final EntityManager entityManager;
    private final Cursors cursors;
    private final Json json;
    private final Clock clock;
    private final ReadRecorder reads;

    public SyncService(EntityManager entityManager, Cursors cursors, Json json, Clock clock, ReadRecorder reads) {
        this.reads = reads;
        this.entityManager = entityManager;
        this.cursors = cursors;
        this.json = json;
        this.clock = clock;
    }

    /** One change for the mirror: upsert (with the story) or delete (with the reason). */
    @Schema(name = "SyncChange", requiredProperties = {"op", "id", "lang"})
    public record Change(
            @Schema(enumeration = {"upsert", "delete"}) String op,
            String id,
            String lang,
            @Schema(description = "The story as published (upserts only)") DeliveredStory story,
            @Schema(description = "Why it went (deletes only)", enumeration = {"withdrawn", "expired", "archived", "embargoed", "out-of-scope"})
            String reason,
            @Schema(description = "The approver's public reason for a withdrawal, when one was given") String detail) {
    }

    /** A page of changes; call again with {@code token} at once while {@code more}, later otherwise. */
    @Schema(name = "SyncPage", requiredProperties = {"changes", "token", "more"})
    public record Page(List<Change> changes, @Schema(description = "Signed; pass it back as ?token=") String token,
            @Schema(description = "True: call again at once with the token; false: the mirror is current") boolean more) {
    }

    public Page page(String token, int limit, ConsumerAccess consumer) {
        ConsumerScope scope = ConsumerScope.of(consumer);
        String scopeId = Hashes.sha256Hex(scope.signature()).substring(0, 16);
        SyncToken position = token == null
                ? SyncToken.snapshotStart(consumer.consumerId(), scopeId, clock())
                : SyncToken.decode(token, cursors, consumer.consumerId(), scopeId);
        Instant now = Instant.now(clock);
        Page page = position.snapshot() ? snapshotPage(position, limit, scope, now) : deltaPage(position, limit, scope, now);
        // A mirror that took a story has read it: delivery receipts and the effectiveness reports count it.
        page.changes().stream().filter(change -> change.story() != null).forEach(change -> reads.record(consumer.consumerId(), change.id(), change.lang(), ReadRecorder.Channel.SYNC));
        return page;
    }

    private Page snapshotPage(SyncToken position, int limit, ConsumerScope scope, Instant now) {
        List<Object[]> rows = rows("""
                select story_id, lang, change_seq, document, topics, countries, embargo_until, expires_at, null, null
                from delivery_item where change_seq <= ?1 and (story_id, lang) > (?2, ?3) order by story_id, lang limit ?4""",
                position.horizon(), position.afterStory(), position.afterLang(), limit);
        List<Change> changes = new ArrayList<>();
        for (Object[] row : rows) {
            if (deliverable(row, scope, now) == null) {
                changes.add(upsert(row, scope));
            }
        }
        if (rows.size() == limit) {
            Object[] last = rows.get(rows.size() - 1);
            SyncToken next = new SyncToken(position.consumerId(), position.scope(), true, position.horizon(), (String) last[0], (String) last[1], 0);
            return new Page(changes, next.encode(cursors), true);
        }
        // Snapshot done: what changed while it was read is numbered above the horizon, so the deltas bring it.
        return new Page(changes, SyncToken.delta(position.consumerId(), position.scope(), position.horizon()).encode(cursors), true);
    }

    private Page deltaPage(SyncToken position, int limit, ConsumerScope scope, Instant now) {
        // Each side reads at most one page through its change_seq index (typed nulls keep the union flat, so the
        // planner merges the two ordered scans).
        List<Object[]> rows = rows("""
                select * from (select story_id, lang, change_seq, document, topics, countries, embargo_until,
                        expires_at, cast(null as text) as reason, cast(null as text) as detail, seen_topics, seen_countries, seen_visible
                    from delivery_item where change_seq > ?1 order by change_seq limit ?2) item
                union all
                select * from (select story_id, lang, change_seq, cast(null as text), cast(null as text[]), cast(null as text[]),
                        cast(null as timestamptz), cast(null as timestamptz), reason, detail, topics, countries, seen_visible
                    from delivery_tombstone where change_seq > ?1 order by change_seq limit ?2) tombstone
                order by 3 limit ?2""", position.since(), limit);
        List<Change> changes = new ArrayList<>();
        long since = position.since();
        for (Object[] row : rows) {
            since = ((Number) row[2]).longValue();
            String hidden = row[3] == null ? (String) row[8] : deliverable(row, scope, now);
            if (hidden == null) {
                changes.add(upsert(row, scope));
            } else if (Boolean.TRUE.equals(row[12]) && scope.couldHaveSeen((String) row[1], SqlValues.texts(row[10]), SqlValues.texts(row[11]))) {
                // A delete is news only to consumers whose scope the item ever matched once past its embargo; others
                // never learn it existed.
                changes.add(new Change("delete", (String) row[0], (String) row[1], null, hidden, row[3] == null ? (String) row[9] : null));
            }
        }
        return new Page(changes, SyncToken.delta(position.consumerId(), position.scope(), since).encode(cursors), rows.size() == limit);
    }

    /** Null when the consumer may have the item now, else why not. */
    private static String deliverable(Object[] row, ConsumerScope scope, Instant now) {
        Instant embargo = SqlValues.instant(row[6]);
        Instant expiry = SqlValues.instant(row[7]);
        if (embargo != null && embargo.isAfter(now)) {
            return "embargoed";
        }
        if (expiry != null && !expiry.isAfter(now)) {
            return "expired";
        }
        return scope.allows((String) row[1], SqlValues.texts(row[4]), SqlValues.texts(row[5])) ? null : "out-of-scope";
    }

    private Change upsert(Object[] row, ConsumerScope scope) {
        return new Change("upsert", (String) row[0], (String) row[1], scope.restrict(json.read((String) row[3], DeliveredStory.class)), null, null);
    }

    private long clock() {
        return ((Number) entityManager.createNativeQuery("select seq from delivery_clock where id = 1").getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... parameters) {
        return NativeSql.bind(entityManager.createNativeQuery(sql), parameters).getResultList();
    }


}
