package org.imagehub.security.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.imagehub.platform.events.ChangeMeta;
import org.imagehub.platform.outbox.Outbox;
import org.imagehub.security.Actor;
import org.imagehub.security.audit.AuditLog;

/**
 * The one place security records a change, in the writer's transaction: the audit entry, the outbox row (the event
 * as JSON) and the CDI event — the same shape as content's recorder. The outbox writer is platform's, so security
 * announces changes without depending on distribution (which depends on security for its admin endpoints).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SecurityChanges {
    private final AuditLog audit;
    private final Outbox outbox;
    private final Event<SecurityEvent> events;

    public SecurityChanges(AuditLog audit, Outbox outbox, Event<SecurityEvent> events) {
        this.audit = audit;
        this.outbox = outbox;
        this.events = events;
    }

    public static ChangeMeta meta(Actor actor, Instant at) {
        return ChangeMeta.of(actor.userId(), actor.organisation(), at);
    }

    public void record(Actor actor, AuditLog.Write write, SecurityEvent event) {
        audit.record(actor, write);
        outbox.append(event.eventType(), event.aggregateType(), event.aggregateId(), event);
        events.fire(event);
    }
}
