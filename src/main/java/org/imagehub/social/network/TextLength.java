package org.imagehub.social.network;

import com.ibm.icu.text.BreakIterator;
import com.twitter.twittertext.TwitterTextParser;
import java.nio.charset.StandardCharsets;

/** The length of a text as a given network counts it. */
public final class TextLength {
    private TextLength() {
    }

    public static int count(String text, LengthCounting counting) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        return switch (counting) {
            // twitter-text is X's own reference implementation: weights, URL length and NFC included.
            case TWITTER -> TwitterTextParser.parseTweet(text).weightedLength;
            case GRAPHEMES -> graphemes(text);
            case UTF16 -> text.length();
            case CODEPOINTS -> text.codePointCount(0, text.length());
            case UTF8_BYTES -> text.getBytes(StandardCharsets.UTF_8).length;
        };
    }

    /** Extended grapheme clusters (ICU follows the current Unicode rules for emoji sequences and flags). */
    static int graphemes(String text) {
        BreakIterator characters = BreakIterator.getCharacterInstance();
        characters.setText(text);
        int count = 0;
        while (characters.next() != BreakIterator.DONE) {
            count++;
        }
        return count;
    }
}
