package org.imagehub.delivery.api;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import org.jboss.logging.Logger;

/**
 * A cached answer as kept in memory: its body LZ4-compressed when that saves space. Story documents are mostly
 * prose, which LZ4 (high-compression mode) packs to about a third, so three times as many stories stay warm in the
 * same byte budget; a hit decodes it in a few microseconds. Deflate packed a little tighter (about a quarter) but
 * inflating a story took 12–30 µs, a fifth of all the CPU a cached read costs; LZ4's encoding is slower only on a
 * miss, which reads the database anyway.
 */
final class CompactAnswer {
    /** Below this, compressing saves too little to be worth a hit's decoding. */
    private static final int COMPRESS_FROM = 512;
    private static final Logger LOG = Logger.getLogger(CompactAnswer.class);
    private static final LZ4Factory LZ4 = fastest();
    private static final LZ4Compressor COMPRESSOR = LZ4.highCompressor();
    private static final LZ4SafeDecompressor DECOMPRESSOR = LZ4.safeDecompressor();

    private final CachedAnswer answer;
    private final byte[] compressed;
    private final int length;

    private CompactAnswer(CachedAnswer answer, byte[] compressed, int length) {
        this.answer = answer;
        this.compressed = compressed;
        this.length = length;
    }

    static CompactAnswer of(CachedAnswer answer) {
        byte[] body = answer.body();
        if (body.length < COMPRESS_FROM) {
            return new CompactAnswer(answer, null, body.length);
        }
        byte[] compressed = COMPRESSOR.compress(body);
        return compressed.length < body.length * 9 / 10
                ? new CompactAnswer(answer.withBody(null), compressed, body.length)
                : new CompactAnswer(answer, null, body.length);
    }

    /** Which LZ4 implementation the cache runs on, e.g. "LZ4Factory:JNI". */
    static String codec() {
        return LZ4.toString();
    }

    CachedAnswer answer() {
        return compressed == null ? answer : answer.withBody(decompress());
    }

    /** Roughly the bytes this entry occupies, for the cache's budget. */
    int weight() {
        return answer.weight() + (compressed == null ? 0 : compressed.length + 16);
    }

    /**
     * Native through JNI where the jar carries a library for the platform (decoding a story: ~3 µs against ~9 µs in
     * Java). Asked for by name: LZ4Factory.fastestInstance() goes native only when loaded by the system class
     * loader, which Quarkus's application class loader is not. Instances are thread-safe.
     */
    private static LZ4Factory fastest() {
        LZ4Factory factory;
        try {
            factory = LZ4Factory.nativeInstance();
        } catch (LinkageError | RuntimeException noNativeLibrary) {
            factory = LZ4Factory.fastestJavaInstance();
        }
        LOG.debugf("Response cache codec: %s", factory);
        return factory;
    }

    private byte[] decompress() {
        byte[] body = new byte[length];
        int read = DECOMPRESSOR.decompress(compressed, 0, compressed.length, body, 0);
        if (read != length) {
            throw new IllegalStateException("A cached answer decoded to " + read + " of its " + length + " bytes");
        }
        return body;
    }
}
