package org.imagehub.delivery.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The codec as the running hub loads it: under Quarkus's class loader, not the system one a unit test has. */
@QuarkusTest
class ResponseCacheCodecTests {
    @Test
    void theHubDecodesCachedAnswersWithTheNativeLz4Library() {
        // The Java fallback decodes a story about three times slower; the jar carries the library for this platform.
        assertThat(CompactAnswer.class.getClassLoader()).isNotSameAs(ClassLoader.getSystemClassLoader());
        assertThat(CompactAnswer.codec()).isEqualTo("LZ4Factory:JNI");
    }
}
