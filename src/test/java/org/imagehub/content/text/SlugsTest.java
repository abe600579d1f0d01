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
        assertTrue(Slugs.foldedLatin("Straße") == null);
    }

    @Test
    void chineseSpelledCharacterByCharacterGivesTheSlugsIcuGives() throws IOException {
        assertEquals("chong-qing", Slugs.fromTitle("重庆"), "a reading that depends on the next character");
        assertEquals("chong-qing-shi", Slugs.fromTitle("重 庆市"));
        assertEquals("zhong-yao", Slugs.fromTitle("重要"));
        assertEquals("abc-zhong-guo", Slugs.fromTitle("ABC中国"));
        assertEquals("di31jie-wai-jiao", Slugs.fromTitle("第31届外交"));
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
