package org.imagehub.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommonTermsTest {
    @Test
    void aTermInMoreThanTheShareOfALanguagesLocalizationsIsCommon() {
        assertThat(CommonTerms.cutOff(10_000, 5)).isEqualTo(2_000);
        assertThat(CommonTerms.cutOff(10_001, 2)).isEqualTo(5_000);
    }

    @Test
    void aSmallLanguageKeepsEveryTermUpToTheFloor() {
        assertThat(CommonTerms.cutOff(0, 5)).isEqualTo(CommonTerms.FLOOR);
        assertThat(CommonTerms.cutOff(14, 5)).isEqualTo(CommonTerms.FLOOR);
        assertThat(CommonTerms.cutOff(49, 5)).isEqualTo(CommonTerms.FLOOR);
        assertThat(CommonTerms.cutOff(55, 5)).isEqualTo(11);
    }
}
