package org.imagehub.delivery.api;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A cached answer as kept in memory: its body deflated when that saves space. Story documents are mostly prose,
 * which deflates to about a third, so three times as many stories stay warm in the same byte budget; inflating one
 * on a hit costs microseconds, a miss costs a database read.
 */
final class CompactAnswer {
    /** Below this, deflating saves too little to be worth a hit's inflate. */
    private static final int DEFLATE_FROM = 512;

    /*
     * One per thread, reset after each use: creating a zlib stream per hit (native state and window, freed by end())
     * cost more than inflating a story. Request threads are pooled, so there are only as many as the pool holds.
     */
    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(() -> new Inflater(true));
    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater(Deflater.DEFAULT_COMPRESSION, true));

    private final CachedAnswer answer;
    private final byte[] deflated;
    private final int length;

    private CompactAnswer(CachedAnswer answer, byte[] deflated, int length) {
        this.answer = answer;
        this.deflated = deflated;
        this.length = length;
    }

    static CompactAnswer of(CachedAnswer answer) {
        byte[] body = answer.body();
        if (body.length < DEFLATE_FROM) {
            return new CompactAnswer(answer, null, body.length);
        }
        byte[] deflated = deflate(body);
        return deflated.length < body.length * 9 / 10
                ? new CompactAnswer(answer.withBody(null), deflated, body.length)
                : new CompactAnswer(answer, null, body.length);
    }

    CachedAnswer answer() {
        return deflated == null ? answer : answer.withBody(inflate(deflated, length));
    }

    /** Roughly the bytes this entry occupies, for the cache's budget. */
    int weight() {
        return answer.weight() + (deflated == null ? 0 : deflated.length + 16);
    }

    private static byte[] deflate(byte[] body) {
        Deflater deflater = DEFLATERS.get();
        try {
            deflater.setInput(body);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 2 + 64);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.reset();
        }
    }

    private static byte[] inflate(byte[] deflated, int length) {
        Inflater inflater = INFLATERS.get();
        try {
            inflater.setInput(deflated);
            byte[] body = new byte[length];
            int read = 0;
            while (read < length) {
                int n = inflater.inflate(body, read, length - read);
                if (n == 0 && (inflater.finished() || inflater.needsInput())) {
                    break;
                }
                read += n;
            }
            if (read != length) {
                throw new IllegalStateException("A cached answer inflated to " + read + " of its " + length + " bytes");
            }
            return body;
        } catch (DataFormatException e) {
            throw new IllegalStateException("A cached answer does not inflate", e);
        } finally {
            inflater.reset();
        }
    }
}
