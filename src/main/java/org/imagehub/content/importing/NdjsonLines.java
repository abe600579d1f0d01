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
    /** Read ahead in blocks and scanned for line ends here: a byte-at-a-time read() costs a call (and a lock) per byte. */
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private int number;

    NdjsonLines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next non-blank line, or null at the end of the stream. */
    Line next() throws IOException {
        while (true) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
            boolean tooLong = false;
            boolean sawAny = false;
            int b = 0;
            while (true) {
                if (position == limit) {
                    limit = Math.max(0, in.read(buffer));
                    position = 0;
                    if (limit == 0) {
                        b = -1;
                        break;
                    }
                }
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                int length = position - start;
                if (length > 0) {
                    sawAny = true;
                    int room = maxLineBytes - bytes.size();
                    bytes.write(buffer, start, Math.min(length, Math.max(room, 0)));
                    tooLong |= length > room;
                }
                if (position < limit) {
                    position++; // the '\n'
                    break;
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
            byte[] raw = bytes.toByteArray();
            // String's own decoder is the JDK's fastest, but it replaces bad bytes with U+FFFD instead of failing:
            // only a line that has one is decoded again strictly, to tell a bad byte from a U+FFFD that was sent.
            String text = new String(raw, StandardCharsets.UTF_8);
            if (text.indexOf('\uFFFD') >= 0 && !isStrictUtf8(raw)) {
                return new Line(number, null, "not valid UTF-8");
            }
            text = text.strip();
            if (!text.isEmpty()) {
                return new Line(number, text, null);
            }
            if (b == -1) {
                return null;
            }
        }
    }

    private static boolean isStrictUtf8(byte[] raw) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
