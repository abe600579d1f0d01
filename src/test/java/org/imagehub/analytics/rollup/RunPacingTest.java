package org.imagehub.analytics.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunPacingTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void aLongRunPushesTheNextOneBackSoTheJobStaysWithinItsShare() {
        RunPacing pacing = new RunPacing(0.1);
        long start = -5 * SECOND;
        assertThat(pacing.due(start)).as("the first run is never held back").isTrue();

        pacing.ran(start, start + 6 * SECOND);

        long ended = start + 6 * SECOND;
        assertThat(pacing.due(ended + 53 * SECOND)).isFalse();
        assertThat(pacing.due(ended + 54 * SECOND)).as("6 s busy in 60 s is a tenth").isTrue();
    }

    @Test
    void aQuickRunLeavesTheScheduleAsConfigured() {
        RunPacing pacing = new RunPacing(0.1);
        pacing.ran(0, TimeUnit.MILLISECONDS.toNanos(20));

        assertThat(pacing.due(TimeUnit.MILLISECONDS.toNanos(200))).isTrue();
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new RunPacing(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RunPacing(1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
