package org.imagehub.delivery.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.imagehub.platform.Hashes;

/**
 * A delivery answer ready to send: body bytes, media type, a strong ETag computed from the bytes, and headers
 * such as Content-Language and Link. Computed once and served from the cache until the published view changes.
 */
public record CachedAnswer(byte[] body, String mediaType, String etag, Map<String, String> headers) {
    public static CachedAnswer of(byte[] body, String mediaType, Map<String, String> headers) {
        return new CachedAnswer(body, mediaType, strongEtag(body), Map.copyOf(headers));
    }

    public static CachedAnswer of(String body, String mediaType, Map<String, String> headers) {
        return of(body.getBytes(StandardCharsets.UTF_8), mediaType, headers);
    }

    /** Roughly what the entry occupies in memory, for the cache's size bound. */
    int weight() {
        return body.length + 256;
    }

    private static String strongEtag(byte[] body) {
        byte[] digest = Hashes.sha256(body);
        return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
    }
}
