package org.imagehub.content.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Each line is strict UTF-8 on its own: a bad byte spoils its line only, and a U+FFFD that was sent is text. */
class NdjsonLinesTest {
    private static NdjsonLines lines(byte[]... parts) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            body.write(part);
        }
        return new NdjsonLines(new ByteArrayInputStream(body.toByteArray()), 1024);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyScriptAndASentReplacementCharacterAreRead() throws IOException {
        NdjsonLines lines = lines(utf8("{\"t\":\"Hà Nội 一带一路 Керівний\"}\n\n  \n{\"t\":\"sent \uFFFD on purpose\"}\r\n"));
        NdjsonLines.Line first = lines.next();
        assertEquals(1, first.number());
        assertEquals("{\"t\":\"Hà Nội 一带一路 Керівний\"}", first.text());
        NdjsonLines.Line second = lines.next();
        assertEquals(4, second.number(), "blank lines are counted, not returned");
        assertEquals("{\"t\":\"sent \uFFFD on purpose\"}", second.text());
        assertNull(second.problem());
        assertNull(lines.next());
    }

    @Test
    void aBadByteSpoilsItsOwnLineOnly() throws IOException {
        byte[] truncated = {'{', '"', 't', '"', ':', '"', (byte) 0xE4, (byte) 0xB8, '"', '}', '\n'};
        byte[] encodedSurrogate = {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '\n'};
        NdjsonLines lines = lines(truncated, encodedSurrogate, utf8("{\"t\":\"ok\"}"));
        NdjsonLines.Line bad = lines.next();
        assertNull(bad.text());
        assertEquals("not valid UTF-8", bad.problem());
        assertEquals("not valid UTF-8", lines.next().problem(), "a surrogate encoded in UTF-8 is not UTF-8");
        NdjsonLines.Line good = lines.next();
        assertEquals(3, good.number());
        assertEquals("{\"t\":\"ok\"}", good.text());
    }

    @Test
    void anOversizedLineIsDroppedNotHeld() throws IOException {
        NdjsonLines lines = lines(utf8("x".repeat(5000) + "\n{}\n"));
        NdjsonLines.Line tooLong = lines.next();
        assertNull(tooLong.text());
        assertEquals("too-long", tooLong.errors().get(0).code());
        assertEquals("{}", lines.next().text());
    }
}
