package org.imagehub.content.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.imagehub.platform.outbox.Outbox;
import org.imagehub.platform.events.ChangeMeta;
import org.imagehub.security.Actor;
import org.imagehub.security.audit.AuditLog;

/**
 * The one place content records a change, in the writer's transaction: the audit entry, the outbox row (the event
 * as JSON) and the CDI event its observers (delivery's published view) handle before the transaction commits. A
 * failing observer rolls the change back with it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ContentChanges {
    private final AuditLog audit;
    private final Outbox outbox;
    private final Event<ContentEvent> events;
    private final Event<StoriesPublished> batches;

    public ContentChanges(AuditLog audit, Outbox outbox, Event<ContentEvent> events, Event<StoriesPublished> batches) {
        this.audit = audit;
        this.outbox = outbox;
        this.events = events;
        this.batches = batches;
    }

    /** A change as the audit log words it (its action names predate the events) and as everyone else hears of it. */
    public record Recorded(AuditLog.Write audit, ContentEvent event) {
    }

    public static ChangeMeta meta(Actor actor, Instant at) {
        return ChangeMeta.of(actor.userId(), actor.organisation(), at);
    }

    public void record(Actor actor, AuditLog.Write write, ContentEvent event) {
        audit.record(actor, write);
        outbox.append(event.eventType(), event.aggregateType(), event.aggregateId(), event);
        events.fire(event);
    }

    /**
     * A bulk publication: every step is audited and stored as its own event, in order (each as one JDBC batch);
     * observers get one {@link StoriesPublished} for the batch.
     */
    public void recordBatch(Actor actor, List<Recorded> steps, StoriesPublished batch) {
        audit.recordAll(actor, steps.stream().map(Recorded::audit).toList());
        outbox.appendAll(steps.stream().map(step -> new Outbox.Announcement(step.event().eventType(), step.event().aggregateType(),
                step.event().aggregateId(), step.event())).toList());
        batches.fire(batch);
    }
}
