package org.imagehub.delivery.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.imagehub.platform.Json;
import org.imagehub.platform.NativeSql;
import org.imagehub.platform.SqlValues;

/**
 * The deliveries due, claimed across replicas: a claim lasts {@code hub.webhooks.claim-for}, so a replica that dies
 * mid-send leaves its deliveries to others. At most a subscription's {@code maxConcurrency} of its deliveries are in
 * flight at once (two replicas claiming at the same instant may briefly exceed it).
 */
@ApplicationScoped
@Transactional
public class SendQueue {
    private final EntityManager entityManager;
    private final Json json;

    public SendQueue(EntityManager entityManager, Json json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** A claimed delivery with what sending it needs. */
    record Claimed(String id, String subscriptionId, String url, List<String> secrets, String eventType, String payload, int attempt,
            Instant firstAttemptAt) {
    }

    List<Claimed> claim(int limit, Instant now, Duration claimFor) {
        Timestamp at = Timestamp.from(now);
        List<?> rows = NativeSql.bind(entityManager.createNativeQuery("""
                update webhook_delivery d
                   set claimed_until = ?2, attempts = d.attempts + 1, first_attempt_at = coalesce(d.first_attempt_at, ?1), last_attempt_at = ?1
                  from webhook_subscription s
                 where s.id = d.subscription_id and d.status = 'pending' and (d.claimed_until is null or d.claimed_until <= ?1)
                   and d.id in (select c.id from (
                         select p.id, p.next_attempt_at,
                                row_number() over (partition by p.subscription_id order by p.next_attempt_at, p.id) as place,
                                w.max_concurrency - (select count(*) from webhook_delivery f
                                                      where f.subscription_id = p.subscription_id and f.status = 'pending'
                                                        and f.claimed_until > ?1) as free
                           from webhook_delivery p join webhook_subscription w on w.id = p.subscription_id
                          where p.status = 'pending' and w.enabled and p.next_attempt_at <= ?1
                            and (p.claimed_until is null or p.claimed_until <= ?1)) c
                        where c.place <= c.free order by c.next_attempt_at limit ?3)
                returning d.id, d.subscription_id, s.url, s.secret, s.previous_secret, s.previous_secret_until, d.event_type,
                          (select p.body from webhook_payload p where p.hash = d.payload_hash), d.attempts, d.first_attempt_at"""), at, Timestamp.from(now.plus(claimFor)), limit).getResultList();
        return rows.stream().map(Object[].class::cast).map(row -> {
            Instant previousUntil = SqlValues.instant(row[5]);
            List<String> secrets = row[4] != null && previousUntil != null && previousUntil.isAfter(now)
                    ? List.of((String) row[3], (String) row[4]) : List.of((String) row[3]);
            return new Claimed((String) row[0], (String) row[1], (String) row[2], secrets, (String) row[6], (String) row[7],
                    ((Number) row[8]).intValue(), SqlValues.instant(row[9]));
        }).toList();
    }

    /** Records one attempt and its outcome: delivered, retried at {@code retryAt}, or (retryAt null) parked. */
    void record(Claimed delivery, Instant at, long durationMs, Map<String, String> requestHeaders, ReceiverClient.Answer answer, Instant retryAt) {
        NativeSql.bind(entityManager.createNativeQuery("""
                insert into webhook_attempt (delivery_id, attempt, attempted_at, duration_ms, status, error, request_headers, response_headers,
                                             response_excerpt)
                values (?1, ?2, ?3, ?4, ?5, cast(?6 as text), cast(?7 as jsonb), cast(?8 as jsonb), cast(?9 as text)) on conflict do nothing"""),
                delivery.id(), delivery.attempt(), Timestamp.from(at), (int) Math.min(durationMs, Integer.MAX_VALUE),
                answer.status() == 0 ? null : answer.status(), answer.error(), json.write(requestHeaders),
                answer.status() == 0 ? null : json.write(answer.headers()), answer.excerpt()).executeUpdate();
        String status = answer.delivered() ? "delivered" : retryAt == null ? "parked" : "pending";
        NativeSql.bind(entityManager.createNativeQuery("""
                update webhook_delivery set status = ?2, claimed_until = null, last_status = ?3, last_error = cast(?4 as text),
                       delivered_at = case when ?2 = 'delivered' then cast(?5 as timestamptz) end,
                       next_attempt_at = coalesce(cast(?6 as timestamptz), next_attempt_at)
                 where id = ?1"""), delivery.id(), status, answer.status(), answer.error(), Timestamp.from(at),
                retryAt == null ? null : Timestamp.from(retryAt)).executeUpdate();
    }

    /**
     * After a delivery is parked: when nothing reached the subscription's receiver since that delivery's first
     * attempt, the receiver failed for the whole retry window and the subscription is disabled, saying why.
     */
    boolean disableIfDead(Claimed parked, Instant at, Duration window) {
        return NativeSql.bind(entityManager.createNativeQuery("""
                update webhook_subscription s set enabled = false, disabled_at = ?2, version = s.version + 1, updated_at = ?2,
                       disabled_reason = ?3
                 where s.id = ?1 and s.enabled and not exists (select 1 from webhook_delivery d where d.subscription_id = s.id
                        and d.status = 'delivered' and d.delivered_at >= ?4)"""),
                parked.subscriptionId(), Timestamp.from(at),
                "Every delivery failed for the whole retry window (" + window + ") from " + parked.firstAttemptAt() + " to " + at
                        + "; re-enable it with PUT and replay the parked deliveries.",
                Timestamp.from(parked.firstAttemptAt())).executeUpdate() > 0;
    }
}
