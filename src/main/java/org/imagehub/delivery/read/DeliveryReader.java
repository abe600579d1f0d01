package org.imagehub.delivery.read;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.imagehub.platform.SqlValues;
import java.util.List;
import java.util.Optional;

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
        SqlQuery query = new SqlQuery().append("select d.story_id, d.lang, cast(d.document as text), d.story_published_at from delivery_item d where d.story_id = ?", storyId);
        visible(query, scope, now);
        return rows(query.append(" order by d.lang"));
    }

    public Optional<String> storyIdBySlug(String lang, String slug) {
        List<Object[]> rows = new SqlQuery().append("select story_id from delivery_item where lang = ? and slug = ?", lang, slug).rows(entityManager);
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0)[0]);
    }

    /**
     * One page of stories, newest first, each in its best language; {@code after} is the last row of the previous
     * page. The inner query walks the newest-first index and keeps one row per story (all of a story's languages
     * share its publication time), so a page reads little more than its own rows.
     */
    public List<DeliveryRow> list(ListFilter filter, LanguagePreference languages, ConsumerScope scope, Instant now, DeliveryRow after, int limit) {
        SqlQuery query = new SqlQuery().append("select c.story_id, c.lang, c.document, c.story_published_at from (")
                .append("select distinct on (d.story_published_at, d.story_id) d.story_id, d.lang, cast(d.document as text) as document,"
                        + " d.story_published_at, d.updated_at from delivery_item d where true");
        visible(query, scope, now);
        if (!languages.anyAfterwards()) {
            query.append(" and d.lang = any(cast(? as text[]))", (Object) languages.chain().toArray(String[]::new));
        }
        storyFilters(query, filter);
        if (after != null) {
            query.append(" and (d.story_published_at, d.story_id) < (?, ?)", after.storyPublishedAt(), after.storyId());
        }
        query.append(" order by d.story_published_at desc, d.story_id desc, coalesce(array_position(cast(? as text[]), d.lang), ?), d.lang) c",
                languages.chain().toArray(String[]::new), languages.chain().size());
        if (filter.updatedSince() != null) {
            query.append(" where c.updated_at >= ?", filter.updatedSince());
        }
        return rows(query.append(" order by c.story_published_at desc, c.story_id desc limit ?", limit));
    }

    /** Up to {@code limit} other stories in the same language that share a topic with the story, newest first. */
    public List<DeliveryRow> related(String storyId, String lang, List<String> topics, ConsumerScope scope, Instant now, int limit) {
        if (topics.isEmpty()) {
            return List.of();
        }
        SqlQuery query = new SqlQuery().append("select d.story_id, d.lang, cast(d.document as text), d.story_published_at from delivery_item d"
                + " where d.lang = ? and d.story_id <> ? and d.topics && cast(? as text[])", lang, storyId, topics.toArray(String[]::new));
        visible(query, scope, now);
        return rows(query.append(" order by d.story_published_at desc, d.story_id desc limit ?", limit));
    }

    /** The newest stories in exactly one language, for a feed. */
    public List<DeliveryRow> feed(String lang, String topic, String type, ConsumerScope scope, Instant now, int limit) {
        SqlQuery query = new SqlQuery().append("select d.story_id, d.lang, cast(d.document as text), d.story_published_at from delivery_item d where d.lang = ?", lang);
        visible(query, scope, now);
        storyFilters(query, new ListFilter(type, topic, null, null, null));
        return rows(query.append(" order by d.story_published_at desc, d.story_id desc limit ?", limit));
    }

    /** The earliest future embargo end or expiry: cached answers computed now are exact until then. */
    public Optional<Instant> nextTimeBoundary(Instant now) {
        Object value = new SqlQuery().append("""
                select least((select min(embargo_until) from delivery_item where embargo_until > ?),
                             (select min(expires_at) from delivery_item where expires_at > ?))""", now, now).rows(entityManager).get(0)[0];
        return Optional.ofNullable(SqlValues.instant(value));
    }

    private static void visible(SqlQuery query, ConsumerScope scope, Instant now) {
        query.append(" and (d.embargo_until is null or d.embargo_until <= ?) and (d.expires_at is null or d.expires_at > ?)", now, now);
        if (!scope.languages().isEmpty()) {
            query.append(" and d.lang = any(cast(? as text[]))", (Object) scope.languages().toArray(String[]::new));
        }
        if (!scope.topics().isEmpty()) {
            query.append(" and d.topics && cast(? as text[])", (Object) scope.topics().toArray(String[]::new));
        }
        if (!scope.countries().isEmpty()) {
            query.append(" and (d.countries = '{}' or d.countries && cast(? as text[]))", (Object) scope.countries().toArray(String[]::new));
        }
    }

    private static void storyFilters(SqlQuery query, ListFilter filter) {
        if (filter.type() != null) {
            query.append(" and d.type = ?", filter.type());
        }
        if (filter.topic() != null) {
            query.append(" and d.topics @> cast(? as text[])", (Object) new String[] {filter.topic()});
        }
        if (filter.country() != null) {
            query.append(" and d.countries @> cast(? as text[])", (Object) new String[] {filter.country()});
        }
        if (filter.keyMessage() != null) {
            query.append(" and d.key_messages @> cast(? as text[])", (Object) new String[] {filter.keyMessage()});
        }
    }

    private List<DeliveryRow> rows(SqlQuery query) {
        return query.rows(entityManager).stream()
                .map(row -> new DeliveryRow((String) row[0], (String) row[1], (String) row[2], SqlValues.instant(row[3]))).toList();
    }
}
