package org.imagehub.content.workflow;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.hibernate.Session;
import org.imagehub.content.story.Localization;
import org.imagehub.content.story.Story;
import org.imagehub.platform.IndexPathsOnly;

/**
 * Writes the workflow state of a bulk request's localizations and the versions of their stories as one update per
 * table. The entities were loaded read-only, so Hibernate does not write them itself: as managed entities a
 * publication of a hundred stories was three hundred single-row updates of the localizations, Hibernate's update
 * path a large share of the request's time. The columns are those {@link WorkflowRecorder} changes.
 */
final class WorkflowStateRows {
    private static final String LOCALIZATIONS = """
            update localization l set status = u.status, scheduled_at = cast(u.scheduled_at as timestamptz),
                published_revision = u.published_revision, live_slug = u.live_slug, published_at = cast(u.published_at as timestamptz),
                first_published_at = cast(u.first_published_at as timestamptz), withdrawn_reason = u.withdrawn_reason,
                public_reason = u.public_reason, version = u.version, updated_at = cast(u.updated_at as timestamptz)
            from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) as u(id, status, scheduled_at, published_revision, live_slug, published_at,
                first_published_at, withdrawn_reason, public_reason, version, updated_at)
            where l.id = u.id""";
    private static final String STORIES = """
            update story s set version = u.version, updated_at = cast(u.updated_at as timestamptz)
            from unnest(?, ?, ?) as u(id, version, updated_at)
            where s.id = u.id""";

    private WorkflowStateRows() {
    }

    static void write(EntityManager entityManager, List<Story> stories, List<Localization> localizations) {
        if (localizations.isEmpty()) {
            return;
        }
        // By primary key, whatever the statistics of tables an import has just filled say.
        IndexPathsOnly.during(entityManager, () -> {
            entityManager.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement update = connection.prepareStatement(LOCALIZATIONS)) {
                    update.setArray(1, texts(connection, localizations, l -> l.id));
                    update.setArray(2, texts(connection, localizations, l -> l.status));
                    update.setArray(3, texts(connection, localizations, l -> text(l.scheduledAt)));
                    update.setArray(4, connection.createArrayOf("int4", localizations.stream().map(l -> l.publishedRevision).toArray()));
                    update.setArray(5, texts(connection, localizations, l -> l.liveSlug));
                    update.setArray(6, texts(connection, localizations, l -> text(l.publishedAt)));
                    update.setArray(7, texts(connection, localizations, l -> text(l.firstPublishedAt)));
                    update.setArray(8, texts(connection, localizations, l -> l.withdrawnReason));
                    update.setArray(9, texts(connection, localizations, l -> l.publicReason));
                    update.setArray(10, connection.createArrayOf("int8", localizations.stream().map(l -> l.version).toArray()));
                    update.setArray(11, texts(connection, localizations, l -> text(l.updatedAt)));
                    update.executeUpdate();
                }
                try (PreparedStatement update = connection.prepareStatement(STORIES)) {
                    update.setArray(1, texts(connection, stories, s -> s.id));
                    update.setArray(2, connection.createArrayOf("int8", stories.stream().map(s -> s.version).toArray()));
                    update.setArray(3, texts(connection, stories, s -> text(s.updatedAt)));
                    update.executeUpdate();
                }
            });
            return null;
        });
    }

    private static <T> java.sql.Array texts(Connection connection, List<T> rows, Function<T, String> column) throws SQLException {
        return connection.createArrayOf("text", rows.stream().map(column).toArray());
    }

    /** ISO 8601 in UTC, which PostgreSQL reads as a timestamptz exactly. */
    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
