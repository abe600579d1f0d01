package org.imagehub.content.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.imagehub.platform.errors.FieldError;
import org.junit.jupiter.api.Test;

/** The rules every stored text obeys: length in code points, no control characters, no lone surrogates. */
class TextChecksTest {
    private static List<String> codes(String value, int max) {
        List<FieldError> errors = new ArrayList<>();
        TextChecks.check("title", value, max, true, errors);
        return errors.stream().map(FieldError::code).toList();
    }

    @Test
    void lineBreaksTabsAndEveryScriptAreText() {
        assertFalse(TextChecks.hasControlCharacters("Hà Nội\tl'école\r\n一带一路 Керівний комітет \u00A0«»"));
        assertFalse(TextChecks.hasControlCharacters("emoji \uD83C\uDDFB\uD83C\uDDF3 at the end \uD83D\uDE00"));
        assertFalse(TextChecks.hasControlCharacters(""));
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreRefused() {
        assertTrue(TextChecks.hasControlCharacters("a\u0000b"));
        assertTrue(TextChecks.hasControlCharacters("\u001Fstart"));
        assertTrue(TextChecks.hasControlCharacters("delete\u007F"));
        assertTrue(TextChecks.hasControlCharacters("a high surrogate alone \uD83D"));
        assertTrue(TextChecks.hasControlCharacters("\uDE00 a low surrogate alone"));
        assertTrue(TextChecks.hasControlCharacters("reversed \uDE00\uD83D pair"));
        assertEquals(List.of("control-character"), codes("a\u0000b", 10));
    }

    @Test
    void lengthCountsCodePointsNotChars() {
        String fourEmoji = "\uD83D\uDE00".repeat(4);
        assertEquals(List.of(), codes(fourEmoji, 4), "eight chars, four code points");
        assertEquals(List.of("too-long"), codes(fourEmoji, 3));
        assertEquals(List.of(), codes("abcd", 4));
        assertEquals(List.of("too-long"), codes("abcde", 4));
        assertEquals(List.of("required"), codes("  ", 4));
    }
}
