package org.imagehub.content.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The plain text of sanitised HTML in one pass over the string, without building a DOM: parsing every imported body
 * with jsoup was ~15 % of an import. It gives exactly what {@link RichText#toPlainText} gets from jsoup, and answers
 * null (so jsoup decides) for anything where an HTML parser's tree would not follow the markup as written: tables
 * (text is moved out of them), a block opened inside a paragraph or a list item inside a list item (closed
 * implicitly), unknown tags or entities, unbalanced or misnested tags, carriage returns and NULs.
 */
final class PlainText {
    /** The elements after which {@link RichText#toPlainText} puts a paragraph break. */
    private static final Set<String> BREAK_AFTER = Set.of("p", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "br");
    /** Start tags that close an open paragraph in an HTML parser. */
    private static final Set<String> CLOSES_PARAGRAPH = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
            "blockquote", "figure", "figcaption", "hr");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> PHRASING = Set.of("a", "b", "i", "font", "s", "u", "sup", "sub", "ins", "del", "strong", "strike", "tt", "code",
            "big", "small", "span", "em", "cite", "q", "abbr", "time");
    private static final Set<String> VOID = Set.of("br", "img", "hr");

    private PlainText() {
    }

    /**
     * The text with paragraph breaks and whitespace normalised as {@link RichText#toPlainText} has it; null when jsoup
     * must decide.
     */
    static String of(String source) {
        // A copy of the chars, for the same reason as TextChecks.hasControlCharacters: cold, charAt costs 2.5 times as much.
        char[] html = source.toCharArray();
        NormalisedText text = new NormalisedText(html.length);
        List<String> open = new ArrayList<>();
        int i = 0;
        int length = html.length;
        while (i < length) {
            char c = html[i];
            if (c == '<') {
                int end = indexOf(html, '>', i);
                if (end < 0) {
                    return null;
                }
                boolean closing = i + 1 < length && html[i + 1] == '/';
                int nameStart = i + (closing ? 2 : 1);
                int nameEnd = nameStart;
                while (nameEnd < end && isNameChar(html[nameEnd])) {
                    nameEnd++;
                }
                if (nameEnd == nameStart) {
                    return null;
                }
                String name = new String(html, nameStart, nameEnd - nameStart);
                if (closing) {
                    if (nameEnd != end || open.isEmpty() || !open.remove(open.size() - 1).equals(name)) {
                        return null;
                    }
                    if (BREAK_AFTER.contains(name)) {
                        text.paragraphBreak();
                    }
                    i = end + 1;
                    continue;
                }
                end = tagEnd(html, nameEnd);
                if (end < 0 || !opens(name, open)) {
                    return null;
                }
                if (VOID.contains(name)) {
                    if (name.equals("br")) {
                        text.paragraphBreak();
                    }
                } else if (html[end - 1] == '/') {
                    return null;
                } else {
                    open.add(name);
                }
                i = end + 1;
            } else if (c == '&') {
                int semicolon = indexOf(html, ';', i);
                if (semicolon < 0 || semicolon - i > 10 || !decode(new String(html, i + 1, semicolon - i - 1), text)) {
                    return null;
                }
                i = semicolon + 1;
            } else if (c == '\r' || c == '\0' || c == '>') {
                return null;
            } else if (isCollapsible(c)) {
                text.append(c);
                i++;
            } else {
                // A run of ordinary characters in one copy: appending a body char by char was most of this scan.
                int runEnd = i + 1;
                while (runEnd < length && isOrdinary(html[runEnd])) {
                    runEnd++;
                }
                text.append(html, i, runEnd);
                i = runEnd;
            }
        }
        return open.isEmpty() ? text.text() : null;
    }

    /**
     * Text whose whitespace is normalised as it is appended (one pass over the body instead of two): a run of
     * whitespace with a line break becomes a paragraph break, any other run one space, and none is kept at either end.
     */
    private static final class NormalisedText {
        private final StringBuilder out;
        private boolean inRun;
        private boolean runHasLineBreak;

        NormalisedText(int capacity) {
            out = new StringBuilder(capacity);
        }

        void append(char c) {
            if (isCollapsible(c)) {
                inRun = true;
                runHasLineBreak |= c == '\n';
                return;
            }
            if (inRun) {
                if (!out.isEmpty()) {
                    out.append(runHasLineBreak ? "\n\n" : " ");
                }
                inRun = false;
                runHasLineBreak = false;
            }
            out.append(c);
        }

        /** Characters from {@code from} to {@code to}, none of them whitespace. */
        void append(char[] chars, int from, int to) {
            append(chars[from]);
            out.append(chars, from + 1, to - from - 1);
        }

        void appendCodePoint(int codePoint) {
            if (Character.isBmpCodePoint(codePoint)) {
                append((char) codePoint);
            } else {
                append(Character.highSurrogate(codePoint));
                append(Character.lowSurrogate(codePoint));
            }
        }

        void paragraphBreak() {
            append('\n');
        }

        /** The text; strip() as well, for the other whitespace (em spaces, separators) it removes at the ends. */
        String text() {
            return out.toString().strip();
        }
    }

    /** Neither markup, an entity, whitespace nor a character that makes jsoup decide. */
    private static boolean isOrdinary(char c) {
        return c != '<' && c != '&' && c != '>' && c != '\0' && !isCollapsible(c);
    }

    private static boolean isCollapsible(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Whether an HTML parser would open {@code name} where the markup says, with {@code open} as it is. */
    private static boolean opens(String name, List<String> open) {
        if (!PHRASING.contains(name) && !CLOSES_PARAGRAPH.contains(name) && !VOID.contains(name)) {
            return false;
        }
        if (CLOSES_PARAGRAPH.contains(name) && open.contains("p")) {
            return false;
        }
        if (HEADINGS.contains(name) && open.stream().anyMatch(HEADINGS::contains)) {
            return false;
        }
        if (name.equals("a") && open.contains("a")) {
            return false;
        }
        if (name.equals("li")) {
            return !"li".equals(nearestOf(open, "li", "ul", "ol"));
        }
        if (name.equals("dt") || name.equals("dd")) {
            String nearest = nearestOf(open, "dt", "dd", "dl");
            return nearest == null || nearest.equals("dl");
        }
        return true;
    }

    private static String nearestOf(List<String> open, String... names) {
        for (int i = open.size() - 1; i >= 0; i--) {
            for (String name : names) {
                if (open.get(i).equals(name)) {
                    return name;
                }
            }
        }
        return null;
    }

    /** The index of the '>' that ends a start tag whose name ends at {@code from}, skipping quoted attribute values. */
    private static int tagEnd(char[] html, int from) {
        for (int i = from; i < html.length; i++) {
            char c = html[i];
            if (c == '>') {
                return i;
            }
            if (c == '"') {
                int close = indexOf(html, '"', i + 1);
                if (close < 0) {
                    return -1;
                }
                i = close;
            } else if (c == '\'' || c == '<' || c == '=' && i + 1 < html.length && html[i + 1] != '"') {
                return -1;
            }
        }
        return -1;
    }

    private static int indexOf(char[] chars, char wanted, int from) {
        for (int i = from; i < chars.length; i++) {
            if (chars[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private static boolean decode(String entity, NormalisedText text) {
        switch (entity) {
            case "amp" -> text.append('&');
            case "lt" -> text.append('<');
            case "gt" -> text.append('>');
            case "quot" -> text.append('"');
            case "nbsp" -> text.append('\u00A0');
            default -> {
                if (entity.length() < 2 || entity.charAt(0) != '#') {
                    return false;
                }
                int codePoint;
                try {
                    codePoint = entity.charAt(1) == 'x' || entity.charAt(1) == 'X' ? Integer.parseInt(entity.substring(2), 16)
                            : Integer.parseInt(entity.substring(1));
                } catch (NumberFormatException e) {
                    return false;
                }
                // Control characters, surrogates and the C1 range are remapped or replaced by parsers: jsoup decides.
                if (codePoint < 0x20 && codePoint != '\t' && codePoint != '\n' || codePoint >= 0x7F && codePoint < 0xA0
                        || codePoint >= 0xD800 && codePoint < 0xE000 || codePoint > 0x10FFFF || codePoint == 0xFFFE || codePoint == 0xFFFF) {
                    return false;
                }
                text.appendCodePoint(codePoint);
            }
        }
        return true;
    }
}
