package org.imagehub.content.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * URL slugs. Generated slugs are ASCII: every script is transliterated ("Tạo chuyển biến căn bản" →
 * {@code tao-chuyen-bien-can-ban}, Cyrillic and Chinese likewise); slugs given by editors may keep any letters.
 */
public final class Slugs {
    public static final int MAX_LENGTH = 120;
    /** Lower-case letters (any script) and digits in words joined by single dashes. */
    public static final String PATTERN = "^[\\p{Ll}\\p{Lo}\\p{Lm}\\p{Mn}\\p{Nd}]+(-[\\p{Ll}\\p{Lo}\\p{Lm}\\p{Mn}\\p{Nd}]+)*$";
    private static final Pattern VALID = Pattern.compile(PATTERN);
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    /**
     * ICU transliterators are not safe to share between threads, and costly to build (Any-Latin builds Han-Latin, a
     * rule set of tens of thousands of rules, on first use): pooled, so the import's many request and fork-join
     * threads reuse a few warm ones instead of each building its own. Soft and hard signs become primes on the way,
     * which would split a word in two: they are dropped.
     */
    private static final TransliteratorPool TO_ASCII = new TransliteratorPool("Any-Latin; [\\u02B9\\u02BA] Remove; Latin-ASCII");
    /** Latin text (English, French, Vietnamese...) needs only accents folded: far cheaper than script detection. */
    private static final TransliteratorPool LATIN_TO_ASCII = new TransliteratorPool("Latin-ASCII");
    private static final HanSyllables HAN = new HanSyllables(TO_ASCII);

    private Slugs() {
    }

    public static String fromTitle(String title) {
        String text = HanSyllables.containsHan(title) ? HAN.spell(title) : title;
        String folded = foldedLatin(text);
        if (folded == null) {
            folded = foldedCyrillic(text);
        }
        return slug(folded != null ? folded : transliterated(text));
    }

    /** What ICU makes of the title: the only way before {@link #foldedLatin}, which must give the same slugs. */
    static String transliterated(String title) {
        return (isLatin(title) ? LATIN_TO_ASCII : TO_ASCII).transliterate(title);
    }

