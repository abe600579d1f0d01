package org.imagehub.delivery.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.imagehub.platform.Hashes;

/**
 * A delivery answer ready to send: body bytes, media type, a strong ETag computed from the bytes, and headers
 * such as Content-Language and Link. Computed once and served from the cache until the published view changes.
 *
 * @param storyId the story a single-story answer is about (reads are counted per story), else null
 * @param feedItems the stories a feed carries (a fetch counts as taking each), else empty
 */
public record CachedAnswer(byte[] body, String mediaType, String etag, Map<String, String> headers, String storyId, List<String> feedItems) {
    public static CachedAnswer of(byte[] body, String mediaType, Map<String, String> headers) {
        return new CachedAnswer(body, mediaType, strongEtag(body), Map.copyOf(headers), null, List.of());
    }

    public static CachedAnswer of(String body, String mediaType, Map<String, String> headers) {
        return of(body.getBytes(StandardCharsets.UTF_8), mediaType, headers);
    }

    CachedAnswer about(String story) {
        return new CachedAnswer(body, mediaType, etag, headers, story, feedItems);
    }

    CachedAnswer carrying(List<String> stories) {
        return new CachedAnswer(body, mediaType, etag, headers, storyId, List.copyOf(stories));
    }

    /** The same answer with other body bytes (the ETag stays that of the original bytes): for the cache's compact form. */
    CachedAnswer withBody(byte[] bytes) {
        return new CachedAnswer(bytes, mediaType, etag, headers, storyId, feedItems);
    }

    /**
     * The same content gzip-compressed, as sent to clients that accept gzip: only its bytes and its ETag, which
     * differs from the original's (a strong ETag names one representation, and each content coding is one); the
     * headers stay the original's.
     */
    CachedAnswer gzipped() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(body.length / 3 + 64);
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(out, 8192)) {
            gzip.write(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new CachedAnswer(out.toByteArray(), mediaType, gzipEtag(etag), Map.of(), storyId, List.of());
    }

    /** The gzip representation's ETag: the original's with "-gzip" inside the quotes (an original's never has it: 27 characters). */
    static String gzipEtag(String etag) {
        return etag.substring(0, etag.length() - 1) + "-gzip\"";
    }

    /** Roughly what the entry occupies in memory (array headers, record, map), for the cache's byte budget. */
    int weight() {
        int headerBytes = headers.entrySet().stream().mapToInt(header -> 2 * (header.getKey().length() + header.getValue().length()) + 64).sum();
        return (body == null ? 0 : body.length) + 2 * etag.length() + headerBytes + 48 * feedItems.size() + 160;
    }

    private static String strongEtag(byte[] body) {
        byte[] digest = Hashes.sha256(body);
        return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
    }
}
