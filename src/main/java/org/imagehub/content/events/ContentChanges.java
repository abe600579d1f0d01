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
        store(actor, steps);
        batches.fire(batch);
    }

    /**
     * Changes made together (an import chunk's new stories), recorded as {@link #record} would one by one, but with
     * their audit entries and events written as two JDBC batches instead of two managed entities each, which every
     * later flush of the transaction would walk again.
     */
    public void recordAll(Actor actor, List<Recorded> changes) {
        store(actor, changes);
        changes.forEach(change -> events.fire(change.event()));
    }

    private void store(Actor actor, List<Recorded> changes) {
        audit.recordAll(actor, changes.stream().map(Recorded::audit).toList());
        outbox.appendAll(changes.stream().map(change -> new Outbox.Announcement(change.event().eventType(), change.event().aggregateType(),
                change.event().aggregateId(), change.event())).toList());
    }
}
