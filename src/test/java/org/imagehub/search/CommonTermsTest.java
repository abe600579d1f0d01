package org.imagehub.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommonTermsTest {
    @Test
    void aTermInMoreThanTheShareOfALanguagesLocalizationsIsCommon() {
        assertThat(CommonTerms.cutOff(10_000, 5, 1_000)).isEqualTo(2_000);
        assertThat(CommonTerms.cutOff(10_001, 2, 10)).isEqualTo(5_000);
    }

    @Test
    void aSmallLanguageKeepsEveryTermUpToTheFloor() {
        assertThat(CommonTerms.cutOff(0, 5, 1_000)).isEqualTo(1_000);
        assertThat(CommonTerms.cutOff(4_999, 5, 1_000)).isEqualTo(1_000);
        assertThat(CommonTerms.cutOff(5_005, 5, 1_000)).isEqualTo(1_001);
        assertThat(CommonTerms.cutOff(14, 2, 10)).isEqualTo(10);
    }
}
