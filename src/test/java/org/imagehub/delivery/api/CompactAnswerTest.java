package org.imagehub.delivery.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompactAnswerTest {
    private static final String PROSE = "Việt Nam – đất nước, con người. 国家形象宣传工作。 Україна і світ. La France et le monde. ";

    @Test
    void aLongBodyIsKeptDeflatedAndComesBackByteForByte() {
        CachedAnswer original = CachedAnswer.of(PROSE.repeat(100), "application/json", Map.of("Content-Language", "vi")).about("story-1");
        CompactAnswer compact = CompactAnswer.of(original);

        CachedAnswer served = compact.answer();
        assertThat(served.body()).isEqualTo(original.body());
        assertThat(new String(served.body(), StandardCharsets.UTF_8)).isEqualTo(PROSE.repeat(100));
        assertThat(served.etag()).isEqualTo(original.etag());
        assertThat(served.headers()).isEqualTo(original.headers());
        assertThat(served.storyId()).isEqualTo("story-1");
        assertThat(compact.weight()).isLessThan(original.weight() / 3);
    }

    @Test
    void answersDeflatedAndInflatedInTurnOnOneThreadEachComeBackWhole() {
        // The zlib streams are reused per thread: each use must start from a clean state.
        CompactAnswer first = CompactAnswer.of(CachedAnswer.of(PROSE.repeat(80), "application/json", Map.of()));
        CompactAnswer second = CompactAnswer.of(CachedAnswer.of(("Другий текст. " + PROSE).repeat(120), "application/json", Map.of()));
        for (int round = 0; round < 3; round++) {
            assertThat(new String(first.answer().body(), StandardCharsets.UTF_8)).isEqualTo(PROSE.repeat(80));
            assertThat(new String(second.answer().body(), StandardCharsets.UTF_8)).isEqualTo(("Другий текст. " + PROSE).repeat(120));
        }
        CompactAnswer third = CompactAnswer.of(CachedAnswer.of(PROSE.repeat(80), "application/json", Map.of()));
        assertThat(third.weight()).isEqualTo(first.weight());
    }

    @Test
    void aShortBodyIsKeptAsItIs() {
        CachedAnswer original = CachedAnswer.of("{\"items\":[],\"next\":null}", "application/json", Map.of());
        CompactAnswer compact = CompactAnswer.of(original);

        assertThat(compact.answer()).isSameAs(original);
        assertThat(compact.weight()).isEqualTo(original.weight());
    }
}
