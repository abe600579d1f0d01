package org.imagehub.security.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.imagehub.platform.Json;
import org.imagehub.platform.http.RequestIds;
import org.imagehub.security.Actor;

/** Records every write in the writer's own transaction: the entry exists if and only if the write was committed. */
@ApplicationScoped
public class AuditLog {
    /** The actor of timed actions, which no person starts. */
    public static final Actor SYSTEM = new Actor("system:timed-actions", null, java.util.Set.of(), false);

    private final Json json;
    private final Clock clock;
    private final EntityManager entityManager;

    public AuditLog(Json json, Clock clock, EntityManager entityManager) {
        this.json = json;
        this.clock = clock;
        this.entityManager = entityManager;
    }

    /** What was done: action, target and the target's revision (or version) after the write. */
    public record Write(String action, String targetType, String targetId, Long revision, Map<String, ?> details) {
        public static Write of(String action, String targetType, String targetId, long revision) {
            return new Write(action, targetType, targetId, revision, Map.of());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Actor actor, Write write) {
        AuditEntry entry = new AuditEntry();
        entry.at = Instant.now(clock);
        entry.actor = actor.userId();
        entry.organisation = actor.organisation();
        entry.action = write.action();
        entry.targetType = write.targetType();
        entry.targetId = write.targetId();
        entry.revision = write.revision();
        entry.requestId = RequestIds.current();
        entry.detailsJson = json.write(write.details() == null ? Map.of() : write.details());
        entry.persist();
    }

    /**
     * Many writes of one actor as one JDBC batch, in order, for bulk callers: a publication of a hundred stories
     * records nine hundred entries, and as managed entities every later flush of the transaction walked them all.
     * Ids come from the entries' sequence, one value each (never one the entity's pooled ids use).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(Actor actor, List<Write> writes) {
        if (writes.isEmpty()) {
            return;
        }
        OffsetDateTime at = Instant.now(clock).atOffset(ZoneOffset.UTC);
        String requestId = RequestIds.current();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into audit_entry (id, at, actor, organisation, action, target_type, target_id, revision, request_id, details)
                    values (nextval('audit_entry_id_seq'), ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""")) {
                for (Write write : writes) {
                    insert.setObject(1, at);
                    insert.setString(2, actor.userId());
                    insert.setString(3, actor.organisation());
                    insert.setString(4, write.action());
                    insert.setString(5, write.targetType());
                    insert.setString(6, write.targetId());
                    insert.setObject(7, write.revision(), Types.BIGINT);
                    insert.setString(8, requestId);
                    insert.setString(9, json.write(write.details() == null ? Map.of() : write.details()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }
}
