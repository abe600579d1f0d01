package org.imagehub.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * JSON that a page may inline as is, e.g. in {@code <script type="application/ld+json">}: {@code <}, {@code >} and
 * {@code &} are written as {@code \u003C}-style escapes, so no text can close the script element or open a comment,
 * and U+2028/U+2029 are escaped because older JavaScript parsers take them for line ends. Still plain JSON to any
 * parser; only the bytes differ.
 */
@ApplicationScoped
public class EmbeddableJson {
    private final ObjectWriter writer;

    public EmbeddableJson(ObjectMapper objectMapper) {
        this.writer = objectMapper.writer().with(new HtmlSafeEscapes());
    }

    public String write(Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not serialisable as JSON: " + value.getClass().getName(), e);
        }
    }

    /** Jackson's standard escapes plus the characters HTML (and old JavaScript) give a meaning inside a script. */
    static final class HtmlSafeEscapes extends CharacterEscapes {
        private static final SerializableString LINE_SEPARATOR = new SerializedString("\\u2028");
        private static final SerializableString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

        private final int[] ascii;

        HtmlSafeEscapes() {
            ascii = standardAsciiEscapesForJSON();
            ascii['<'] = ESCAPE_STANDARD;
            ascii['>'] = ESCAPE_STANDARD;
            ascii['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return switch (ch) {
                case 0x2028 -> LINE_SEPARATOR;
                case 0x2029 -> PARAGRAPH_SEPARATOR;
                default -> null;
            };
        }
    }
}
