package org.imagehub.distribution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imagehub.distribution.dispatch.HandlerRegistry;
import org.imagehub.distribution.dispatch.OutboxStats;
import org.imagehub.platform.Json;
import org.imagehub.platform.NativeSql;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.NotFoundException;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.platform.paging.Cursors;
import org.imagehub.security.Actor;
import org.imagehub.security.audit.AuditLog;

/** What admins see and do about the outbox: handlers' backlogs, parked events, replays (each audited). */
@ApplicationScoped
@Transactional
public class ParkedEvents {
    private final EntityManager entityManager;
    private final HandlerRegistry handlers;
    private final OutboxStats stats;
    private final Cursors cursors;
    private final Json json;
    private final AuditLog audit;

    public ParkedEvents(EntityManager entityManager, HandlerRegistry handlers, OutboxStats stats, Cursors cursors, Json json, AuditLog audit) {
        this.entityManager = entityManager;
        this.handlers = handlers;
        this.stats = stats;
        this.cursors = cursors;
        this.json = json;
        this.audit = audit;
    }

    public record Page(List<ParkedEventView> items, String next) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HandlerStatusView> handlers() {
        return handlers.all().stream().map(handler -> {
            OutboxStats.HandlerStats of = stats.of(handler.name());
            return new HandlerStatusView(handler.name(), of.pending(), of.parked(), of.oldestPendingAge().toSeconds());
        }).toList();
    }

    /** Parked events by handler, then event id; {@code handler} null for every handler's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page parked(String handler, String cursor, int limit) {
        StringBuilder sql = new StringBuilder("""
                select d.handler, d.event_id, e.event_type, d.aggregate_type, d.aggregate_id, d.position, d.attempts, d.last_error,
                       e.created_at, d.parked_at, e.payload::text
                  from outbox_delivery d join outbox_event e on e.id = d.event_id where d.parked_at is not null""");
        List<Object> parameters = new ArrayList<>();
        if (handler != null) {
            parameters.add(handler);
            sql.append(" and d.handler = ?").append(parameters.size());
        }
        if (cursor != null) {
            String[] after = cursors.decode(cursor, "outbox-parked", "cursor");
            parameters.add(after[0]);
            int handlerParameter = parameters.size();
            parameters.add(Long.parseLong(after[1]));
            sql.append(" and (d.handler, d.event_id) > (?").append(handlerParameter).append(", ?").append(parameters.size()).append(')');
        }
        parameters.add(limit + 1);
        sql.append(" order by d.handler, d.event_id limit ?").append(parameters.size());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = NativeSql.bind(entityManager.createNativeQuery(sql.toString()), parameters.toArray()).getResultList();
        boolean more = rows.size() > limit;
        List<ParkedEventView> items = rows.stream().limit(limit).map(this::view).toList();
        String next = more ? cursors.encode("outbox-parked", items.get(limit - 1).handler(), Long.toString(items.get(limit - 1).eventId())) : null;
        return new Page(items, next);
    }

    public ReplayResult replayOne(String handler, long eventId, Actor actor) {
        int replayed = replay("d.handler = ?1 and d.event_id = ?2", handler, eventId);
        if (replayed == 0) {
            throw new NotFoundException("No event " + eventId + " is parked for handler " + handler + ".");
        }
        audit.record(actor, new AuditLog.Write("outbox.replay", "outbox-handler", handler, null, Map.of("eventId", eventId)));
        return new ReplayResult(replayed);
    }

    public ReplayResult replay(ReplayRequest request, Actor actor) {
        validate(request);
        Map<String, Object> details = new LinkedHashMap<>();
        int replayed;
        if (request.handler() == null) {
            replayed = replay("true");
        } else {
            details.put("handler", request.handler());
            long from = request.fromEventId() == null ? 0 : request.fromEventId();
            long to = request.toEventId() == null ? Long.MAX_VALUE : request.toEventId();
            if (request.fromEventId() != null) {
                details.put("fromEventId", from);
            }
            if (request.toEventId() != null) {
                details.put("toEventId", to);
            }
            replayed = replay("d.handler = ?1 and d.event_id between ?2 and ?3", request.handler(), from, to);
        }
        details.put("replayed", replayed);
        audit.record(actor, new AuditLog.Write("outbox.replay", "outbox-handler", request.handler() == null ? "*" : request.handler(), null, details));
        return new ReplayResult(replayed);
    }

    private void validate(ReplayRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.handler() != null && !handlers.exists(request.handler())) {
            errors.add(new FieldError("handler", "unknown", "no handler of that name runs on this hub"));
        }
        if (request.handler() == null && (request.fromEventId() != null || request.toEventId() != null)) {
            errors.add(new FieldError("handler", "required", "a range of event ids is a handler's range"));
        }
        if (request.fromEventId() != null && request.fromEventId() < 1) {
            errors.add(new FieldError("fromEventId", "out-of-range", "at least 1"));
        }
        if (request.toEventId() != null && request.toEventId() < 1) {
            errors.add(new FieldError("toEventId", "out-of-range", "at least 1"));
        }
        if (request.fromEventId() != null && request.toEventId() != null && request.fromEventId() > request.toEventId()) {
            errors.add(new FieldError("toEventId", "out-of-range", "not below fromEventId"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The replay request is not valid.", errors);
        }
    }

    /** Unparks: due now, attempts from zero again, the last error kept until the next failure replaces it. */
    private int replay(String condition, Object... parameters) {
        return NativeSql.bind(entityManager.createNativeQuery("""
                update outbox_delivery d set parked_at = null, attempts = 0, due_at = now()
                 where d.parked_at is not null and\s""" + condition), parameters).executeUpdate();
    }

    private ParkedEventView view(Object[] row) {
        return new ParkedEventView((String) row[0], ((Number) row[1]).longValue(), (String) row[2], (String) row[3], (String) row[4],
                ((Number) row[5]).longValue(), ((Number) row[6]).intValue(), (String) row[7], instant(row[8]), instant(row[9]),
                json.read((String) row[10]));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
