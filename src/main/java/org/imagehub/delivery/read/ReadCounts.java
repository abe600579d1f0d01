package org.imagehub.delivery.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.imagehub.delivery.read.ReadRecorder.Channel;

/**
 * Reads counted in memory per consumer, story, language and channel, by minute, until {@link #drain} takes them.
 *
 * <p>A reader that keeps reading keeps one counter: its minute and reads are packed into one long, so a read is one
 * compare-and-set and neither allocates nor stores a reference. (A counter per key <em>and minute</em> put tens of
 * thousands of new map entries into an old-generation table every minute under random reads, each a dirty card for
 * G1's next young pause and, a minute later, promoted garbage; bench/README.md, "Read counters that stay put".)
 */
final class ReadCounts {
    record Key(String consumerId, String storyId, String lang, Channel channel) {
    }

    record Count(Key key, long minute, long reads) {
    }

    private final Map<Key, Counter> counters = new ConcurrentHashMap<>();
    /** Counts that found no room in their counter: reads stamped with a minute it had left, or a second minute left between drains. */
    private final Queue<Count> strays = new ConcurrentLinkedQueue<>();

    void add(Key key, long minute) {
        while (true) {
            Counter counter = counters.get(key);
            if (counter == null) {
                counter = counters.computeIfAbsent(key, absent -> new Counter(absent, minute));
            }
            if (counter.add(minute)) {
                return;
            }
            // The drain retired this counter between our look-up and our read: start a new one.
            counters.remove(key, counter);
        }
    }

    /**
     * Takes every count not taken before, each with its minute. A counter idle since before the previous minute is
     * forgotten, so memory holds the readers of the last two minutes, not everyone who ever read.
     */
    List<Count> drain(long currentMinute) {
        List<Count> counts = new ArrayList<>();
        for (Counter counter : counters.values()) {
            if (counter.drainInto(counts, currentMinute)) {
                counters.remove(counter.key, counter);
            }
        }
        for (Count stray = strays.poll(); stray != null; stray = strays.poll()) {
            counts.add(stray);
        }
        return counts;
    }

    /** How many counters are kept. */
    int size() {
        return counters.size();
    }

    /** A minute in the high 32 bits (minutes since 1970 fit for eight thousand years), its reads in the low 32. */
    private static long packed(long minute, long reads) {
        return (minute << 32) + reads;
    }

    private static long minuteOf(long packed) {
        return packed >>> 32;
    }

    private static long readsOf(long packed) {
        return packed & 0xFFFF_FFFFL;
    }

    private final class Counter {
        /** Set by the drain when the counter is forgotten; a read that finds it starts a new counter. */
        private static final long RETIRED = -1;

        private final Key key;
        /** The minute being counted and its reads, {@link #packed}. */
        private final AtomicLong current;
        /** The minute before {@code current}'s and its reads, packed alike, until the drain takes them; 0 when empty. */
        private final AtomicLong previous = new AtomicLong();

        Counter(Key key, long minute) {
            this.key = key;
            this.current = new AtomicLong(packed(minute, 0));
        }

        /** Counts one read; false when the counter was retired. */
        boolean add(long minute) {
            while (true) {
                long seen = current.get();
                if (seen == RETIRED) {
                    return false;
                }
                long countedMinute = minuteOf(seen);
                if (countedMinute == minute) {
                    if (current.compareAndSet(seen, seen + 1)) {
                        return true;
                    }
                } else if (countedMinute < minute) {
                    if (current.compareAndSet(seen, packed(minute, 1))) {
                        keepPrevious(countedMinute, readsOf(seen));
                        return true;
                    }
                } else {
                    // This thread read the clock before another read moved the counter on: the read keeps its minute.
                    strays.add(new Count(key, minute, 1));
                    return true;
                }
            }
        }

        private void keepPrevious(long minute, long reads) {
            if (reads == 0) {
                return;
            }
            long left = packed(minute, reads);
            if (!previous.compareAndSet(0, left)) {
                // Two minutes left since the last drain (drains were held up): nothing is dropped, it waits in strays.
                strays.add(new Count(key, minute, reads));
            } else if (current.get() == RETIRED && previous.compareAndSet(left, 0)) {
                // Between our move of the minute and now, drains took the new minute's read and retired the counter:
                // the last one may have looked at previous before we set it, and nobody looks again.
                strays.add(new Count(key, minute, reads));
            }
        }

        /** Adds this counter's untaken counts; true when the counter has been idle long enough to be forgotten. */
        boolean drainInto(List<Count> counts, long currentMinute) {
            takePrevious(counts);
            while (true) {
                long seen = current.get();
                if (seen == RETIRED) {
                    return true;
                }
                long minute = minuteOf(seen);
                long reads = readsOf(seen);
                if (reads > 0) {
                    if (current.compareAndSet(seen, packed(minute, 0))) {
                        counts.add(new Count(key, minute, reads));
                        return false;
                    }
                } else if (minute < currentMinute - 1) {
                    if (current.compareAndSet(seen, RETIRED)) {
                        // A read that moved the counter on just before may have left its previous minute since.
                        takePrevious(counts);
                        return true;
                    }
                } else {
                    return false;
                }
            }
        }

        private void takePrevious(List<Count> counts) {
            long left = previous.getAndSet(0);
            if (left != 0) {
                counts.add(new Count(key, minuteOf(left), readsOf(left)));
            }
        }
    }
}
