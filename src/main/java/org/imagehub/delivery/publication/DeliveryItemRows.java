package org.imagehub.delivery.publication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.imagehub.delivery.DeliveredStory;
import org.imagehub.delivery.StorySummary;
import org.imagehub.delivery.read.ConsumerScope;
import org.imagehub.platform.Json;

/**
 * Writes published rows (delivery_item) many at a time: one multi-row upsert per {@link #ROWS_PER_STATEMENT} rows and
 * one statement clearing their tombstones, instead of two statements per row. Runs in the caller's transaction.
 */
@ApplicationScoped
class DeliveryItemRows {
    /** 18 parameters a row; PostgreSQL takes at most 32,767 in one statement. */
    static final int ROWS_PER_STATEMENT = 500;
    private static final String INSERT = """
            insert into delivery_item (story_id, lang, slug, type, topics, countries, key_messages, embargo_until, expires_at,
                story_published_at, updated_at, change_seq, content_hash, document, summary, seen_topics, seen_countries, seen_visible)
            values""";
    /** The document and its list entry come as UTF-8 bytes and are stored as the text they are. */
    private static final String ROW = " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, convert_from(?, 'UTF8'), convert_from(?, 'UTF8'), ?, ?, ?)";
    private static final String ON_CONFLICT = """
             on conflict (story_id, lang) do update set slug = excluded.slug, type = excluded.type, topics = excluded.topics,
                seen_topics = array(select distinct unnest(delivery_item.seen_topics || excluded.seen_topics) order by 1),
                seen_countries = array(select distinct unnest(delivery_item.seen_countries || excluded.seen_countries) order by 1),
                seen_visible = delivery_item.seen_visible or excluded.seen_visible,
                countries = excluded.countries, key_messages = excluded.key_messages, embargo_until = excluded.embargo_until,
                expires_at = excluded.expires_at, story_published_at = excluded.story_published_at, updated_at = excluded.updated_at,
                change_seq = excluded.change_seq, content_hash = excluded.content_hash, document = excluded.document,
                summary = excluded.summary""";

    private final EntityManager entityManager;
    private final Json json;

    DeliveryItemRows(EntityManager entityManager, Json json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /**
     * One published row: the story, its document serialised with version 0 (the bytes its content hash is taken of),
     * its story's publication time, the hash and its number on the delivery clock (the document's version).
     */
    record Row(DeliveredStory story, byte[] document, Instant storyPublishedAt, String hash, long seq) {
        Row numbered(long number) {
            return new Row(story, document, storyPublishedAt, hash, number);
        }
    }

    void upsert(List<Row> rows, Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        // One statement may not touch a row twice: of a story-language given twice, the later (newer) one wins.
        Map<String, Row> unique = new LinkedHashMap<>();
        rows.forEach(row -> unique.put(row.story().id() + "/" + row.story().lang(), row));
        List<Row> all = new ArrayList<>(unique.values());
        entityManager.flush();
        entityManager.unwrap(Session.class).doWork(connection -> {
            for (int from = 0; from < all.size(); from += ROWS_PER_STATEMENT) {
                write(connection, all.subList(from, Math.min(all.size(), from + ROWS_PER_STATEMENT)), now);
            }
        });
    }

    private void write(Connection connection, List<Row> rows, Instant now) throws SQLException {
        StringBuilder sql = new StringBuilder(INSERT.length() + rows.size() * ROW.length() + ON_CONFLICT.length()).append(INSERT);
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "" : ",").append(ROW);
        }
        try (PreparedStatement insert = connection.prepareStatement(sql.append(ON_CONFLICT).toString())) {
            int p = 0;
            for (Row row : rows) {
                DeliveredStory story = row.story();
                insert.setString(++p, story.id());
                insert.setString(++p, story.lang());
                insert.setString(++p, story.slug());
                insert.setString(++p, story.type());
                insert.setArray(++p, connection.createArrayOf("text", story.topics().toArray()));
                insert.setArray(++p, connection.createArrayOf("text", story.countries().toArray()));
                insert.setArray(++p, connection.createArrayOf("text", story.keyMessages().toArray()));
                setInstant(insert, ++p, story.embargoUntil());
                setInstant(insert, ++p, story.expiresAt());
                setInstant(insert, ++p, row.storyPublishedAt());
                setInstant(insert, ++p, now);
                insert.setLong(++p, row.seq());
                insert.setString(++p, row.hash());
                insert.setBytes(++p, numbered(row));
                insert.setBytes(++p, json.writeBytes(StorySummary.of(story)));
                insert.setArray(++p, connection.createArrayOf("text", story.topics().toArray()));
                // Whom a later tombstone must reach: every country it was for, or everyone when it named none.
                insert.setArray(++p, connection.createArrayOf("text", story.countries().isEmpty()
                        ? new Object[] {ConsumerScope.EVERY_COUNTRY} : story.countries().toArray()));
                // Whether consumers could have had it yet: not while it is under embargo.
                insert.setBoolean(++p, story.embargoUntil() == null || !story.embargoUntil().isAfter(now));
            }
            insert.executeUpdate();
        }
        try (PreparedStatement clear = connection.prepareStatement(
                "delete from delivery_tombstone t using unnest(?, ?) as r(story_id, lang) where t.story_id = r.story_id and t.lang = r.lang")) {
            clear.setArray(1, connection.createArrayOf("text", rows.stream().map(row -> row.story().id()).toArray()));
            clear.setArray(2, connection.createArrayOf("text", rows.stream().map(row -> row.story().lang()).toArray()));
            clear.executeUpdate();
        }
    }

    /**
     * The row's document with its number as version. It was serialised with version 0 and id and version first
     * ({@link DeliveredStory}'s property order), so the number is placed without serialising the story again.
     */
    byte[] numbered(Row row) {
        byte[] document = row.document();
        byte[] prefix = ("{\"id\":" + json.write(row.story().id()) + ",\"version\":0").getBytes(StandardCharsets.UTF_8);
        if (document.length <= prefix.length || !Arrays.equals(document, 0, prefix.length, prefix, 0, prefix.length)
                || document[prefix.length] != ',') {
            throw new IllegalStateException("A published document does not start with its id and version 0: " + row.story().id());
        }
        byte[] number = Long.toString(row.seq()).getBytes(StandardCharsets.US_ASCII);
        byte[] numbered = new byte[document.length - 1 + number.length];
        System.arraycopy(document, 0, numbered, 0, prefix.length - 1);
        System.arraycopy(number, 0, numbered, prefix.length - 1, number.length);
        System.arraycopy(document, prefix.length, numbered, prefix.length - 1 + number.length, document.length - prefix.length);
        return numbered;
    }

    private static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        }
    }
}
