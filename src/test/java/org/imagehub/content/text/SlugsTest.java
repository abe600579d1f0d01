package org.imagehub.content.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
