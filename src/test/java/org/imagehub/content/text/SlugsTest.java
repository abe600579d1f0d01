package org.imagehub.content.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.imagehub.testing.Corpus;
import org.junit.jupiter.api.Test;

class SlugsTest {
    @Test
    void vietnameseIsTransliterated() {
        assertEquals("tao-chuyen-bien-can-ban", Slugs.fromTitle("Tạo chuyển biến căn bản"));
        assertEquals("dai-hoi-dang-lan-thu-xiv", Slugs.fromTitle("Đại hội Đảng lần thứ XIV"));
    }

    @Test
    void frenchCyrillicAndChineseBecomeAscii() {
        assertEquals("l-information-exterieure-a-l-horizon-2030", Slugs.fromTitle("L'information extérieure à l'horizon 2030"));
        assertEquals("zovnisnoi-informacii", Slugs.fromTitle("зовнішньої інформації"));
        assertEquals("dui-wai-xin-xi", Slugs.fromTitle("对外信息"));
    }

    @Test
    void longTitlesAreCutAtAWordBoundary() {
        String slug = Slugs.fromTitle("thông tin đối ngoại ".repeat(20));
        assertTrue(slug.length() <= Slugs.MAX_LENGTH);
        assertFalse(slug.endsWith("-"));
    }

    @Test
    void editorSlugsMayUseAnyLettersButNoSpacesOrCapitals() {
        assertTrue(Slugs.isValid("对外信息-2030"));
        assertTrue(Slugs.isValid("tao-chuyen-bien"));
        assertFalse(Slugs.isValid("Tao chuyen"));
        assertFalse(Slugs.isValid("a--b"));
    }

    @Test
    void theFastLatinFoldingGivesTheSlugsIcuGives() {
        String[] titles = {"Tạo chuyển biến căn bản trong công tác thông tin đối ngoại", "ĐẨY MẠNH ĐẤU TRANH – phản bác thông tin sai trái",
                "Les créations de la série télévisée « Remake » ont marqué le public", "L’information extérieure d’ici 2030…",
                "¿Qué hará España? — «Año» nuevo", "İstanbul (Türkiye) «Çağrı»", "Ærø, Œuvre, Straße, ﬁnal, Łódź, ½ №5",
                "Докорінні зміни", "对外信息工作（12）", "A\u0301 combining, x\u0308", "   "};
        for (String title : titles) {
            assertEquals(Slugs.slug(Slugs.transliterated(title)), Slugs.fromTitle(title), title);
        }
        assertTrue(Slugs.foldedLatin("Tạo chuyển biến căn bản – « đối ngoại »") != null);
        assertEquals("Strasse, oeuvre   degres  ", Slugs.foldedLatin("Straße, œuvre · degrés °"), "letters and signs NFD leaves whole");
        assertTrue(Slugs.foldedLatin("½ ﬁnal") == null, "fractions and ligatures are left to ICU");
    }

    @Test
    void randomLatinStringsGiveTheSlugsIcuGives() {
        // Every character of the blocks the table covers, now and then; mostly the letters, accents and punctuation of
        // French, Spanish, Vietnamese and Chinese titles. Han characters are left out: they are spelled before folding,
        // and Chinese pages with their punctuation are compared window by window in the test below.
        StringBuilder rare = new StringBuilder();
        for (char[] range : new char[][] {{'\u00A0', '\u024F'}, {'\u2000', '\u206F'}, {'\u3000', '\u303F'}, {'\uFF00', '\uFFEF'}}) {
            for (char c = range[0]; c <= range[1]; c++) {
                rare.append(c);
            }
        }
        String common = "abcdeoAEZ 019 -.,:;!?'\"()«»–—’…éèàçœŒßñáíóúüạảãầậđơưĐ°·、。，：！？“”《》\u0301\u0308";
        java.util.Random random = new java.util.Random(20261203);
        int fast = 0;
        int throughTable = 0;
        for (int n = 0; n < 30_000; n++) {
            StringBuilder title = new StringBuilder();
            for (int length = 1 + random.nextInt(40); length > 0; length--) {
                CharSequence from = random.nextInt(10) == 0 ? rare : common;
                title.append(from.charAt(random.nextInt(from.length())));
            }
            String text = title.toString();
            assertEquals(Slugs.slug(Slugs.transliterated(text)), Slugs.fromTitle(text), text);
            if (Slugs.foldedLatin(text) != null) {
                fast++;
                if (text.chars().anyMatch(c -> "œŒß°·、。，：！？".indexOf(c) >= 0)) {
                    throughTable++;
                }
            }
        }
        assertTrue(fast > 5_000, "strings that took the fast path: " + fast);
        assertTrue(throughTable > 3_000, "strings with a character from the table that took the fast path: " + throughTable);
    }

