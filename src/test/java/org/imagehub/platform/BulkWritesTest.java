package org.imagehub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BulkWritesTest {
    private static final Duration YIELD = Duration.ofSeconds(30);

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-12-03T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void quietUntilAnImportBeginsAndAgainShortlyAfterItEnds() {
        HandClock clock = new HandClock();
        BulkWrites writes = new BulkWrites(clock);
        assertThat(writes.busySince()).isEmpty();
        assertThat(writes.holdsBack(YIELD)).isFalse();

        Instant began = clock.now;
        BulkWrites.Running running = writes.begin();
        clock.advance(Duration.ofSeconds(5));
        assertThat(writes.busySince()).contains(began);
        assertThat(writes.holdsBack(YIELD)).isTrue();

        running.close();
        clock.advance(Duration.ofSeconds(1));
        assertThat(writes.holdsBack(YIELD)).as("within the gap between two requests of one import").isTrue();
        clock.advance(BulkWrites.GAP);
        assertThat(writes.busySince()).isEmpty();
        assertThat(writes.holdsBack(YIELD)).isFalse();
    }

    @Test
    void requestsInQuickSuccessionAreOneBusyPeriodThatHoldsBackNoLongerThanTheYield() {
        HandClock clock = new HandClock();
        BulkWrites writes = new BulkWrites(clock);
        Instant began = clock.now;
        for (int part = 0; part < 8; part++) {
            try (BulkWrites.Running running = writes.begin()) {
                clock.advance(Duration.ofSeconds(4));
            }
            clock.advance(Duration.ofMillis(300));
            assertThat(writes.busySince()).contains(began);
        }
        assertThat(clock.now).isAfter(began.plus(YIELD));
        assertThat(writes.holdsBack(YIELD)).as("busy for longer than the yield: the work runs beside the import").isFalse();
        assertThat(writes.holdsBack(Duration.ZERO)).isFalse();

        clock.advance(BulkWrites.GAP.plusMillis(1));
        try (BulkWrites.Running next = writes.begin()) {
            assertThat(writes.busySince()).as("a later import starts a new period").contains(clock.now);
            assertThat(writes.holdsBack(YIELD)).isTrue();
        }
    }

    @Test
    void twoImportsAtOnceKeepItBusyUntilBothEnd() {
        HandClock clock = new HandClock();
        BulkWrites writes = new BulkWrites(clock);
        BulkWrites.Running first = writes.begin();
        BulkWrites.Running second = writes.begin();
        first.close();
        clock.advance(BulkWrites.GAP.multipliedBy(3));
        assertThat(writes.holdsBack(YIELD)).isTrue();
        second.close();
        clock.advance(BulkWrites.GAP.plusMillis(1));
        assertThat(writes.holdsBack(YIELD)).isFalse();
    }
}
