package org.imagehub.delivery.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imagehub.platform.Json;
import org.imagehub.platform.NativeSql;
import org.imagehub.platform.SqlValues;
import org.imagehub.security.consumer.ConsumerAccess;

/** The webhook tables: who subscribes, what is to be sent, what has been announced. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class WebhookDeliveries {
    private final EntityManager entityManager;
    private final Json json;
    private final Clock clock;

    public WebhookDeliveries(EntityManager entityManager, Json json, Clock clock) {
        this.entityManager = entityManager;
        this.json = json;
        this.clock = clock;
    }

    /** A delivery to make: the payload's {@code data}, for one subscriber. */
    record NewDelivery(WebhookFanout.Subscriber subscriber, long eventId, String type, String storyId, String lang, Long storyVersion,
            Map<String, Object> data) {
    }

    /** Every enabled subscription of an active consumer, narrowed to what its consumer may read. */
    List<WebhookFanout.Subscriber> subscribers() {
        List<?> rows = entityManager.createNativeQuery("""
                select w.id, w.event_types, w.types,
                       case when cardinality(w.languages) > 0 then w.languages else c.languages end,
                       case when cardinality(w.topics) > 0 then w.topics else c.topics end,
                       case when cardinality(w.countries) > 0 then w.countries else c.countries end,
                       c.id
                  from webhook_subscription w join consumer c on c.id = w.consumer_id
                 where w.enabled and c.active order by w.id""").getResultList();
        return rows.stream().map(Object[].class::cast).map(row -> new WebhookFanout.Subscriber((String) row[0], SqlValues.texts(row[1]),
                SqlValues.texts(row[2]), new ConsumerAccess((String) row[6], null, null, Set.of(), new HashSet<>(SqlValues.texts(row[3])),
                        new HashSet<>(SqlValues.texts(row[4])), new HashSet<>(SqlValues.texts(row[5])), 0))).toList();
    }

    /**
     * Records that receivers are told of this story language and answers which news it is: the story's first told
     * language is {@code story.published}, another language {@code translation.published}, a told one again
     * {@code story.updated}.
     */
    String announce(String storyId, String lang) {
        List<?> told = NativeSql.bind(entityManager.createNativeQuery("select lang from webhook_announcement where story_id = ?1"), storyId)
                .getResultList();
        NativeSql.bind(entityManager.createNativeQuery("""
                insert into webhook_announcement (story_id, lang, announced_at) values (?1, ?2, ?3) on conflict do nothing"""),
                storyId, lang, Timestamp.from(Instant.now(clock))).executeUpdate();
        if (told.contains(lang)) {
            return WebhookEventTypes.STORY_UPDATED;
        }
        return told.isEmpty() ? WebhookEventTypes.STORY_PUBLISHED : WebhookEventTypes.TRANSLATION_PUBLISHED;
    }

    /** The language was taken down: published again, it is news again. */
    void forget(String storyId, String lang) {
        NativeSql.bind(entityManager.createNativeQuery("delete from webhook_announcement where story_id = ?1 and lang = ?2"), storyId, lang)
                .executeUpdate();
    }

    /** Adds deliveries that do not exist yet (their ids are made from event, language and subscription). */
    void add(List<NewDelivery> deliveries) {
        Instant now = Instant.now(clock);
        for (NewDelivery delivery : deliveries) {
            String id = "msg_" + delivery.eventId() + "_" + (delivery.lang() == null ? "all" : delivery.lang()) + "_" + delivery.subscriber().subscriptionId();
            insert(id, delivery.subscriber().subscriptionId(), delivery.eventId(), delivery.type(), delivery.storyId(), delivery.lang(),
                    delivery.storyVersion() == null ? null : delivery.storyVersion().toString(), payload(delivery.type(), now, delivery.data()), now);
        }
    }

    /** A test.ping to one subscription, outside any event: answers the delivery's id. */
    String ping(String subscriptionId) {
        Instant now = Instant.now(clock);
        String id = "msg_ping_" + org.imagehub.platform.ids.Ids.newId();
        insert(id, subscriptionId, 0, WebhookEventTypes.TEST_PING, null, null, null,
                payload(WebhookEventTypes.TEST_PING, now, Map.of("subscriptionId", subscriptionId)), now);
        return id;
    }

    private String payload(String type, Instant at, Map<String, Object> data) {
        Map<String, Object> payload = new java.util.LinkedHashMap<>();
        payload.put("type", type);
        payload.put("timestamp", at.toString());
        payload.put("data", data);
        return json.write(payload);
    }

    private void insert(String id, String subscriptionId, long eventId, String type, String storyId, String lang, String storyVersion, String payload,
            Instant now) {
        String hash = org.imagehub.platform.Hashes.sha256Hex(payload);
        NativeSql.bind(entityManager.createNativeQuery("insert into webhook_payload (hash, body, created_at) values (?1, ?2, ?3) on conflict do nothing"),
                hash, payload, Timestamp.from(now)).executeUpdate();
        NativeSql.bind(entityManager.createNativeQuery("""
                insert into webhook_delivery (id, subscription_id, outbox_event_id, event_type, story_id, lang, story_version, payload_hash, status,
                                              next_attempt_at, created_at)
                values (?1, ?2, ?3, ?4, cast(?5 as text), cast(?6 as text), cast(cast(?7 as text) as bigint), ?8, 'pending', ?9, ?9)
                on conflict (id) do nothing"""),
                id, subscriptionId, eventId, type, storyId, lang, storyVersion, hash, Timestamp.from(now)).executeUpdate();
    }
}
