package org.imagehub.analytics.rollup;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.imagehub.analytics.AnalyticsConfig;

/**
 * Rolls usage up per day, story, language, consumer and channel, from every channel the hub sees: page views from
 * sites ({@code page-view}), reads counted by delivery ({@code api-read}, {@code sync}, {@code feed}), webhook
 * deliveries the receiver acknowledged ({@code webhook}), what schedulers report of social posts ({@code social}:
 * impressions and clicks gained that day) and clicks on the hub's short links ({@code short-link}). Each row carries
 * the story's organisation, topics and key messages and the consumer's countries as they are when the day is rolled
 * up, so reports read the roll-up alone; each day is also folded without story and consumer
 * ({@code analytics_daily_cube}: reach, totals, scores) and per story, language and countries ({@code analytics_story_daily}: top stories).
 *
 * <p>Each run takes the days that received events since the last run (and today and yesterday, whose counters move
 * all the time) and recomputes them whole, so a late event lands in its own day and a repeated run changes nothing.
 * Reads come from their daily sums ({@code delivery_read_daily}), so recomputing today costs what today's readers are,
 * not how many minutes they have been reading.
 * One replica at a time (a transaction-scoped advisory lock); a run that finds the lock taken leaves the work to the
 * one that holds it.
 */
@ApplicationScoped
public class DailyRollup {
    private static final long LOCK = 0x5a11_0016L;

    private final EntityManager entityManager;
    private final Clock clock;
    private final RunPacing pacing;

