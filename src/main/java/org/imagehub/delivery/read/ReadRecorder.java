package org.imagehub.delivery.read;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.Session;

/**
 * Counts which consumer read which story in which language, per minute and channel, for delivery receipts and the
 * effectiveness reports. A read costs one in-memory increment; the counts go to the database in batches, off the
 * request path, every {@code hub.analytics.read-flush-interval} (a minute: a receipt or report sees a read at most that
 * much later) and when the hub stops.
 */
@ApplicationScoped
public class ReadRecorder {
    /** How a consumer took a story: the delivery API, a sync page or a feed. */
    public enum Channel {
        API_READ("api-read"), SYNC("sync"), FEED("feed");

        private final String code;

        Channel(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** Six parameters a row; PostgreSQL takes at most 32,767 in one statement. */
    static final int ROWS_PER_STATEMENT = 1000;

    private final ReadCounts counts = new ReadCounts();
    private final EntityManager entityManager;
    private final Clock clock;

    public ReadRecorder(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    public void record(String consumerId, String storyId, String lang, Channel channel) {
        counts.add(new ReadCounts.Key(consumerId, storyId, lang, channel), clock.millis() / 60_000);
    }

    @Scheduled(every = "${hub.analytics.read-flush-interval:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void flush() {
        store(counts.drain(clock.millis() / 60_000));
    }

    /** Adds counts to the stored ones; a key and minute may come more than once. */
    void store(List<ReadCounts.Count> taken) {
        if (taken.isEmpty()) {
            return;
        }
        // Random access over the archive leaves one count per story read: tens of thousands a flush, written as a few
        // multi-row statements, not one round trip each.
        entityManager.unwrap(Session.class).doWork(connection -> {
            for (int from = 0; from < taken.size(); from += ROWS_PER_STATEMENT) {
                write(connection, taken.subList(from, Math.min(taken.size(), from + ROWS_PER_STATEMENT)));
            }
        });
    }

    private static void write(Connection connection, List<ReadCounts.Count> counts) throws SQLException {
        // Grouped in the statement: a read stamped with a minute its counter had already left comes as a second count of
        // that minute, and one upsert may not touch a row twice. Each count goes to its minute (receipts want the minute
        // of a read) and to its day (the daily roll-up reads a day's readers, not every minute of them).
        StringBuilder sql = new StringBuilder("with counted (consumer_id, story_id, lang, minute, channel, reads) as ("
                + "select consumer_id, story_id, lang, minute, channel, sum(reads) from (values");
        for (int i = 0; i < counts.size(); i++) {
            sql.append(i == 0 ? " " : ", ").append("(?, ?, ?, ?, ?, ?)");
        }
        sql.append(") as given (consumer_id, story_id, lang, minute, channel, reads) group by consumer_id, story_id, lang, minute, channel),"
                + " by_minute as (insert into delivery_read (consumer_id, story_id, lang, minute, channel, reads)"
                + " select consumer_id, story_id, lang, minute, channel, reads from counted"
                + " on conflict (consumer_id, story_id, lang, minute, channel) do update set reads = delivery_read.reads + excluded.reads)"
                + " insert into delivery_read_daily (day, consumer_id, story_id, lang, channel, reads)"
                + " select (minute at time zone 'UTC')::date, consumer_id, story_id, lang, channel, sum(reads) from counted"
                + " group by 1, 2, 3, 4, 5"
                + " on conflict (day, consumer_id, story_id, lang, channel) do update set reads = delivery_read_daily.reads + excluded.reads");
        try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
            int p = 0;
            for (ReadCounts.Count count : counts) {
                ReadCounts.Key key = count.key();
                insert.setString(++p, key.consumerId());
                insert.setString(++p, key.storyId());
                insert.setString(++p, key.lang());
                insert.setObject(++p, Instant.ofEpochMilli(count.minute() * 60_000).atOffset(ZoneOffset.UTC));
                insert.setString(++p, key.channel().code());
                insert.setInt(++p, (int) Math.min(Integer.MAX_VALUE, count.reads()));
            }
            insert.executeUpdate();
        }
    }

    void flushOnShutdown(@Observes ShutdownEvent event) {
        flush();
    }
}
