package org.imagehub.delivery.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.imagehub.delivery.read.ReadRecorder.Channel;
import org.imagehub.testing.Database;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReadRecorderTests {
    @Inject
    ReadRecorder reads;

    @Test
    void moreCountersThanOneStatementHoldsAreAllWrittenAndAddUp() {
        String consumer = "reader-" + UUID.randomUUID();
        int stories = ReadRecorder.ROWS_PER_STATEMENT * 2 + 7;
        for (int i = 0; i < stories; i++) {
            reads.record(consumer, "st_" + i, "fr", Channel.API_READ);
            if (i % 2 == 0) {
                reads.record(consumer, "st_" + i, "fr", Channel.API_READ);
            }
        }
        reads.flush();
        reads.record(consumer, "st_0", "fr", Channel.API_READ);
        reads.flush();

        assertThat(Database.value("select count(distinct story_id) from delivery_read where consumer_id = ?", consumer))
                .isEqualTo((long) stories);
        // Two reads for every even story, one for every odd one, and one more for st_0 (in its row of the minute).
        assertThat(Database.value("select sum(reads) from delivery_read where consumer_id = ?", consumer))
                .isEqualTo((long) (stories + (stories + 1) / 2 + 1));
        assertThat(Database.value("select sum(reads) from delivery_read where consumer_id = ? and story_id = 'st_0'", consumer))
                .isEqualTo(3L);
        assertThat(Database.value("select sum(reads) from delivery_read_daily where consumer_id = ?", consumer))
                .as("the day's sums hold the same reads").isEqualTo(BigDecimal.valueOf(stories + (stories + 1) / 2 + 1));
        assertThat(Database.value("select count(*) from delivery_read_daily where consumer_id = ?", consumer))
                .as("one row a story: both flushes fell on one day, or st_0's second on the next").isIn((long) stories, (long) stories + 1);
    }

    @Test
    void theSameStoryTakenThroughTwoChannelsIsCountedPerChannel() {
        String consumer = "reader-" + UUID.randomUUID();
        reads.record(consumer, "st_1", "fr", Channel.SYNC);
        reads.record(consumer, "st_1", "fr", Channel.FEED);
        reads.record(consumer, "st_1", "fr", Channel.FEED);
        reads.flush();

        assertThat(Database.value("select reads from delivery_read where consumer_id = ? and channel = 'sync'", consumer)).isEqualTo(1);
        assertThat(Database.value("select reads from delivery_read where consumer_id = ? and channel = 'feed'", consumer)).isEqualTo(2);
    }

    @Test
    void countsOfOneMinuteThatComeTwiceInOneFlushAreAddedUp() {
        String consumer = "reader-" + UUID.randomUUID();
        ReadCounts.Key key = new ReadCounts.Key(consumer, "st_1", "fr", Channel.API_READ);
        long minute = System.currentTimeMillis() / 60_000;
        QuarkusTransaction.requiringNew().run(() -> reads.store(List.of(new ReadCounts.Count(key, minute - 1, 4),
                new ReadCounts.Count(key, minute, 2), new ReadCounts.Count(key, minute - 1, 1))));

        assertThat(Database.value("select reads from delivery_read where consumer_id = ? and minute = to_timestamp(? * 60)", consumer, minute - 1))
                .isEqualTo(5);
        assertThat(Database.value("select count(*) from delivery_read where consumer_id = ?", consumer)).isEqualTo(2L);
    }

    @Test
    void eachMinuteIsAddedToItsOwnUtcDayFlushAfterFlush() {
        String consumer = "reader-" + UUID.randomUUID();
        ReadCounts.Key key = new ReadCounts.Key(consumer, "st_1", "fr", Channel.API_READ);
        long lastMinuteOfNewYearsEve = Instant.parse("2026-12-31T23:59:00Z").getEpochSecond() / 60;
        QuarkusTransaction.requiringNew().run(() -> reads.store(List.of(new ReadCounts.Count(key, lastMinuteOfNewYearsEve - 90, 3),
                new ReadCounts.Count(key, lastMinuteOfNewYearsEve, 4), new ReadCounts.Count(key, lastMinuteOfNewYearsEve + 1, 5))));
        QuarkusTransaction.requiringNew().run(() -> reads.store(List.of(new ReadCounts.Count(key, lastMinuteOfNewYearsEve, 1))));

        assertThat(Database.column("select day || '=' || reads from delivery_read_daily where consumer_id = ? order by day", consumer))
                .containsExactly("2026-12-31=8", "2027-01-01=5");
        assertThat(Database.value("select reads from delivery_read where consumer_id = ? and minute = '2026-12-31T23:59:00Z'", consumer))
                .isEqualTo(5);
    }
}
