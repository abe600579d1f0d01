package org.imagehub.search;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Diacritic folding done in Java, so it works on any cluster (the integ-test distribution has no asciifolding and no
 * ICU): NFKD, combining marks dropped, the letters that do not decompose (đ, ł, ø, æ, œ, ß…) mapped, lower-cased.
 * Apostrophes become spaces, so an elided French word is found by itself ("amelioration" in "l'amélioration").
 * Documents get a folded field and queries are folded the same way: "ha noi" finds "Hà Nội", "eleves" finds "élèves".
 */
public final class Folding {
    private Folding() {
    }

    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            switch (c) {
                case 'đ', 'Đ', 'ð', 'Ð' -> out.append('d');
                case 'ł', 'Ł' -> out.append('l');
                case 'ø', 'Ø' -> out.append('o');
                case 'æ', 'Æ' -> out.append("ae");
                case 'œ', 'Œ' -> out.append("oe");
                case 'ß' -> out.append("ss");
                case 'ı' -> out.append('i');
                // Elision (l'amélioration, d'information) and English contractions: the words apart.
                case '\'', '\u2019', '\u02BC' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** Whether the text holds Han characters (then words are matched as phrases of one-character tokens). */
    public static boolean hasHan(String text) {
        return text != null && text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }
}
