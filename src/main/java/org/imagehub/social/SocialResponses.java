package org.imagehub.social;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import org.imagehub.platform.Hashes;

/** JSON answers that change from one call to the next (due posts, calendars): a strong ETag, revalidated every time. */
final class SocialResponses {
    private SocialResponses() {
    }

    static Response revalidated(byte[] body, String mediaType, String ifNoneMatch) {
        String etag = "\"" + Hashes.sha256Hex(body).substring(0, 32) + "\"";
        boolean same = ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(",")).map(String::trim)
                .anyMatch(candidate -> candidate.equals(etag) || candidate.equals("W/" + etag) || candidate.equals("*"));
        Response.ResponseBuilder response = same ? Response.notModified() : Response.ok(body, mediaType);
        return response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, "private, no-cache").build();
    }

    static Response revalidated(byte[] body, String ifNoneMatch) {
        return revalidated(body, MediaType.APPLICATION_JSON, ifNoneMatch);
    }
}
