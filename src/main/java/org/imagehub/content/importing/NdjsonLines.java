package org.imagehub.content.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.imagehub.platform.errors.FieldError;

/**
 * Reads an NDJSON stream one line at a time, decoding each line as strict UTF-8 by itself, so a bad byte or an
 * oversized line spoils only its own line.
 */
final class NdjsonLines {
    /** One line: its text, or why it has none. */
    record Line(int number, String text, String problem, List<FieldError> errors) {
        Line(int number, String text, String problem) {
            this(number, text, problem, List.of());
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private int number;

    NdjsonLines(InputStream in, int maxLineBytes) {
        this.in = in.markSupported() ? in : new java.io.BufferedInputStream(in, 64 * 1024);
        this.maxLineBytes = maxLineBytes;
    }

    /** The next non-blank line, or null at the end of the stream. */
    Line next() throws IOException {
        while (true) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
            boolean tooLong = false;
            int b;
            boolean sawAny = false;
            while ((b = in.read()) != -1 && b != '\n') {
                sawAny = true;
                if (bytes.size() < maxLineBytes) {
                    bytes.write(b);
                } else {
                    tooLong = true;
                }
            }
            if (b == -1 && !sawAny) {
                return null;
            }
            number++;
            if (tooLong) {
                // The rest of the line was read and dropped, never held: one oversized line costs only itself.
                return new Line(number, null, "Line longer than " + maxLineBytes + " bytes; it was not read.",
                        List.of(new FieldError("line", "too-long", "at most " + maxLineBytes + " bytes")));
            }
            try {
                String text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes.toByteArray()))
                        .toString()
                        .strip();
                if (!text.isEmpty()) {
                    return new Line(number, text, null);
                }
            } catch (CharacterCodingException e) {
                return new Line(number, null, "not valid UTF-8");
            }
            if (b == -1) {
                return null;
            }
        }
    }
}
