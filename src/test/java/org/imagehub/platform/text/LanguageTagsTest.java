package org.imagehub.platform.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.imagehub.platform.errors.ValidationException;
import org.junit.jupiter.api.Test;

/** Tags are canonicalised and classified the same way the first time and every time after, remembered or not. */
class LanguageTagsTest {

    @Test
    void aTagIsCanonicalisedAndClassifiedTheSameWayEveryTime() {
        for (int i = 0; i < 3; i++) {
            assertThat(LanguageTags.canonical("zh-hans", "lang")).isEqualTo("zh-Hans");
            assertThat(LanguageTags.canonical(" vi ", "lang")).isEqualTo("vi");
            assertThat(LanguageTags.isRightToLeft("ar")).isTrue();
            assertThat(LanguageTags.isRightToLeft("az-Arab")).isTrue();
            assertThat(LanguageTags.isRightToLeft("uk")).isFalse();
        }
    }

    @Test
    void aRefusedTagIsRefusedEveryTimeWithItsField() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> LanguageTags.canonical("xx", "localizations[0].lang")).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("does not name a known language");
            assertThatThrownBy(() -> LanguageTags.canonical("fr_FR!", "lang")).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("not a well-formed");
        }
    }

    @Test
    void pastTheRememberedTagsEveryTagIsStillWorkedOut() {
        // Clients choose private-use subtags freely: more distinct tags than are remembered.
        for (int i = 0; i < 3000; i++) {
            assertThat(LanguageTags.canonical("FR-x-t" + i, "lang")).isEqualTo("fr-x-t" + i);
        }
        assertThat(LanguageTags.canonical("EN-gb", "lang")).isEqualTo("en-GB");
    }
}
