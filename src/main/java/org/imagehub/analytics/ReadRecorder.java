package org.imagehub.analytics;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts which consumer read which story in which language, per minute, for the effectiveness reports. A read
 * costs one in-memory increment; the counts go to the database in batches, off the request path.
 */
@ApplicationScoped
public class ReadRecorder {
    private record Key(String consumerId, String storyId, String lang, long minute) {
    }

    private final Map<Key, LongAdder> pending = new ConcurrentHashMap<>();
    private final EntityManager entityManager;
    private final Clock clock;

    public ReadRecorder(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    public void record(String consumerId, String storyId, String lang) {
        pending.computeIfAbsent(new Key(consumerId, storyId, lang, clock.millis() / 60_000), key -> new LongAdder()).increment();
    }

    @Scheduled(every = "${hub.analytics.read-flush-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void flush() {
        // An increment racing with the removal of its counter can be lost: these are statistics, not accounts.
        for (Key key : List.copyOf(pending.keySet())) {
            LongAdder counter = pending.remove(key);
            long reads = counter == null ? 0 : counter.sum();
            if (reads == 0) {
                continue;
            }
            entityManager.createNativeQuery("""
                            insert into delivery_read (consumer_id, story_id, lang, minute, reads) values (?1, ?2, ?3, ?4, ?5)
                            on conflict (consumer_id, story_id, lang, minute) do update set reads = delivery_read.reads + excluded.reads""")
                    .setParameter(1, key.consumerId()).setParameter(2, key.storyId()).setParameter(3, key.lang())
                    .setParameter(4, Instant.ofEpochMilli(key.minute() * 60_000)).setParameter(5, (int) reads).executeUpdate();
        }
    }

    void flushOnShutdown(@Observes ShutdownEvent event) {
        flush();
    }
}