    @Test
    void theFastCyrillicFoldingGivesTheSlugsIcuGives() {
        String[] titles = {"Керівний комітет з питань зовнішньої інформації", "ЇЖАК, ґанок, Єдність і йод — «Об’єднання» м'ята",
                "Щедрість ЖУРНАЛІСТІВ: Ёлка, съезд, объём, Чечня", "Ђорђе, Љубљана, Његош, Ћирилица, Џеп", "Қазақстан, Әсем, Ғылым, Өнер, Ұлт, Үміт, Һ",
                "Зміни 2025–2030 (№ 47)", "й", "и\u0306 decomposed", "ударе\u0301ние", "ЯКЩО Щ Я", "   "};
        for (String title : titles) {
            assertEquals(Slugs.slug(Slugs.transliterated(title)), Slugs.fromTitle(title), title);
        }
        assertEquals("kerivnij-komitet-z-pitan-zovnisnoi-informacii", Slugs.fromTitle("Керівний комітет з питань зовнішньої інформації"));
        assertTrue(Slugs.foldedCyrillic("Керівний комітет – «зовнішньої» інформації 2025") != null, "a Ukrainian title takes the fast path");
        assertTrue(Slugs.foldedCyrillic("Кафе́ café") == null, "anything else is left to ICU");
    }

    @Test
    void randomCyrillicStringsGiveTheSlugsIcuGives() {
        StringBuilder alphabet = new StringBuilder("abcXYZ019 -.,:;!?'\"()«»–—’…\u0301\u0306\u0308");
        for (char c = '\u0400'; c <= '\u04FF'; c++) {
            alphabet.append(c);
        }
        // Mostly the letters of Ukrainian and Russian titles, now and then anything of the block.
        StringBuilder common = new StringBuilder("abc 019 -,:«»–’ЁёЄєІіЇїҐґ");
        for (char c = 'А'; c <= 'я'; c++) {
            common.append(c);
        }
        java.util.Random random = new java.util.Random(20261203);
        int fast = 0;
        for (int n = 0; n < 30_000; n++) {
            StringBuilder title = new StringBuilder();
            for (int length = 1 + random.nextInt(40); length > 0; length--) {
                CharSequence from = random.nextInt(20) == 0 ? alphabet : common;
                title.append(from.charAt(random.nextInt(from.length())));
            }
            String text = title.toString();
            assertEquals(Slugs.slug(Slugs.transliterated(text)), Slugs.fromTitle(text), text);
            if (Slugs.foldedCyrillic(text) != null) {
                fast++;
            }
        }
        assertTrue(fast > 10_000, "strings that took the fast path: " + fast);
    }

    @Test
    void chineseSpelledCharacterByCharacterGivesTheSlugsIcuGives() throws IOException {
        assertEquals("chong-qing", Slugs.fromTitle("重庆"), "a reading that depends on the next character");
        assertEquals("chong-qing-shi", Slugs.fromTitle("重 庆市"));
        assertEquals("zhong-yao", Slugs.fromTitle("重要"));
        assertEquals("abc-zhong-guo", Slugs.fromTitle("ABC中国"));
        assertEquals("di31jie-wai-jiao", Slugs.fromTitle("第31届外交"));
        assertEquals("no-zhong", Slugs.fromTitle("n\u0303o\u0301\u0308重"), "marks on the letter before a syllable");
        assertEquals("1zhong", Slugs.fromTitle("1\u0301重"));
        assertEquals(Slugs.slug(Slugs.transliterated("〹信")), Slugs.fromTitle("〹信"), "a Han numeral before a syllable");
        assertTrue(HanSyllables.containsHan("a \uD840\uDC00"), "a character outside the basic plane");
        assertTrue(HanSyllables.containsHan("〇"));
        assertFalse(HanSyllables.containsHan("Tạo ½ Київ — «中» ﾟ".replace("中", "")));
        int compared = 0;
        try (Stream<Path> pages = Files.list(Corpus.dir())) {
            for (Path page : pages.filter(file -> file.toString().endsWith(".txt")).toList()) {
                for (String line : Files.readAllLines(page)) {
                    // Every title-sized window of the real pages, mixed scripts, digits and punctuation included.
                    for (int start = 0; start < line.length(); start += 5) {
                        for (int length : new int[] {8, 30, 90}) {
                            String title = line.substring(start, Math.min(line.length(), start + length));
                            assertEquals(Slugs.slug(Slugs.transliterated(title)), Slugs.fromTitle(title), title);
                            compared++;
                        }
                    }
                }
            }
        }
        assertTrue(compared > 5_000, "compared " + compared);
    }
}