    static String slug(String transliterated) {
        String ascii = transliterated.toLowerCase(Locale.ROOT);
        String slug = NOT_SLUG.matcher(ascii).replaceAll("-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-[^-]*$", "");
        }
        return slug;
    }

    /**
     * The common case without ICU (ten times faster, and titles are transliterated for every imported line): Latin
     * letters with accents, folded by dropping the marks NFD splits off, đ as d, punctuation or spaces that become a
     * dash anyway, and the {@link LatinExtras}. Null when anything else appears (other scripts, fractions, ligatures
     * such as ﬁ): ICU decides those.
     */
    static String foldedLatin(String title) {
        String decomposed = Normalizer.normalize(title, Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (char c : decomposed.toCharArray()) {
            if (c < 0x80) {
                folded.append(c);
                continue;
            }
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c == 'đ' || c == 'Đ') {
                folded.append('d');
            } else if (becomesDash(c)) {
                folded.append(' ');
            } else {
                String spelled = LatinExtras.spelled(c);
                if (spelled == null) {
                    return null;
                }
                folded.append(spelled);
            }
        }
        return folded.toString();
    }

    /**
     * Ukrainian (and other Cyrillic) titles without running ICU's rules over them: each letter of the Cyrillic block
     * as ICU spells it alone, worked out once, which is what ICU gives for it in any context once the slug is in
     * lower case (the tests compare both over the corpus and over random strings). Transliterating the title took a
     * quarter of an import's checks. Composed first, so й, ї and ё stay letters; null when anything else than ASCII,
     * such letters, or the punctuation and spaces that become a dash appears: ICU decides those.
     */
    static String foldedCyrillic(String title) {
        String composed = Normalizer.normalize(title, Normalizer.Form.NFC);
        StringBuilder folded = new StringBuilder(composed.length() + 8);
        for (char c : composed.toCharArray()) {
            if (c < 0x80) {
                folded.append(c);
            } else if (c >= CyrillicLetters.FIRST && c <= CyrillicLetters.LAST) {
                String spelled = CyrillicLetters.SPELLED[c - CyrillicLetters.FIRST];
                if (spelled == null) {
                    return null;
                }
                folded.append(spelled);
            } else if (becomesDash(c)) {
                folded.append(' ');
            } else {
                return null;
            }
        }
        return folded.toString();
    }

    private static boolean becomesDash(char c) {
        return switch (Character.getType(c)) {
            case Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.SPACE_SEPARATOR -> true;
            default -> c == '…';
        };
    }

    /** The Cyrillic block's letters as ICU spells each alone in ASCII; null where that is not plain ASCII letters. */
    private static final class CyrillicLetters {
        static final char FIRST = '\u0400';
        static final char LAST = '\u04FF';
        static final String[] SPELLED = new String[LAST - FIRST + 1];

        static {
            for (char c = FIRST; c <= LAST; c++) {
                if (!Character.isLetter(c)) {
                    continue;
                }
                String ascii = TO_ASCII.transliterate(String.valueOf(c));
                if (ascii.chars().allMatch(letter -> letter < 0x80 && Character.isLetter(letter))) {
                    SPELLED[c - FIRST] = ascii;
                }
            }
        }
    }

    /**
     * Letters and punctuation that NFD leaves whole (œ, ß, ø, °, ·, the ideographic comma and full stop, full-width
     * punctuation), spelled as Latin-ASCII spells each alone: about one title in nine of a French and Chinese archive
     * has one, and sending those to ICU was a tenth of an import's checks. Only kinds of character whose spelling does
     * not depend on their neighbours once the slug is in lower case are taken (letters, punctuation, other symbols,
     * spaces; not fractions or superscripts, "1½" is not "1" + "½"); the tests compare with ICU over the corpus and
     * random strings. A character spelled without ASCII letters or digits is a dash in the slug whatever it becomes,
     * so it is kept as a space; one ICU removes, or spells with other letters, is left to ICU.
     */
    private static final class LatinExtras {
        private static final char[][] RANGES = {{'\u00A0', '\u024F'}, {'\u2000', '\u206F'}, {'\u3000', '\u303F'}, {'\uFF00', '\uFFEF'}};
        private static final String[][] SPELLED = new String[RANGES.length][];

        static {
            for (int range = 0; range < RANGES.length; range++) {
                SPELLED[range] = new String[RANGES[range][1] - RANGES[range][0] + 1];
                for (char c = RANGES[range][0]; c <= RANGES[range][1]; c++) {
                    SPELLED[range][c - RANGES[range][0]] = spelledAlone(c);
                }
            }
        }

        static String spelled(char c) {
            for (int range = 0; range < RANGES.length; range++) {
                if (c >= RANGES[range][0] && c <= RANGES[range][1]) {
                    return SPELLED[range][c - RANGES[range][0]];
                }
            }
            return null;
        }

        private static String spelledAlone(char c) {
            boolean latinLetter = Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
            boolean separatorLike = switch (Character.getType(c)) {
                case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                        Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION,
                        Character.OTHER_SYMBOL, Character.SPACE_SEPARATOR -> true;
                default -> false;
            };
            if (!latinLetter && !separatorLike) {
                return null;
            }
            String spelled = LATIN_TO_ASCII.transliterate(String.valueOf(c)).toLowerCase(Locale.ROOT);
            if (spelled.isEmpty()) {
                return null;
            }
            if (spelled.chars().noneMatch(ch -> ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9')) {
                return " ";
            }
            return spelled.chars().allMatch(ch -> ch < 0x80) ? spelled : null;
        }
    }

    private static boolean isLatin(String text) {
        return text.codePoints().allMatch(c -> c < 0x80 || switch (Character.UnicodeScript.of(c)) {
            case LATIN, COMMON, INHERITED -> true;
            default -> false;
        });
    }

    public static boolean isValid(String slug) {
        return slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches();
    }
}
