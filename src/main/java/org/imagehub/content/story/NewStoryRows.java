package org.imagehub.content.story;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.Session;
import org.imagehub.content.revision.RevisionContent;

/**
 * Inserts new stories with their localizations as two JDBC batches, every column their entities map. An import chunk
 * creates a hundred stories and three hundred localizations that nothing in its transaction changes again; as managed
 * entities Hibernate cascaded, snapshotted and dirty-checked each of them at every flush, and its insert path was most
 * of the chunk writers' time. The stories stay unmanaged: whatever reads them again in the transaction loads them from
 * the rows. (A language added to a story the session manages is persisted as an entity instead: the story's
 * collection cascades to it, and a row inserted behind Hibernate's back would be inserted a second time.)
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class NewStoryRows {
    private static final String STORY = """
            insert into story (id, external_id, type, organisation, priority, topics, countries, tags, key_messages, credit, source, licence,
                fields, embargo_until, expires_at, embargo_lifted, version, created_at, updated_at, created_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?)""";
    private static final String LOCALIZATION = """
            insert into localization (id, story_id, lang, rtl, slug, title, summary, body_html, body_text, fields, seo_title, seo_description,
                translated_from_lang, translated_from_revision, current_revision, status, published_at, published_revision, live_slug,
                first_published_at, scheduled_at, withdrawn_reason, public_reason, version, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final EntityManager entityManager;

    NewStoryRows(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Inserts the stories, then all their localizations (which reference them). */
    void insert(List<Story> stories) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement story = connection.prepareStatement(STORY);
                    PreparedStatement localization = connection.prepareStatement(LOCALIZATION)) {
                for (Story each : stories) {
                    bindStory(connection, story, each);
                    story.addBatch();
                }
                story.executeBatch();
                for (Story each : stories) {
                    for (Localization language : each.localizations) {
                        bindLocalization(localization, language);
                        localization.addBatch();
                    }
                }
                localization.executeBatch();
            }
        });
    }

    private static void bindStory(Connection connection, PreparedStatement insert, Story story) throws SQLException {
        insert.setString(1, story.id);
        insert.setString(2, story.externalId);
        insert.setString(3, story.type);
        insert.setString(4, story.organisation);
        insert.setString(5, story.priority);
        insert.setArray(6, connection.createArrayOf("text", story.topics.toArray()));
        insert.setArray(7, connection.createArrayOf("text", story.countries.toArray()));
        insert.setArray(8, connection.createArrayOf("text", story.tags.toArray()));
        insert.setArray(9, connection.createArrayOf("text", story.keyMessages.toArray()));
        insert.setString(10, story.credit);
        insert.setString(11, story.source);
        insert.setString(12, story.licence);
        insert.setString(13, story.fieldsJson);
        setInstant(insert, 14, story.embargoUntil);
        setInstant(insert, 15, story.expiresAt);
        insert.setBoolean(16, story.embargoLifted);
        insert.setLong(17, story.version);
        setInstant(insert, 18, story.createdAt);
        setInstant(insert, 19, story.updatedAt);
        insert.setString(20, story.createdBy);
    }

    private static void bindLocalization(PreparedStatement insert, Localization localization) throws SQLException {
        RevisionContent content = localization.content;
        insert.setString(1, localization.id);
        insert.setString(2, localization.story.id);
        insert.setString(3, localization.lang);
        insert.setBoolean(4, localization.rtl);
        insert.setString(5, content.slug());
        insert.setString(6, content.title());
        insert.setString(7, content.summary());
        insert.setString(8, content.bodyHtml());
        insert.setString(9, content.bodyText());
        insert.setString(10, content.fieldsJson());
        insert.setString(11, content.seoTitle());
        insert.setString(12, content.seoDescription());
        insert.setString(13, content.translatedFromLang());
        insert.setObject(14, content.translatedFromRevision(), Types.INTEGER);
        insert.setInt(15, localization.currentRevision);
        insert.setString(16, localization.status);
        setInstant(insert, 17, localization.publishedAt);
        insert.setObject(18, localization.publishedRevision, Types.INTEGER);
        insert.setString(19, localization.liveSlug);
        setInstant(insert, 20, localization.firstPublishedAt);
        setInstant(insert, 21, localization.scheduledAt);
        insert.setString(22, localization.withdrawnReason);
        insert.setString(23, localization.publicReason);
        insert.setLong(24, localization.version);
        setInstant(insert, 25, localization.createdAt);
        setInstant(insert, 26, localization.updatedAt);
    }

    private static void setInstant(PreparedStatement insert, int index, Instant value) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            insert.setObject(index, value.atOffset(ZoneOffset.UTC));
        }
    }
}
