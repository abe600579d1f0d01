package org.imagehub.social;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.imagehub.platform.Hashes;
import org.imagehub.platform.http.EntityTags;

/** JSON answers that change from one call to the next (due posts, calendars): a strong ETag, revalidated every time. */
final class SocialResponses {
    private SocialResponses() {
    }

    static Response revalidated(byte[] body, String mediaType, String ifNoneMatch) {
        String etag = "\"" + Hashes.sha256Hex(body).substring(0, 32) + "\"";
        Response.ResponseBuilder response = EntityTags.noneMatchHits(ifNoneMatch, etag) ? Response.notModified() : Response.ok(body, mediaType);
        return response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, "private, no-cache").build();
    }

    static Response revalidated(byte[] body, String ifNoneMatch) {
        return revalidated(body, MediaType.APPLICATION_JSON, ifNoneMatch);
    }
}
