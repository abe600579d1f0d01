package org.imagehub.security.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
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

    public AuditLog(Json json, Clock clock) {
        this.json = json;
        this.clock = clock;
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
}
