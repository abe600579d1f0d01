package org.imagehub.delivery.read;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.imagehub.platform.SqlQuery;

/**
 * Reads the published view for consumers: only what is past its embargo, not expired, and inside the consumer's
 * scope. Pure SQL over delivery_item; the documents are served as stored.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DeliveryReader {
    private final EntityManager entityManager;

    public DeliveryReader(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Every language of the story the consumer may get now, in language order. */
    public List<DeliveryRow> storyLanguages(String storyId, ConsumerScope scope, Instant now) {
        SqlQuery query = new SqlQuery().append("select d.story_id, d.lang, d.document, d.story_published_at from delivery_item d where d.story_id = ?", storyId);
        visible(query, "d", scope, now);
        return rows(query.append(" order by d.lang"));
    }

    /** As {@link #storyLanguages} for the story that has {@code slug} in {@code lang}: one keyed statement. */
    public List<DeliveryRow> storyLanguagesBySlug(String lang, String slug, ConsumerScope scope, Instant now) {
        SqlQuery query = new SqlQuery().append("select d.story_id, d.lang, d.document, d.story_published_at from delivery_item d"
                + " where d.story_id = (select s.story_id from delivery_item s where s.lang = ? and s.slug = ?)", lang, slug);
        visible(query, "d", scope, now);
        return rows(query.append(" order by d.lang"));
    }

    /**
     * One page of stories, newest first, each in its best language; {@code after} is the last row of the previous
     * page. First the page's stories: a walk down a newest-first index that stops after {@code limit} distinct
     * stories (all of a story's languages share its publication time, so they are adjacent). Then each story's
     * best language by a keyed lookup. The rows carry their stored list entry (StorySummary JSON) in place of the
     * document: a list never shows body, fields or rights, and the body is most of a document's bytes.
     */
    public List<DeliveryRow> list(ListFilter filter, LanguagePreference languages, ConsumerScope scope, Instant now, DeliveryRow after, int limit) {
        SqlQuery query = new SqlQuery().append("select k.story_id, b.lang, b.summary, k.story_published_at from (")
                .append("select distinct d.story_published_at, d.story_id from delivery_item d where true");
        candidate(query, "d", filter, languages, scope, now);
        if (filter.updatedSince() != null) {
            // The story counts when the language it would be served in changed since then.
            query.append(" and (");
            best(query.append("select u.updated_at"), "u", "d", filter, languages, scope, now);
            query.append(") >= ?", filter.updatedSince());
        }
        if (after != null) {
            query.append(" and (d.story_published_at, d.story_id) < (?, ?)", after.storyPublishedAt(), after.storyId());
        }
        query.append(" order by d.story_published_at desc, d.story_id desc limit ?) k cross join lateral (", limit);
        best(query.append("select b.lang, b.summary"), "b", "k", filter, languages, scope, now);
        return rows(query.append(") b order by k.story_published_at desc, k.story_id desc"));
    }

    /** Up to {@code limit} other stories in the same language that share a topic with the story, newest first. */
    public List<DeliveryRow> related(String storyId, String lang, List<String> topics, ConsumerScope scope, Instant now, int limit) {
        if (topics.isEmpty()) {
            return List.of();
        }
        SqlQuery query = new SqlQuery().append("select d.story_id, d.lang, d.document, d.story_published_at from delivery_item d"
                + " where d.lang = ? and d.story_id <> ? and d.topics && cast(? as text[])", lang, storyId, topics.toArray(String[]::new));
        visible(query, "d", scope, now);
        return rows(query.append(" order by d.story_published_at desc, d.story_id desc limit ?", limit));
    }

    /**
     * The stories among {@code storyIds} the consumer may get now in exactly {@code lang}, in the order given: ids
     * found elsewhere (the search index) are only candidates, the published view decides.
     */
    public List<DeliveryRow> storiesIn(String lang, List<String> storyIds, ConsumerScope scope, Instant now) {
        if (storyIds.isEmpty()) {
            return List.of();
        }
        SqlQuery query = new SqlQuery().append("select d.story_id, d.lang, d.document, d.story_published_at from delivery_item d"
                + " where d.lang = ? and d.story_id = any(cast(? as text[]))", lang, storyIds.toArray(String[]::new));
        visible(query, "d", scope, now);
        java.util.Map<String, DeliveryRow> found = new java.util.HashMap<>();
        rows(query).forEach(row -> found.put(row.storyId(), row));
        return storyIds.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The newest stories in exactly one language, for a feed. */
    public List<DeliveryRow> feed(String lang, String topic, String type, ConsumerScope scope, Instant now, int limit) {
        SqlQuery query = new SqlQuery().append("select d.story_id, d.lang, d.document, d.story_published_at from delivery_item d where d.lang = ?", lang);
        visible(query, "d", scope, now);
        storyFilters(query, "d", new ListFilter(type, topic, null, null, null));
        return rows(query.append(" order by d.story_published_at desc, d.story_id desc limit ?", limit));
    }

    /** Which of these story languages everyone may get now (published, past any embargo, not expired): "storyId|lang" each. */
    public java.util.Set<String> liveLanguages(java.util.Collection<String> storyIds, Instant now) {
        if (storyIds.isEmpty()) {
            return java.util.Set.of();
        }
        SqlQuery query = new SqlQuery().append("select d.story_id, d.lang from delivery_item d where d.story_id = any(cast(? as text[]))",
                (Object) storyIds.stream().distinct().toArray(String[]::new));
        visible(query, "d", ConsumerScope.EVERYONE, now);
        return new java.util.HashSet<>(query.read(entityManager, row -> row.getString(1) + "|" + row.getString(2)));
    }

    /** The languages a story has in the published view, whoever may read them and whether or not past their embargo. */
    public List<String> publishedLanguages(String storyId) {
        return new SqlQuery().append("select lang from delivery_item where story_id = ? order by lang", storyId)
                .read(entityManager, row -> row.getString(1));
    }

    /** Why a story language left the published view, and the scope it had while live (for pushes of the removal). */
    public record RemovedItem(String storyId, String lang, String reason, String publicReason, List<String> seenTopics, List<String> seenCountries,
            boolean seenVisible, long changeSeq, Instant removedAt) {
    }

    /** The tombstone of a story language, if it was removed from the published view and not published again since. */
    public Optional<RemovedItem> removed(String storyId, String lang) {
        return new SqlQuery().append("select reason, detail, topics, countries, seen_visible, change_seq, removed_at from delivery_tombstone"
                        + " where story_id = ? and lang = ?", storyId, lang)
                .read(entityManager, row -> new RemovedItem(storyId, lang, row.getString(1), row.getString(2), SqlQuery.texts(row, 3),
                        SqlQuery.texts(row, 4), row.getBoolean(5), row.getLong(6), SqlQuery.instant(row, 7)))
                .stream().findFirst();
    }

    /** The earliest future embargo end or expiry: cached answers computed now are exact until then. */
    public Optional<Instant> nextTimeBoundary(Instant now) {
        return new SqlQuery().append("""
                select least((select min(embargo_until) from delivery_item where embargo_until > ?),
                             (select min(expires_at) from delivery_item where expires_at > ?))""", now, now)
                .read(entityManager, row -> Optional.ofNullable(SqlQuery.instant(row, 1))).get(0);
    }

    /** The best row of story {@code outer}.story_id for this request, as a subquery over alias {@code a}. */
    private static void best(SqlQuery query, String a, String outer, ListFilter filter, LanguagePreference languages, ConsumerScope scope, Instant now) {
        String[] chain = languages.chain().toArray(String[]::new);
        query.append(" from delivery_item " + a + " where " + a + ".story_id = " + outer + ".story_id");
        candidate(query, a, filter, languages, scope, now);
        query.append(" order by coalesce(array_position(cast(? as text[]), " + a + ".lang), ?), " + a + ".lang limit 1", chain, chain.length);
    }

    /** A row this request may be answered with: visible, in an acceptable language, matching the filters. */
    private static void candidate(SqlQuery query, String a, ListFilter filter, LanguagePreference languages, ConsumerScope scope, Instant now) {
        visible(query, a, scope, now);
        if (!languages.anyAfterwards() && languages.chain().size() == 1) {
            // Equality (not "= any") lets the planner walk the per-language newest-first index in order.
            query.append(" and " + a + ".lang = ?", languages.chain().get(0));
        } else if (!languages.anyAfterwards()) {
            query.append(" and " + a + ".lang = any(cast(? as text[]))", (Object) languages.chain().toArray(String[]::new));
        }
        storyFilters(query, a, filter);
    }

    private static void visible(SqlQuery query, String a, ConsumerScope scope, Instant now) {
        query.append(" and (" + a + ".embargo_until is null or " + a + ".embargo_until <= ?) and (" + a + ".expires_at is null or " + a + ".expires_at > ?)", now, now);
        if (!scope.languages().isEmpty()) {
            query.append(" and " + a + ".lang = any(cast(? as text[]))", (Object) scope.languages().toArray(String[]::new));
        }
        if (!scope.topics().isEmpty()) {
            query.append(" and " + a + ".topics && cast(? as text[])", (Object) scope.topics().toArray(String[]::new));
        }
        if (!scope.countries().isEmpty()) {
            query.append(" and (" + a + ".countries = '{}' or " + a + ".countries && cast(? as text[]))", (Object) scope.countries().toArray(String[]::new));
        }
    }

    private static void storyFilters(SqlQuery query, String a, ListFilter filter) {
        if (filter.type() != null) {
            query.append(" and " + a + ".type = ?", filter.type());
        }
        if (filter.topic() != null) {
            query.append(" and " + a + ".topics @> cast(? as text[])", (Object) new String[] {filter.topic()});
        }
        if (filter.country() != null) {
            query.append(" and " + a + ".countries @> cast(? as text[])", (Object) new String[] {filter.country()});
        }
        if (filter.keyMessage() != null) {
            query.append(" and " + a + ".key_messages @> cast(? as text[])", (Object) new String[] {filter.keyMessage()});
        }
    }

    private List<DeliveryRow> rows(SqlQuery query) {
        return query.read(entityManager, row -> new DeliveryRow(row.getString(1), row.getString(2), row.getBytes(3), SqlQuery.instant(row, 4)));
    }
}
