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

/**
 * Rolls raw events up per day, story, language, consumer and channel (page views from sites; API reads, channel
 * {@code api-read}, from the per-minute read counts). Each run takes the days of the events received since the last run
 * and recomputes those days whole, so a late event lands in its own day and a repeated run changes nothing. One replica at a time (a transaction-scoped advisory lock); a run that finds the lock
 * taken leaves the work to the one that holds it.
 */
@ApplicationScoped
public class DailyRollup {
    private static final long LOCK = 0x5a11_0016L;

    private final EntityManager entityManager;
    private final Clock clock;

    public DailyRollup(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** What a run did. */
    public record Run(int days, long rows, Instant upTo) {
    }

    @Scheduled(every = "${hub.analytics.rollup-interval:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        run();
    }

    @Transactional
    public Run run() {
        boolean locked = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)").setParameter(1, LOCK).getSingleResult();
        if (!locked) {
            return new Run(0, 0, null);
        }
        Object stored = entityManager.createNativeQuery("select rolled_up_to from analytics_rollup_state where id = 1").getSingleResult();
        Instant from = stored instanceof Instant at ? at : ((java.time.OffsetDateTime) stored).toInstant();
        // Events committed a moment ago by a slower transaction could still appear below now: leave the last seconds for the next run.
        Instant upTo = Instant.now(clock).minusSeconds(2);
        @SuppressWarnings("unchecked")
        List<Object> days = entityManager.createNativeQuery("""
                select distinct (occurred_at at time zone 'UTC')::date from analytics_event where received_at > ?1 and received_at <= ?2""")
                // Ten minutes of overlap: an insert stamped before the last run's end may have committed after it (a
                // day recomputed twice is the same day).
                .setParameter(1, from.minusSeconds(600)).setParameter(2, upTo).getResultList();
        java.util.Set<LocalDate> touched = new java.util.TreeSet<>();
        for (Object value : days) {
            touched.add(value instanceof Date date ? date.toLocalDate() : (LocalDate) value);
        }
        // API reads are counted per minute and flushed every few seconds: today's and yesterday's (a flush just after
        // midnight) are recomputed on every run.
        LocalDate today = LocalDate.ofInstant(upTo, java.time.ZoneOffset.UTC);
        touched.add(today);
        touched.add(today.minusDays(1));
        long rows = 0;
        for (LocalDate day : touched) {
            rows += rollUp(day);
        }
        entityManager.createNativeQuery("update analytics_rollup_state set rolled_up_to = ?1 where id = 1").setParameter(1, upTo).executeUpdate();
        return new Run(touched.size(), rows, upTo);
    }

    private long rollUp(LocalDate day) {
        entityManager.createNativeQuery("delete from analytics_daily where day = ?1").setParameter(1, day).executeUpdate();
        return entityManager.createNativeQuery("""
                insert into analytics_daily (day, story_id, lang, consumer_id, channel, events, visitors)
                select ?1, story_id, lang, consumer_id, channel, count(*), count(distinct visitor)
                from analytics_event
                where occurred_at >= (cast(?1 as date)::timestamp at time zone 'UTC') and occurred_at < ((cast(?1 as date) + 1)::timestamp at time zone 'UTC')
                group by story_id, lang, consumer_id, channel""").setParameter(1, day).executeUpdate()
                + entityManager.createNativeQuery("""
                insert into analytics_daily (day, story_id, lang, consumer_id, channel, events, visitors)
                select ?1, story_id, lang, consumer_id, 'api-read', sum(reads), 0
                from delivery_read
                where minute >= (cast(?1 as date)::timestamp at time zone 'UTC') and minute < ((cast(?1 as date) + 1)::timestamp at time zone 'UTC')
                group by story_id, lang, consumer_id""").setParameter(1, day).executeUpdate();
    }
}
