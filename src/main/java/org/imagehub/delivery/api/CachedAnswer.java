package org.imagehub.delivery.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imagehub.platform.Hashes;

/**
 * A delivery answer ready to send: body bytes, media type, a strong ETag computed from the bytes, and headers
 * such as Content-Language and Link. Computed once and served from the cache until what it shows changes.
 *
 * @param storyId the story a single-story answer is about (reads are counted per story), else null
 * @param feedItems the stories a feed carries (a fetch counts as taking each), else empty
 * @param dependsOn the only stories whose change can alter this answer (a story's detail: the story and the related
 *        stories it names); empty when any change of the published view may (lists, feeds, absences)
 */
public record CachedAnswer(byte[] body, String mediaType, String etag, Map<String, String> headers, String storyId, List<String> feedItems,
        Set<String> dependsOn) {
    public static CachedAnswer of(byte[] body, String mediaType, Map<String, String> headers) {
        return new CachedAnswer(body, mediaType, strongEtag(body), Map.copyOf(headers), null, List.of(), Set.of());
    }

    public static CachedAnswer of(String body, String mediaType, Map<String, String> headers) {
        return of(body.getBytes(StandardCharsets.UTF_8), mediaType, headers);
    }

    /** An answer about one story, which only a change of that story or of {@code alsoShown} can alter. */
    CachedAnswer about(String story, Collection<String> alsoShown) {
        Set<String> shown = new java.util.HashSet<>(alsoShown);
        shown.add(story);
        return new CachedAnswer(body, mediaType, etag, headers, story, feedItems, Set.copyOf(shown));
    }

    CachedAnswer carrying(List<String> stories) {
        return new CachedAnswer(body, mediaType, etag, headers, storyId, List.copyOf(stories), dependsOn);
    }

    /** The same answer with other body bytes (the ETag stays that of the original bytes): for the cache's compact form. */
    CachedAnswer withBody(byte[] bytes) {
        return new CachedAnswer(bytes, mediaType, etag, headers, storyId, feedItems, dependsOn);
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
        return new CachedAnswer(out.toByteArray(), mediaType, gzipEtag(etag), Map.of(), storyId, List.of(), dependsOn);
    }

    /** The gzip representation's ETag: the original's with "-gzip" inside the quotes (an original's never has it: 27 characters). */
    static String gzipEtag(String etag) {
        return etag.substring(0, etag.length() - 1) + "-gzip\"";
    }

    /** Roughly what the entry occupies in memory (array headers, record, map), for the cache's byte budget. */
    int weight() {
        int headerBytes = headers.entrySet().stream().mapToInt(header -> 2 * (header.getKey().length() + header.getValue().length()) + 64).sum();
        return (body == null ? 0 : body.length) + 2 * etag.length() + headerBytes + 48 * (feedItems.size() + dependsOn.size()) + 160;
    }

    private static String strongEtag(byte[] body) {
        byte[] digest = Hashes.sha256(body);
        return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
    }
}
