package org.imagehub.delivery.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.imagehub.delivery.read.ReadCounts.Count;
import org.imagehub.delivery.read.ReadCounts.Key;
import org.imagehub.delivery.read.ReadRecorder.Channel;
import org.junit.jupiter.api.Test;

class ReadCountsTest {
    private static final long MINUTE = 29_400_000;
    private static final Key EMBASSY_READS_TET = new Key("embassy-paris", "st_tet", "fr", Channel.API_READ);
    private static final Key EMBASSY_SYNCS_TET = new Key("embassy-paris", "st_tet", "fr", Channel.SYNC);

    private final ReadCounts counts = new ReadCounts();

    /** Reads per key and minute, added up as the database's upsert adds them. */
    private static Map<String, Long> byKeyAndMinute(List<Count> counted) {
        Map<String, Long> sums = new HashMap<>();
        for (Count count : counted) {
            sums.merge(count.key().storyId() + " " + count.key().channel() + " @" + (count.minute() - MINUTE), count.reads(), Long::sum);
        }
        return sums;
    }

    @Test
    void readsOfOneMinuteAreTakenOnceAndPerChannel() {
        counts.add(EMBASSY_READS_TET, MINUTE);
        counts.add(EMBASSY_READS_TET, MINUTE);
        counts.add(EMBASSY_SYNCS_TET, MINUTE);

        assertThat(counts.drain(MINUTE)).containsExactlyInAnyOrder(
                new Count(EMBASSY_READS_TET, MINUTE, 2), new Count(EMBASSY_SYNCS_TET, MINUTE, 1));
        assertThat(counts.drain(MINUTE)).isEmpty();

        counts.add(EMBASSY_READS_TET, MINUTE);
        assertThat(counts.drain(MINUTE)).containsExactly(new Count(EMBASSY_READS_TET, MINUTE, 1));
    }

    @Test
    void aReadInTheNextMinuteKeepsThePreviousMinutesReadsUnderTheirOwnMinute() {
        counts.add(EMBASSY_READS_TET, MINUTE);
        counts.add(EMBASSY_READS_TET, MINUTE);
        counts.add(EMBASSY_READS_TET, MINUTE + 1);

        assertThat(counts.drain(MINUTE + 1)).containsExactlyInAnyOrder(
                new Count(EMBASSY_READS_TET, MINUTE, 2), new Count(EMBASSY_READS_TET, MINUTE + 1, 1));
    }

    @Test
    void minutesLeftTwiceBetweenDrainsAndLateReadsLoseNothing() {
        counts.add(EMBASSY_READS_TET, MINUTE);
        counts.add(EMBASSY_READS_TET, MINUTE + 1);
        counts.add(EMBASSY_READS_TET, MINUTE + 2);
        // A thread that read the clock in the first minute and counts only now.
        counts.add(EMBASSY_READS_TET, MINUTE);
        counts.add(EMBASSY_READS_TET, MINUTE + 2);

        assertThat(byKeyAndMinute(counts.drain(MINUTE + 2))).containsOnly(
                Map.entry("st_tet API_READ @0", 2L), Map.entry("st_tet API_READ @1", 1L), Map.entry("st_tet API_READ @2", 2L));
        assertThat(counts.drain(MINUTE + 2)).isEmpty();
    }

    @Test
    void aCounterIdleForAWholeMinuteIsForgottenAndAFreshReadStartsAgain() {
        counts.add(EMBASSY_READS_TET, MINUTE);
        counts.add(EMBASSY_SYNCS_TET, MINUTE + 1);
        counts.drain(MINUTE + 1);

        counts.drain(MINUTE + 2);
        assertThat(counts.size()).as("the minute-old reader is forgotten, the last minute's stays").isEqualTo(1);

        counts.add(EMBASSY_READS_TET, MINUTE + 2);
        assertThat(counts.size()).isEqualTo(2);
        assertThat(counts.drain(MINUTE + 2)).containsExactly(new Count(EMBASSY_READS_TET, MINUTE + 2, 1));
    }

    @Test
    void concurrentReadsAcrossMinutesAndDrainsAddUpExactly() throws Exception {
        int threads = 4;
        int readsPerThread = 200_000;
        List<Key> keys = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            keys.add(new Key("embassy-" + (i % 3), "st_" + i, "fr", Channel.API_READ));
        }
        List<Count> drained = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> readers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                readers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < readsPerThread; i++) {
                        // Minutes move on while reading, a few steps behind now and then, as threads read the clock
                        // at slightly different moments; every fourth minute nobody reads, so counters retire.
                        long minute = MINUTE + (i / 10_000) * 4 + ((i + thread) % 7 == 0 ? 0 : 1);
                        counts.add(keys.get((i * 31 + thread) % keys.size()), minute);
                    }
                    return null;
                }));
            }
            start.countDown();
            long drainMinute = MINUTE;
            while (readers.stream().anyMatch(reader -> !reader.isDone())) {
                drained.addAll(counts.drain(drainMinute));
                drainMinute += 2;
            }
            for (Future<?> reader : readers) {
                reader.get(1, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        long afterAll = Integer.MAX_VALUE;
        drained.addAll(counts.drain(afterAll));
        drained.addAll(counts.drain(afterAll));

        assertThat(drained.stream().mapToLong(Count::reads).sum()).isEqualTo((long) threads * readsPerThread);
        assertThat(drained).allSatisfy(count -> assertThat(count.reads()).isPositive());
        assertThat(counts.size()).as("every counter idle at the end is forgotten").isZero();
    }
}
