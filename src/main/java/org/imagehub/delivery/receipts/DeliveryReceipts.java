package org.imagehub.delivery.receipts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imagehub.delivery.read.ConsumerScope;
import org.imagehub.platform.NativeSql;
import org.imagehub.platform.SqlValues;
import org.imagehub.security.consumer.ConsumerAccess;
import org.imagehub.security.consumer.Scopes;

/**
 * Who has the current version of a story language, and how: a webhook the consumer's receiver acknowledged (2xx)
 * for that version or a later one, or a read of it through the delivery API or sync since it was published (read
 * records are per minute, so a read in the minute of publication counts). For a language taken down, who has
 * acknowledged the removal by webhook. Consumers are those with content:read whose scope covers the item.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DeliveryReceipts {
    static final String REACHED = "reached";
    static final String PENDING = "pending";
    static final String FAILED = "failed";

    private final EntityManager entityManager;

    public DeliveryReceipts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    private record Consumer(String id, String name, ConsumerScope scope) {
    }

    public StoryReceipts forStory(String storyId) {
        return forStory(storyId, consumers());
    }

    private StoryReceipts forStory(String storyId, List<Consumer> consumers) {
        List<LanguageReceipts> languages = new ArrayList<>();
        for (Object row : NativeSql.bind(entityManager.createNativeQuery("""
                select lang, change_seq, updated_at, topics, countries from delivery_item where story_id = ?1 order by lang"""),
                storyId).getResultList()) {
            Object[] item = (Object[]) row;
            String lang = (String) item[0];
            long version = ((Number) item[1]).longValue();
            Instant since = SqlValues.instant(item[2]);
            Map<String, Webhook> webhooks = webhooks(storyId, lang, "d.story_version >= ?3", version);
            Map<String, Instant> pulls = pulls(storyId, lang, since);
            List<ConsumerReceipt> receipts = consumers.stream()
                    .filter(consumer -> consumer.scope().allows(lang, SqlValues.texts(item[3]), SqlValues.texts(item[4])))
                    .map(consumer -> receipt(consumer, webhooks.get(consumer.id()), pulls.get(consumer.id()))).toList();
            languages.add(new LanguageReceipts(lang, "live", version, since, Summary.of(receipts), receipts));
        }
        for (Object row : NativeSql.bind(entityManager.createNativeQuery("""
                select lang, reason, removed_at, topics, countries, seen_visible from delivery_tombstone where story_id = ?1 order by lang"""),
                storyId).getResultList()) {
            Object[] item = (Object[]) row;
            String lang = (String) item[0];
            Instant since = SqlValues.instant(item[2]);
            Map<String, Webhook> webhooks = webhooks(storyId, lang, "d.event_type in ('story.withdrawn', 'story.expired') and d.created_at >= ?3",
                    Timestamp.from(since.minusSeconds(1)));
            List<ConsumerReceipt> receipts = !Boolean.TRUE.equals(item[5]) ? List.of() : consumers.stream()
                    .filter(consumer -> consumer.scope().couldHaveSeen(lang, SqlValues.texts(item[3]), SqlValues.texts(item[4])))
                    .map(consumer -> receipt(consumer, webhooks.get(consumer.id()), null)).toList();
            languages.add(new LanguageReceipts(lang, (String) item[1], null, since, Summary.of(receipts), receipts));
        }
        return new StoryReceipts(storyId, languages);
    }

    /** The report of an organisation: its stories changed since then, and per consumer how many it has not got. */
    public OrganisationReceipts forOrganisation(String organisation, Instant since, int maxStories) {
        List<?> storyIds = NativeSql.bind(entityManager.createNativeQuery("""
                select story_id from (select story_id, max(updated_at) as changed from delivery_item
                  where updated_at >= ?1 and exists (select 1 from story s where s.id = delivery_item.story_id and s.organisation = ?2) group by story_id
                 union all select story_id, max(removed_at) from delivery_tombstone t
                  where removed_at >= ?1 and exists (select 1 from story s where s.id = t.story_id and s.organisation = ?2) group by story_id) c
                 group by story_id order by max(changed) desc limit ?3"""), Timestamp.from(since), organisation, maxStories + 1).getResultList();
        boolean more = storyIds.size() > maxStories;
        List<Consumer> consumers = consumers();
        Map<String, List<ConsumerReceipt>> perConsumer = new LinkedHashMap<>();
        List<ConsumerReceipt> all = new ArrayList<>();
        for (Object storyId : storyIds.subList(0, Math.min(maxStories, storyIds.size()))) {
            for (LanguageReceipts language : forStory((String) storyId, consumers).languages()) {
                for (ConsumerReceipt receipt : language.consumers()) {
                    all.add(receipt);
                    perConsumer.computeIfAbsent(receipt.consumerId(), id -> new ArrayList<>()).add(receipt);
                }
            }
        }
        List<OrganisationReceipts.ConsumerTotals> totals = perConsumer.values().stream()
                .map(receipts -> new OrganisationReceipts.ConsumerTotals(receipts.get(0).consumerId(), receipts.get(0).name(), Summary.of(receipts)))
                .toList();
        return new OrganisationReceipts(organisation, since, Math.min(maxStories, storyIds.size()), more, Summary.of(all), totals);
    }

    private static ConsumerReceipt receipt(Consumer consumer, Webhook webhook, Instant pulled) {
        if (webhook != null && webhook.status().equals("delivered")) {
            return new ConsumerReceipt(consumer.id(), consumer.name(), REACHED, "webhook", webhook.at(), webhook.httpStatus());
        }
        if (pulled != null) {
            return new ConsumerReceipt(consumer.id(), consumer.name(), REACHED, "pull", pulled, null);
        }
        if (webhook != null && webhook.status().equals("parked")) {
            return new ConsumerReceipt(consumer.id(), consumer.name(), FAILED, "webhook", webhook.at(), webhook.httpStatus());
        }
        return new ConsumerReceipt(consumer.id(), consumer.name(), PENDING, webhook == null ? null : "webhook", null,
                webhook == null ? null : webhook.httpStatus());
    }

    private record Webhook(String status, Instant at, Integer httpStatus) {
    }

    /** Each consumer's best webhook delivery of this story language that matches {@code condition}: delivered first. */
    private Map<String, Webhook> webhooks(String storyId, String lang, String condition, Object value) {
        Map<String, Webhook> best = new java.util.HashMap<>();
        for (Object row : NativeSql.bind(entityManager.createNativeQuery("""
                select distinct on (s.consumer_id) s.consumer_id, d.status, coalesce(d.delivered_at, d.last_attempt_at), d.last_status
                  from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id
                 where d.story_id = ?1 and d.lang = ?2""" + " and " + condition + " " + """
                 order by s.consumer_id, case d.status when 'delivered' then 0 when 'pending' then 1 else 2 end, d.created_at desc"""),
                storyId, lang, value).getResultList()) {
            Object[] columns = (Object[]) row;
            best.put((String) columns[0], new Webhook((String) columns[1], SqlValues.instant(columns[2]),
                    columns[3] == null ? null : ((Number) columns[3]).intValue()));
        }
        return best;
    }

    /** When each consumer first read the story language since {@code since} (to the minute): when it had it. */
    private Map<String, Instant> pulls(String storyId, String lang, Instant since) {
        Map<String, Instant> pulls = new java.util.HashMap<>();
        for (Object row : NativeSql.bind(entityManager.createNativeQuery("""
                select consumer_id, min(minute) from delivery_read where story_id = ?1 and lang = ?2
                   and minute >= date_trunc('minute', cast(?3 as timestamptz)) group by consumer_id"""), storyId, lang, Timestamp.from(since))
                .getResultList()) {
            Object[] columns = (Object[]) row;
            pulls.put((String) columns[0], SqlValues.instant(columns[1]));
        }
        return pulls;
    }

    private List<Consumer> consumers() {
        List<?> rows = entityManager.createNativeQuery("""
                select id, name, languages, topics, countries from consumer where active and ?1 = any(scopes) order by name, id""")
                .setParameter(1, Scopes.CONTENT_READ).getResultList();
        return rows.stream().map(Object[].class::cast).map(row -> new Consumer((String) row[0], (String) row[1], ConsumerScope.of(
                new ConsumerAccess((String) row[0], null, (String) row[1], Set.of(), Set.copyOf(SqlValues.texts(row[2])),
                        Set.copyOf(SqlValues.texts(row[3])), Set.copyOf(SqlValues.texts(row[4])), 0)))).toList();
    }

    /** Counts by status, for one language or a whole report. */
    public record Summary(int reached, int pending, int failed) {
        static Summary of(List<ConsumerReceipt> receipts) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            receipts.forEach(receipt -> counts.merge(receipt.status(), 1, Integer::sum));
            return new Summary(counts.getOrDefault(REACHED, 0), counts.getOrDefault(PENDING, 0), counts.getOrDefault(FAILED, 0));
        }
    }
}
