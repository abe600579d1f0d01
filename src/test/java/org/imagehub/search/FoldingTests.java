package org.imagehub.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Java-side folding that documents and queries share. */
class FoldingTests {
    @Test
    void diacriticsAndSpecialLettersFoldToTheirBaseLetters() {
        assertThat(Folding.fold("Hà Nội")).isEqualTo("ha noi");
        assertThat(Folding.fold("Đà Nẵng")).isEqualTo("da nang");
        assertThat(Folding.fold("élèves")).isEqualTo("eleves");
        assertThat(Folding.fold("L’amélioration d'œuvre")).isEqualTo("l amelioration d oeuvre");
        assertThat(Folding.fold("Straße Łódź Ærø")).isEqualTo("strasse lodz aero");
        assertThat(Folding.fold("ﬁn")).isEqualTo("fin");
        assertThat(Folding.fold("Ханої")).isEqualTo("хано\u0456");
        assertThat(Folding.fold(null)).isEmpty();
    }

    @Test
    void hanIsDetected() {
        assertThat(Folding.hasHan("对外信息")).isTrue();
        assertThat(Folding.hasHan("ha noi 1")).isFalse();
    }
}
