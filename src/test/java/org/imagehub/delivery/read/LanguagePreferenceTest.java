package org.imagehub.delivery.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.imagehub.platform.errors.ValidationException;
import org.junit.jupiter.api.Test;

class LanguagePreferenceTest {

    @Test
    void theLangParameterIsAStrictChainWithParentsAndCanonicalTags() {
        LanguagePreference preference = LanguagePreference.of("fr-FR,zh-hans,en", "vi");
        assertThat(preference.chain()).containsExactly("fr-FR", "fr", "zh-Hans", "zh", "en");
        assertThat(preference.rank("fr")).isEqualTo(1);
        assertThat(preference.rank("zh-Hans")).isEqualTo(2);
        assertThat(preference.rank("vi")).as("not asked for, and the chain is strict").isEqualTo(-1);
    }

    @Test
    void acceptLanguageIsAPreferenceByWeightAfterWhichAnyLanguageWill() {
        LanguagePreference preference = LanguagePreference.of(null, "uk;q=0.5, en-GB, fr;q=0.8, de;q=0");
        assertThat(preference.chain()).containsExactly("en-GB", "en", "fr", "uk");
        assertThat(preference.rank("uk")).isEqualTo(3);
        assertThat(preference.rank("vi")).isEqualTo(4);
        assertThat(preference.rank("de")).as("q=0 means not acceptable as a preference, but any will do after").isEqualTo(4);
    }

    @Test
    void aMalformedHeaderIsIgnoredButABadParameterIsAnError() {
        assertThat(LanguagePreference.of(null, ";;;q=abc").chain()).isEmpty();
        assertThat(LanguagePreference.of(null, null).rank("vi")).isZero();
        assertThatThrownBy(() -> LanguagePreference.of("fr,x!", null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> LanguagePreference.of("", null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> LanguagePreference.of("a,b,c,d,e,f,g,h,i,j,k", null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void signaturesTellPreferencesApart() {
        assertThat(LanguagePreference.of("fr,en", null).signature()).isNotEqualTo(LanguagePreference.of(null, "fr, en").signature());
    }
}
