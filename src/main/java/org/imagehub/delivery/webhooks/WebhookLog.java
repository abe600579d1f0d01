package org.imagehub.delivery.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imagehub.platform.Json;
import org.imagehub.platform.NativeSql;
import org.imagehub.platform.SqlValues;
import org.imagehub.platform.errors.NotFoundException;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.security.Actor;
import org.imagehub.security.audit.AuditLog;

/** A subscription's deliveries with every attempt (as Stripe and GitHub show theirs), test pings and replays. */
@ApplicationScoped
@Transactional
public class WebhookLog {
    private static final List<String> STATUSES = List.of("pending", "delivered", "parked");

    private final EntityManager entityManager;
    private final WebhookDeliveries deliveries;
    private final Json json;
    private final AuditLog audit;
    private final Clock clock;

    public WebhookLog(EntityManager entityManager, WebhookDeliveries deliveries, Json json, AuditLog audit, Clock clock) {
        this.entityManager = entityManager;
        this.deliveries = deliveries;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    @Schema(name = "WebhookAttempt")
    public record AttemptView(int attempt, Instant at, int durationMs, Integer status, String error, Map<String, Object> requestHeaders,
            Map<String, Object> responseHeaders, @Schema(description = "The start of the receiver's answer") String responseExcerpt) {
    }

    @Schema(name = "WebhookDelivery")
    public record DeliveryView(@Schema(description = "The webhook-id header: the same on every retry") String id, String eventType, String storyId,
            String lang, Long storyVersion, @Schema(enumeration = {"pending", "delivered", "parked"}) String status, int attempts,
            Instant nextAttemptAt, Instant deliveredAt, Integer lastStatus, String lastError, Instant createdAt, List<AttemptView> attemptLog) {
    }

    public record DeliveryPage(List<DeliveryView> items, String next) {
    }

    @Schema(name = "WebhookReplay")
    public record Replayed(@Schema(description = "Deliveries queued again", example = "3") int replayed) {
    }

    @Schema(name = "WebhookPing")
    public record Queued(@Schema(description = "The test.ping's delivery (its webhook-id)", example = "msg_ping_01JD8X6M3V9Q2W7R5T4Y1K0ZPC") String deliveryId) {
    }

    /** Newest first; {@code before} is the createdAt|id of the last item of the previous page. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DeliveryPage deliveries(String consumerId, String subscriptionId, String status, String before, int limit) {
        WebhookSubscriptions.find(consumerId, subscriptionId, jakarta.persistence.LockModeType.NONE);
        if (status != null && !STATUSES.contains(status)) {
            throw ValidationException.of("query.status", "unknown", "one of " + STATUSES);
        }
        String[] after = before == null ? null : before.split("\\|", 2);
        if (after != null && (after.length != 2 || !after[0].matches("\\d+"))) {
            throw ValidationException.of("query.cursor", "invalid", "the next link of the previous page");
        }
        List<?> rows = NativeSql.bind(entityManager.createNativeQuery("""
                select id, event_type, story_id, lang, story_version, status, attempts, next_attempt_at, delivered_at, last_status, last_error,
                       created_at, (extract(epoch from created_at) * 1000000)::bigint
                  from webhook_delivery where subscription_id = ?1 and (cast(?2 as text) is null or status = cast(?2 as text))
                   and (cast(?3 as bigint) is null or ((extract(epoch from created_at) * 1000000)::bigint, id) < (cast(?3 as bigint), cast(?4 as text)))
                 order by created_at desc, id desc limit ?5"""), subscriptionId, status, after == null ? null : after[0],
                after == null ? null : after[1], limit + 1).getResultList();
        List<DeliveryView> items = new ArrayList<>();
        String next = null;
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = (Object[]) rows.get(i);
            if (i == limit) {
                Object[] last = (Object[]) rows.get(limit - 1);
                next = last[12] + "|" + last[0];
                break;
            }
            items.add(new DeliveryView((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                    row[4] == null ? null : ((Number) row[4]).longValue(), (String) row[5], ((Number) row[6]).intValue(), SqlValues.instant(row[7]),
                    SqlValues.instant(row[8]), row[9] == null ? null : ((Number) row[9]).intValue(), (String) row[10], SqlValues.instant(row[11]),
                    attempts((String) row[0])));
        }
        return new DeliveryPage(items, next);
    }

    private List<AttemptView> attempts(String deliveryId) {
        List<?> rows = NativeSql.bind(entityManager.createNativeQuery("""
                select attempt, attempted_at, duration_ms, status, error, request_headers::text, response_headers::text, response_excerpt
                  from webhook_attempt where delivery_id = ?1 order by attempt"""), deliveryId).getResultList();
        return rows.stream().map(Object[].class::cast).map(row -> new AttemptView(((Number) row[0]).intValue(), SqlValues.instant(row[1]),
                ((Number) row[2]).intValue(), row[3] == null ? null : ((Number) row[3]).intValue(), (String) row[4], map((String) row[5]),
                map((String) row[6]), (String) row[7])).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(String text) {
        return text == null ? null : json.read(text, LinkedHashMap.class);
    }

    /** Queues a test.ping for the subscription; answers its delivery id. */
    public String ping(String consumerId, String subscriptionId) {
        WebhookSubscriptions.find(consumerId, subscriptionId, jakarta.persistence.LockModeType.NONE);
        return deliveries.ping(subscriptionId);
    }

    /** Sends one delivery again (whatever its status), with a fresh retry window; same webhook-id. */
    public int replayOne(String consumerId, String subscriptionId, String deliveryId, Actor actor) {
        WebhookSubscriptions.find(consumerId, subscriptionId, jakarta.persistence.LockModeType.NONE);
        int replayed = requeue("subscription_id = ?2 and id = cast(?3 as text)", subscriptionId, deliveryId, null, null);
        if (replayed == 0) {
            throw new NotFoundException("No delivery '" + deliveryId + "' of webhook subscription '" + subscriptionId + "'.");
        }
        audit.record(actor, new AuditLog.Write("webhook.replayed", "webhook", subscriptionId, null, Map.of("deliveryId", deliveryId)));
        return replayed;
    }

    /** Sends again the subscription's parked deliveries made in [from, to) (either bound may be absent). */
    public int replayParked(String consumerId, String subscriptionId, Instant from, Instant to, Actor actor) {
        WebhookSubscriptions.find(consumerId, subscriptionId, jakarta.persistence.LockModeType.NONE);
        int replayed = requeue("subscription_id = ?2 and status = 'parked'", subscriptionId, null, from, to);
        audit.record(actor, new AuditLog.Write("webhook.replayed", "webhook", subscriptionId, null,
                Map.of("parked", replayed, "from", String.valueOf(from), "to", String.valueOf(to))));
        return replayed;
    }

    /** Sends again every parked delivery of every subscription. */
    public int replayAllParked(Actor actor) {
        int replayed = requeue("status = 'parked' and cast(?2 as text) is null", null, null, null, null);
        audit.record(actor, new AuditLog.Write("webhook.replayed-all", "webhook", "*", null, Map.of("parked", replayed)));
        return replayed;
    }

    private int requeue(String which, String subscriptionId, String deliveryId, Instant from, Instant to) {
        String sql = "update webhook_delivery set status = 'pending', next_attempt_at = ?1, first_attempt_at = null, claimed_until = null"
                + " where " + which
                + (deliveryId == null ? " and cast(?3 as text) is null" : "")
                + " and (cast(?4 as timestamptz) is null or created_at >= cast(?4 as timestamptz))"
                + " and (cast(?5 as timestamptz) is null or created_at < cast(?5 as timestamptz))";
        return NativeSql.bind(entityManager.createNativeQuery(sql), Timestamp.from(Instant.now(clock)), subscriptionId, deliveryId,
                from == null ? null : Timestamp.from(from), to == null ? null : Timestamp.from(to)).executeUpdate();
    }
}
