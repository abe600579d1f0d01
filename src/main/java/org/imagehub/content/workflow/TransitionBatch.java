package org.imagehub.content.workflow;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * Workflow transition rows of a bulk request, inserted as one JDBC batch in the order they were recorded. Their ids
 * come from the identity column at insert time, under the stories' row locks, so a localization's history keeps
 * its order even with several replicas (pooled ids handed out ahead could not promise that).
 */
final class TransitionBatch {
    private final List<WorkflowTransition> rows = new ArrayList<>();

    void add(WorkflowTransition transition) {
        rows.add(transition);
    }

    void insert(EntityManager entityManager) {
        if (rows.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into workflow_transition (story_id, lang, action, from_status, to_status, revision, actor, organisation, comment,
                        fast_tracked, scheduled_for, at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (WorkflowTransition row : rows) {
                    insert.setString(1, row.storyId);
                    insert.setString(2, row.lang);
                    insert.setString(3, row.action);
                    insert.setString(4, row.fromStatus);
                    insert.setString(5, row.toStatus);
                    insert.setInt(6, row.revision);
                    insert.setString(7, row.actor);
                    insert.setString(8, row.organisation);
                    insert.setString(9, row.comment);
                    insert.setBoolean(10, row.fastTracked);
                    if (row.scheduledFor == null) {
                        insert.setNull(11, Types.TIMESTAMP_WITH_TIMEZONE);
                    } else {
                        insert.setObject(11, row.scheduledFor.atOffset(ZoneOffset.UTC));
                    }
                    insert.setObject(12, row.at.atOffset(ZoneOffset.UTC));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        rows.clear();
    }
}
