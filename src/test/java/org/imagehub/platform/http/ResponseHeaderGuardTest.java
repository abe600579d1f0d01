package org.imagehub.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

class ResponseHeaderGuardTest {

    @Test
    void aHeaderWithALineBreakIsDroppedAndTheOthersStay() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Content-Type", "application/json")
                .add("Location", "/api/v1/stories/a\r\nSet-Cookie: session=stolen")
                .add("X-Request-Id", "abc")
                .add("X-Bad\u0000Name", "value");

        ResponseHeaderGuard.dropUnsafe(headers);

        assertThat(headers.names()).containsExactlyInAnyOrder("Content-Type", "X-Request-Id");
        assertThat(headers.get("X-Request-Id")).isEqualTo("abc");
    }

    @Test
    void aTabIsNoControlCharacterForAHeader() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Link", "<a>;\trel=next");

        ResponseHeaderGuard.dropUnsafe(headers);

        assertThat(headers.get("Link")).isEqualTo("<a>;\trel=next");
    }
}
