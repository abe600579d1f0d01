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
        // Most of a French or English body is ASCII, which NFKD leaves alone: only runs of words that hold something
        // else take the slow path (a Vietnamese or Chinese text in a few long runs, not word by word). Runs end at
        // ASCII white space, which no decomposition or case mapping looks across (not even the Greek final sigma), so
        // folding run by run gives what folding the whole text at once gives.
        StringBuilder out = new StringBuilder(text.length());
        int length = text.length();
        int start = 0;
        while (start < length) {
            int end = wordEnd(text, start);
            if (isAscii(text, start, end)) {
                for (int i = start; i < end; i++) {
                    char c = text.charAt(i);
                    out.append(c == '\'' ? ' ' : c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
                }
            } else {
                // Later words join the run while they too hold something other than ASCII.
                int next = spaceEnd(text, end);
                int nextEnd = wordEnd(text, next);
                while (next < length && !isAscii(text, next, nextEnd)) {
                    end = nextEnd;
                    next = spaceEnd(text, end);
                    nextEnd = wordEnd(text, next);
                }
                out.append(foldWords(text.substring(start, end)));
            }
            int spaces = spaceEnd(text, end);
            out.append(text, end, spaces);
            start = spaces;
        }
        return out.toString();
    }

    private static int wordEnd(String text, int from) {
        int end = from;
        while (end < text.length() && !isAsciiSpace(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private static int spaceEnd(String text, int from) {
        int end = from;
        while (end < text.length() && isAsciiSpace(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean isAscii(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r';
    }

    /** NFKD, combining marks dropped, the letters that do not decompose mapped, lower-cased. */
    static String foldWords(String words) {
        String decomposed = Normalizer.normalize(words, Normalizer.Form.NFKD);
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
