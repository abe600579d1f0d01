package org.imagehub.content.text;

import java.util.List;
import org.imagehub.platform.errors.FieldError;

/** Rules every stored text field obeys, whatever the field. */
public final class TextChecks {
    private TextChecks() {
    }

    /** Adds an error when {@code value} is longer than {@code max} characters or carries control characters (NUL...). */
    public static void check(String field, String value, int max, boolean required, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "required", "must not be empty"));
            }
            return;
        }
        if (value.codePointCount(0, value.length()) > max) {
            errors.add(new FieldError(field, "too-long", "at most " + max + " characters"));
        }
        if (hasControlCharacters(value)) {
            errors.add(new FieldError(field, "control-character", "must not contain NUL or other control characters"));
        }
    }

    static boolean hasControlCharacters(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F || Character.isSurrogate(c) && !validSurrogateAt(value, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean validSurrogateAt(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }
}
