package org.imagehub.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A client may reuse a search answer no longer than the hub keeps it, nor longer than other delivery answers. */
class SearchClientMaxAgeTest {
    @Test
    void theShorterOfTheAnswersLifeAndTheDeliveryMaxAge() {
        assertThat(SearchResource.clientMaxAge(Duration.ofSeconds(30), 60)).isEqualTo(30);
        assertThat(SearchResource.clientMaxAge(Duration.ofMinutes(10), 60)).isEqualTo(60);
        assertThat(SearchResource.clientMaxAge(Duration.ofMillis(500), 60)).isZero();
        assertThat(SearchResource.clientMaxAge(Duration.ZERO, 0)).isZero();
    }
}
