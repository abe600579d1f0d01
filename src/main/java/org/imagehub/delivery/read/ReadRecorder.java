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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.Session;

/**
 * Counts which consumer read which story in which language, per minute and channel, for delivery receipts and the
 * effectiveness reports. A read costs one in-memory increment; the counts go to the database in batches, off the
 * request path.
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

    private record Key(String consumerId, String storyId, String lang, long minute, Channel channel) {
    }

    /** Six parameters a row; PostgreSQL takes at most 32,767 in one statement. */
    static final int ROWS_PER_STATEMENT = 1000;

    /**
     * One counter per key, kept for the key's minute and the next: a read increments a counter in place and writes no
     * reference into the map. (A merge stored a new Long in an old map node on every read: a dirty card G1 scanned at
     * its next pause, one of about three a read under random reads; bench/README.md, "where a young pause goes".)
     */
    private final Map<Key, AtomicLong> pending = new ConcurrentHashMap<>();
    private final EntityManager entityManager;
    private final Clock clock;

    public ReadRecorder(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    public void record(String consumerId, String storyId, String lang, Channel channel) {
        Key key = new Key(consumerId, storyId, lang, clock.millis() / 60_000, channel);
        AtomicLong counter = pending.get(key);
        if (counter == null) {
            counter = pending.computeIfAbsent(key, absent -> new AtomicLong());
        }
        counter.incrementAndGet();
    }

    @Scheduled(every = "${hub.analytics.read-flush-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void flush() {
        List<Map.Entry<Key, Long>> counts = new ArrayList<>();
        long lastMinute = clock.millis() / 60_000 - 1;
        // getAndSet is atomic: a read counted while its counter is being flushed goes to the next flush, never into one
        // already written (a delivery receipt counts on a single read). A counter leaves once its minute is over by a
        // whole minute, when no read can still be on its way to it; what came in before it left is flushed with it.
        for (Map.Entry<Key, AtomicLong> counter : pending.entrySet()) {
            long reads = counter.getValue().getAndSet(0);
            if (counter.getKey().minute() < lastMinute && pending.remove(counter.getKey(), counter.getValue())) {
                reads += counter.getValue().getAndSet(0);
            }
            if (reads > 0) {
                counts.add(Map.entry(counter.getKey(), reads));
            }
        }
        if (counts.isEmpty()) {
            return;
        }
        // Random access over the archive leaves one counter per story read: tens of thousands a flush, written as
        // a few multi-row statements, not one round trip each.
        entityManager.unwrap(Session.class).doWork(connection -> {
            for (int from = 0; from < counts.size(); from += ROWS_PER_STATEMENT) {
                write(connection, counts.subList(from, Math.min(counts.size(), from + ROWS_PER_STATEMENT)));
            }
        });
    }

    private static void write(Connection connection, List<Map.Entry<Key, Long>> counts) throws SQLException {
        StringBuilder sql = new StringBuilder("insert into delivery_read (consumer_id, story_id, lang, minute, channel, reads) values");
        for (int i = 0; i < counts.size(); i++) {
            sql.append(i == 0 ? " " : ", ").append("(?, ?, ?, ?, ?, ?)");
        }
        sql.append(" on conflict (consumer_id, story_id, lang, minute, channel) do update set reads = delivery_read.reads + excluded.reads");
        try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
            int p = 0;
            for (Map.Entry<Key, Long> count : counts) {
                Key key = count.getKey();
                insert.setString(++p, key.consumerId());
                insert.setString(++p, key.storyId());
                insert.setString(++p, key.lang());
                insert.setObject(++p, Instant.ofEpochMilli(key.minute() * 60_000).atOffset(ZoneOffset.UTC));
                insert.setString(++p, key.channel().code());
                insert.setInt(++p, (int) Math.min(Integer.MAX_VALUE, count.getValue()));
            }
            insert.executeUpdate();
        }
    }

    void flushOnShutdown(@Observes ShutdownEvent event) {
        flush();
    }
}
