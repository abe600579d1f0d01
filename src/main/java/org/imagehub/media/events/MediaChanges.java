package org.imagehub.media.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.imagehub.platform.events.ChangeMeta;
import org.imagehub.platform.outbox.Outbox;
import org.imagehub.security.Actor;
import org.imagehub.security.audit.AuditLog;

/**
 * The one place media records a change, in the writer's transaction: the audit entry, the outbox row (the event as
 * JSON; the rendition and storage handlers take it from there, after the commit) and the CDI event.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MediaChanges {
    private final AuditLog audit;
    private final Outbox outbox;
    private final Event<MediaEvent> events;

    public MediaChanges(AuditLog audit, Outbox outbox, Event<MediaEvent> events) {
        this.audit = audit;
        this.outbox = outbox;
        this.events = events;
    }

    public static ChangeMeta meta(Actor actor, Instant at) {
        return ChangeMeta.of(actor.userId(), actor.organisation(), at);
    }

    public void record(Actor actor, AuditLog.Write write, MediaEvent event) {
        audit.record(actor, write);
        outbox.append(event.eventType(), event.aggregateType(), event.aggregateId(), event);
        events.fire(event);
    }
}
