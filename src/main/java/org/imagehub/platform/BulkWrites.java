package org.imagehub.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The bulk writes running on this replica (NDJSON imports), so that background work which may trail behind (the
 * search index) gives them the machine instead of competing with them. A client sending a large import in several
 * requests leaves short gaps between them; a gap shorter than {@link #GAP} does not end the busy period.
 */
@ApplicationScoped
public class BulkWrites {
    /** Gaps between one import request and the next that still count as one busy period. */
    static final Duration GAP = Duration.ofSeconds(2);

    private final Clock clock;
    private int running;
    /** When the current busy period began; null when quiet. */
    private Instant busySince;
    private Instant lastEnded;

    public BulkWrites(Clock clock) {
        this.clock = clock;
    }

    /** Marks a bulk write as running until the answer is closed. */
    public Running begin() {
        synchronized (this) {
            if (busySince().isEmpty()) {
                busySince = clock.instant();
            }
            running++;
        }
        return this::end;
    }

    private synchronized void end() {
        running--;
        lastEnded = clock.instant();
    }

    /** Since when bulk writes have kept this replica busy (gaps under {@link #GAP} included); empty when quiet. */
    public synchronized Optional<Instant> busySince() {
        if (running == 0 && (lastEnded == null || clock.instant().isAfter(lastEnded.plus(GAP)))) {
            busySince = null;
        }
        return Optional.ofNullable(busySince);
    }

    /**
     * Whether work that may trail behind should wait now: bulk writes are busy, and have been for less than
     * {@code longest} (after that it runs beside them, so what it serves is never more than about that far behind).
     */
    public boolean holdsBack(Duration longest) {
        return busySince().map(since -> clock.instant().isBefore(since.plus(longest))).orElse(false);
    }

    /** A running bulk write; closing it ends it. */
    public interface Running extends AutoCloseable {
        @Override
        void close();
    }
}
