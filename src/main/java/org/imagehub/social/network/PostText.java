package org.imagehub.social.network;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;

/** Builds the text of a post for one network: the story's words, its link and hashtags, within the limit. */
public final class PostText {
    /** Between the text, the link and the hashtags: a blank line, which every network counts as two characters. */
    static final String BLOCK_SEPARATOR = "\n\n";
    static final String ELLIPSIS = "…";

    private PostText() {
    }

    /**
     * The text exactly as it will be posted: {@code text}, then {@code link} when the network takes links in the
     * text, then the hashtags as {@code #tag}. Hashtags are given without '#'; a network that allows fewer
     * hashtags gets the first ones (Threads takes one topic tag).
     */
    public static String compose(String text, List<String> hashtags, String link, NetworkRules rules) {
        List<String> blocks = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            blocks.add(text.strip());
        }
        if (link != null && !link.isBlank() && rules.links().handling() == LinkHandling.IN_TEXT) {
            blocks.add(link.strip());
        }
        String tags = hashtagLine(hashtags, rules);
        if (!tags.isEmpty()) {
            blocks.add(tags);
        }
        return String.join(BLOCK_SEPARATOR, blocks);
    }

    /**
     * A text made of {@code title} and {@code summary} that, once composed with the link and hashtags, fits the
     * network's limit. When it must be cut, it is cut where a line may break (ICU's rules, so Chinese without
     * spaces cuts between characters, never inside a grapheme) and ends with "…". When even the link and
     * hashtags alone do not fit, the result is empty and {@link PostRules} reports the length.
     */
    public static String trimToFit(String title, String summary, String link, List<String> hashtags,
            NetworkRules rules, boolean withMedia) {
        String draft = joinTitleAndSummary(title, summary);
        int limit = rules.text().maxLength(withMedia);
        if (fits(draft, hashtags, link, rules, limit)) {
            return draft;
        }
        String cut = longestFittingCut(draft, wordBoundaries(draft), hashtags, link, rules, limit);
        if (cut == null) {
            // One word longer than the room left (a long URL, a run of script ICU cannot split): cut between graphemes.
            cut = longestFittingCut(draft, graphemeBoundaries(draft), hashtags, link, rules, limit);
        }
        return cut == null ? "" : cut;
    }

    private static String joinTitleAndSummary(String title, String summary) {
        String head = title == null ? "" : title.strip();
        String body = summary == null ? "" : summary.strip();
        if (head.isEmpty()) {
            return body;
        }
        return body.isEmpty() ? head : head + BLOCK_SEPARATOR + body;
    }

    private static String hashtagLine(List<String> hashtags, NetworkRules rules) {
        if (hashtags == null) {
            return "";
        }
        Integer max = rules.hashtags().max();
        return hashtags.stream()
                .map(PostText::tagWithoutSpaces)
                .filter(tag -> !tag.isEmpty())
                .limit(max == null ? Long.MAX_VALUE : max)
                .map(tag -> "#" + tag)
                .reduce((a, b) -> a + " " + b)
                .orElse("");
    }

    /** A hashtag ends at the first space, so "Việt Nam" becomes #ViệtNam rather than #Việt and a loose word. */
    private static String tagWithoutSpaces(String tag) {
        String bare = tag == null ? "" : tag.strip();
        while (bare.startsWith("#")) {
            bare = bare.substring(1);
        }
        return bare.replaceAll("\\s+", "");
    }

    private static boolean fits(String text, List<String> hashtags, String link, NetworkRules rules, int limit) {
        return TextLength.count(compose(text, hashtags, link, rules), rules.text().counting()) <= limit;
    }

    /**
     * The longest "prefix…" at one of the boundaries that fits. Length grows with the prefix almost always, so a
     * binary search finds it; every answer is checked, so a rare non-monotonic case (a cut URL) only costs room.
     */
    private static String longestFittingCut(String draft, List<Integer> boundaries, List<String> hashtags,
            String link, NetworkRules rules, int limit) {
        int low = 0;
        int high = boundaries.size() - 1;
        String best = null;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            String candidate = cutAt(draft, boundaries.get(middle));
            if (candidate != null && fits(candidate, hashtags, link, rules, limit)) {
                best = candidate;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return best;
    }

    /** The text before {@code end}, without trailing spaces, plus "…"; null when nothing would be left. */
    private static String cutAt(String draft, int end) {
        String prefix = draft.substring(0, end).stripTrailing();
        return prefix.isEmpty() ? null : prefix + ELLIPSIS;
    }

    private static List<Integer> wordBoundaries(String text) {
        return boundaries(BreakIterator.getLineInstance(ULocale.ROOT), text);
    }

    private static List<Integer> graphemeBoundaries(String text) {
        return boundaries(BreakIterator.getCharacterInstance(ULocale.ROOT), text);
    }

    /** Boundaries strictly inside the text, in order (the end is not a cut: the whole text did not fit). */
    private static List<Integer> boundaries(BreakIterator iterator, String text) {
        iterator.setText(text);
        List<Integer> positions = new ArrayList<>();
        for (int end = iterator.next(); end != BreakIterator.DONE && end < text.length(); end = iterator.next()) {
            positions.add(end);
        }
        return positions;
    }
}
