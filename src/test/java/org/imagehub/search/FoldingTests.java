package org.imagehub.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.imagehub.testing.Corpus;
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
        assertThat(Folding.fold("DON'T Stop\n\tNOW")).isEqualTo("don t stop\n\tnow");
        assertThat(Folding.fold(null)).isEmpty();
    }

    @Test
    void foldingRunByRunGivesWhatFoldingTheWholeTextGives() throws IOException {
        List<String> pages;
        try (Stream<Path> files = Files.list(Corpus.dir())) {
            pages = files.filter(file -> file.toString().endsWith(".txt")).map(FoldingTests::read).toList();
        }
        assertThat(pages).hasSizeGreaterThanOrEqualTo(4);
        for (String page : pages) {
            assertThat(Folding.fold(page)).isEqualTo(Folding.foldWords(page));
        }
        // Mixed scripts, combining marks after ASCII letters, a Greek sigma at a run's edge, ASCII and other spaces.
        String alphabet = "aZ'’ \n\t\re\u0301\u0323ΣσΟΔéĐđœßﬁ漢字Ї\u00A0\u2003.1";
        Random random = new Random(47);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(24); i >= 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(Folding.fold(text.toString())).as("fold of [%s]", text).isEqualTo(Folding.foldWords(text.toString()));
        }
    }

    @Test
    void hanIsDetected() {
        assertThat(Folding.hasHan("对外信息")).isTrue();
        assertThat(Folding.hasHan("ha noi 1")).isFalse();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
