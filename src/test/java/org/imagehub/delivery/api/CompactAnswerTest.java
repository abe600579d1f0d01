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
    void aShortBodyIsKeptAsItIs() {
        CachedAnswer original = CachedAnswer.of("{\"items\":[],\"next\":null}", "application/json", Map.of());
        CompactAnswer compact = CompactAnswer.of(original);

        assertThat(compact.answer()).isSameAs(original);
        assertThat(compact.weight()).isEqualTo(original.weight());
    }
}
