package org.imagehub.security.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.imagehub.platform.events.ChangeMeta;
import org.imagehub.security.Actor;
import org.imagehub.security.audit.AuditLog;

/**
 * The one place security records a change, in the writer's transaction: the audit entry and the CDI event, the
 * same shape as content's recorder. No outbox row: the outbox belongs to distribution, which depends on security
 * (its admin endpoints are authorised and audited), and nothing outside the hub listens to these changes yet.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SecurityChanges {
    private final AuditLog audit;
    private final Event<SecurityEvent> events;

    public SecurityChanges(AuditLog audit, Event<SecurityEvent> events) {
        this.audit = audit;
        this.events = events;
    }

    public static ChangeMeta meta(Actor actor, Instant at) {
        return ChangeMeta.of(actor.userId(), actor.organisation(), at);
    }

    public void record(Actor actor, AuditLog.Write write, SecurityEvent event) {
        audit.record(actor, write);
        events.fire(event);
    }
}
