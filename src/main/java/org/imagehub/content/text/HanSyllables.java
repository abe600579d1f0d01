package org.imagehub.content.text;

import com.ibm.icu.text.Transliterator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spells Chinese characters in ASCII pinyin the way ICU's Han-Latin does, without its cost. Han-Latin searches its
 * rule set for every character (~25 µs each, most of an import's CPU when a third of the titles are Chinese), yet
 * its rules are one syllable per character plus a few two-character contexts (重 before 庆 is "chong", not "zhong").
 * So each character is asked of ICU once and remembered, and the contexts are read from ICU's own rules at start-up.
 * Spacing follows Han-Latin too: a syllable is set apart from a letter or Han character before it (marks on it
 * included; Han numerals such as 〹 are not letters), not from digits or what follows.
 */
final class HanSyllables {
    /** Han has fewer than 100,000 characters: the memory is bounded by the script itself. */
    private static final Map<Integer, String> SYLLABLES = new ConcurrentHashMap<>();
    /** "{重}' '?庆 > chóng;": the character, the one that must follow, and its reading there. */
    private static final Pattern CONTEXT_RULE = Pattern.compile("\\{(\\S)}' '\\?(\\S) > ([^;]+);");
    private static final Map<String, String> IN_CONTEXT = contextReadings();

    /** CJK Radicals Supplement, the first block with Han characters. */
    private static final char FIRST_HAN_BLOCK = '\u2E80';

    private final TransliteratorPool toAscii;

    HanSyllables(TransliteratorPool toAscii) {
        this.toAscii = toAscii;
    }

    static boolean containsHan(String text) {
        for (int i = 0; i < text.length(); i++) {
            // Nothing below the CJK radicals is Han: most titles are answered without looking up a script.
            if (text.charAt(i) >= FIRST_HAN_BLOCK && isHan(text.codePointAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The text with every Han character replaced by its ASCII syllable; everything else is left as it was. */
    String spell(String text) {
        StringBuilder spelled = new StringBuilder(text.length() * 4);
        int previous = -1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int width = Character.charCount(c);
            if (isHan(c)) {
                if (previous >= 0 && (Character.isLetter(previous) || isHan(previous))) {
                    spelled.append(' ');
                }
                spelled.append(syllable(c, following(text, i + width)));
            } else {
                spelled.appendCodePoint(c);
            }
            // A combining mark belongs to the letter before it: "á重" is spelled "a zhong", as ICU does.
            if (!isMark(c)) {
                previous = c;
            }
            i += width;
        }
        return spelled.toString();
    }

    /** The character a context rule looks at: the next one, past one space ("重 庆" reads like "重庆"). */
    private static int following(String text, int at) {
        if (at < text.length() && text.charAt(at) == ' ') {
            at++;
        }
        return at < text.length() ? text.codePointAt(at) : -1;
    }

    private String syllable(int c, int next) {
        if (next >= 0 && !IN_CONTEXT.isEmpty()) {
            String reading = IN_CONTEXT.get(new StringBuilder().appendCodePoint(c).appendCodePoint(next).toString());
            if (reading != null) {
                return toAscii.transliterate(reading);
            }
        }
        return SYLLABLES.computeIfAbsent(c, key -> toAscii.transliterate(new String(Character.toChars(key))).strip());
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isHan(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static Map<String, String> contextReadings() {
        Map<String, String> readings = new HashMap<>();
        Matcher rule = CONTEXT_RULE.matcher(Transliterator.getInstance("Han-Latin").toRules(false));
        while (rule.find()) {
            readings.put(rule.group(1) + rule.group(2), rule.group(3).strip());
        }
        return Map.copyOf(readings);
    }
}
