package org.imagehub.social.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import org.imagehub.platform.events.ChangeMeta;
import org.imagehub.platform.outbox.Outbox;
import org.imagehub.security.Actor;
import org.imagehub.security.audit.AuditLog;

/** The one place social records a change, in the writer's transaction: audit entry, outbox row and CDI event together. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SocialChanges {
    private final AuditLog audit;
    private final Outbox outbox;
    private final Event<SocialEvent> events;

    public SocialChanges(AuditLog audit, Outbox outbox, Event<SocialEvent> events) {
        this.audit = audit;
        this.outbox = outbox;
        this.events = events;
    }

    public static ChangeMeta meta(Actor actor, Instant at) {
        return ChangeMeta.of(actor.userId(), actor.organisation(), at);
    }

    public void record(Actor actor, SocialEvent event, long version, Map<String, ?> details) {
        audit.record(actor, new AuditLog.Write(event.eventType(), event.aggregateType(), event.aggregateId(), version, details));
        outbox.append(event.eventType(), event.aggregateType(), event.aggregateId(), event);
        events.fire(event);
    }
}