    public DailyRollup(EntityManager entityManager, Clock clock, AnalyticsConfig config) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.pacing = new RunPacing(config.rollupMaxBusyShare());
    }

    /** What a run did. */
    public record Run(int days, long rows, Instant upTo) {
    }

    @Scheduled(every = "${hub.analytics.rollup-interval:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        long started = System.nanoTime();
        if (!pacing.due(started)) {
            return;
        }
        try {
            run();
        } finally {
            pacing.ran(started, System.nanoTime());
        }
    }

    @Transactional
    public Run run() {
        if (!lockedForThisTransaction()) {
            return new Run(0, 0, null);
        }
        Object stored = entityManager.createNativeQuery("select rolled_up_to from analytics_rollup_state where id = 1").getSingleResult();
        Instant from = stored instanceof Instant at ? at : ((java.time.OffsetDateTime) stored).toInstant();
        // Events committed a moment ago by a slower transaction could still appear below now: leave the last seconds for the next run.
        Instant upTo = Instant.now(clock).minusSeconds(2);
        java.util.Set<LocalDate> touched = new java.util.TreeSet<>();
        // Ten minutes of overlap: an insert stamped before the last run's end may have committed after it (a day
        // recomputed twice is the same day).
        Instant since = from.minusSeconds(600);
        touched.addAll(days("select distinct (occurred_at at time zone 'UTC')::date from analytics_event where received_at > ?1 and received_at <= ?2", since, upTo));
        // A social reading sets its day's gain and the next day's starting point.
        for (LocalDate day : days("select distinct (measured_at at time zone 'UTC')::date from social_post_metrics where received_at > ?1 and received_at <= ?2", since, upTo)) {
            touched.add(day);
            touched.add(day.plusDays(1));
        }
        // Reads, webhook acknowledgements and short-link clicks are counted as they come: today's and yesterday's (a
        // flush just after midnight) are recomputed on every run.
        LocalDate today = LocalDate.ofInstant(upTo, java.time.ZoneOffset.UTC);
        touched.add(today);
        touched.add(today.minusDays(1));
        touched.removeIf(day -> day.isAfter(today));
        long rows = 0;
        for (LocalDate day : touched) {
            rows += rollUp(day);
        }
        entityManager.createNativeQuery("update analytics_rollup_state set rolled_up_to = ?1 where id = 1").setParameter(1, upTo).executeUpdate();
        return new Run(touched.size(), rows, upTo);
    }

    /** Recomputes every day of a range (an admin's repair, the demo's month): false when another run holds the lock. */
    @Transactional
    public boolean rebuild(LocalDate from, LocalDate to) {
        if (!lockedForThisTransaction()) {
            return false;
        }
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            rollUp(day);
        }
        return true;
    }

    /** One replica rolls up at a time: a transaction-scoped advisory lock, released at commit. */
    private boolean lockedForThisTransaction() {
        return (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)").setParameter(1, LOCK).getSingleResult();
    }

    private java.util.List<LocalDate> days(String sql, Instant from, Instant to) {
        List<?> rows = entityManager.createNativeQuery(sql).setParameter(1, from).setParameter(2, to).getResultList();
        return rows.stream().map(value -> value instanceof Date date ? date.toLocalDate() : (LocalDate) value).toList();
    }

    /** Recomputes one day; answers how many rows it now has. */
    private long rollUp(LocalDate day) {
        entityManager.createNativeQuery("delete from analytics_daily where day = ?1").setParameter(1, day).executeUpdate();
        entityManager.createNativeQuery("delete from analytics_daily_cube where day = ?1").setParameter(1, day).executeUpdate();
        entityManager.createNativeQuery("delete from analytics_story_daily where day = ?1").setParameter(1, day).executeUpdate();
        long rows = entityManager.createNativeQuery("""
                with bounds as (select (cast(?1 as date)::timestamp at time zone 'UTC') as day_start,
                                       ((cast(?1 as date) + 1)::timestamp at time zone 'UTC') as day_end),
                usage (story_id, lang, consumer_id, channel, events, visitors, clicks) as (
                    select story_id, lang, consumer_id, channel, count(*), count(distinct visitor), 0
                      from analytics_event, bounds where occurred_at >= day_start and occurred_at < day_end
                     group by story_id, lang, consumer_id, channel
                    union all
                    select story_id, lang, consumer_id, channel, reads, 0, 0
                      from delivery_read_daily where day = cast(?1 as date)
                    union all
                    select d.story_id, d.lang, s.consumer_id, 'webhook', count(*), 0, 0
                      from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id, bounds
                     where d.status = 'delivered' and d.delivered_at >= day_start and d.delivered_at < day_end
                       and d.story_id is not null and d.lang is not null
                     group by d.story_id, d.lang, s.consumer_id
                    union all
                    -- Schedulers report running totals: a day's figure is its last reading less the last one before it.
                    select p.story_id, p.lang, coalesce(a.scheduler_consumer, ''), 'social',
                           greatest(0, coalesce(last.impressions, 0) - coalesce(before.impressions, 0)), 0,
                           greatest(0, coalesce(last.clicks, 0) - coalesce(before.clicks, 0))
                      from (select distinct post_id from social_post_metrics, bounds where measured_at >= day_start and measured_at < day_end) measured
                      join social_post p on p.id = measured.post_id join social_account a on a.id = p.account_id
                      cross join bounds
                      cross join lateral (select impressions, clicks from social_post_metrics m where m.post_id = p.id
                             and m.measured_at >= day_start and m.measured_at < day_end order by m.measured_at desc limit 1) last
                      left join lateral (select impressions, clicks from social_post_metrics m where m.post_id = p.id
                             and m.measured_at < day_start order by m.measured_at desc limit 1) before on true
                    union all
                    select p.story_id, p.lang, coalesce(a.scheduler_consumer, ''), 'short-link', c.clicks, 0, c.clicks
                      from social_link_click c join social_post p on p.id = c.post_id join social_account a on a.id = p.account_id
                     where c.day = cast(?1 as date))
                insert into analytics_daily (day, story_id, lang, consumer_id, channel, events, visitors, clicks, organisation, topics, key_messages, countries)
                select cast(?1 as date), u.story_id, u.lang, u.consumer_id, u.channel, sum(u.events), sum(u.visitors), sum(u.clicks),
                       coalesce(min(s.organisation), ''), coalesce(min(s.topics), '{}'), coalesce(min(s.key_messages), '{}'), coalesce(min(c.countries), '{}')
                  from usage u left join story s on s.id = u.story_id left join consumer c on c.id = u.consumer_id
                 group by u.story_id, u.lang, u.consumer_id, u.channel""").setParameter(1, day).executeUpdate();
        entityManager.createNativeQuery("""
                insert into analytics_daily_cube (day, organisation, lang, channel, countries, topics, key_messages, events, visitors, clicks)
                select day, organisation, lang, channel, countries, topics, key_messages, sum(events), sum(visitors), sum(clicks)
                  from analytics_daily where day = ?1 group by day, organisation, lang, channel, countries, topics, key_messages""")
                .setParameter(1, day).executeUpdate();
        entityManager.createNativeQuery("""
                insert into analytics_story_daily (day, story_id, lang, countries, organisation, topics, key_messages, events, clicks)
                select day, story_id, lang, countries, min(organisation), min(topics), min(key_messages), sum(events), sum(clicks)
                  from analytics_daily where day = ?1 group by day, story_id, lang, countries""")
                .setParameter(1, day).executeUpdate();
        return rows;
    }
}
