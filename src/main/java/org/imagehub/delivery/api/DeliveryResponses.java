package org.imagehub.delivery.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.imagehub.platform.HubConfig;

/** Turns answers into HTTP: strong ETag, 304 on a matching If-None-Match, Cache-Control and Vary for published content. */
public final class DeliveryResponses {
    /** Answers differ by key (scope) and by language preference. */
    static final String VARY = "Accept-Language, Authorization, X-Api-Key";

    private DeliveryResponses() {
    }

    public static Response send(CachedAnswer answer, String ifNoneMatch, HubConfig config) {
        return send(answer, ifNoneMatch, config.delivery().maxAgeSeconds());
    }

    /** With a client lifetime of its own: an answer the hub keeps for a shorter time must not be reused longer. */
    public static Response send(CachedAnswer answer, String ifNoneMatch, int maxAgeSeconds) {
        // Keyed answers are for the consumer, not for shared caches; revalidation is a cheap 304.
        String cacheControl = "private, max-age=" + maxAgeSeconds + ", must-revalidate";
        Response.ResponseBuilder response = org.imagehub.platform.http.EntityTags.noneMatchHits(ifNoneMatch, answer.etag())
                ? Response.notModified()
                // Stated, not left to the body writer: a HEAD answer has no body, yet must say how long the GET's is.
                : Response.ok(answer.body(), answer.mediaType()).header(HttpHeaders.CONTENT_LENGTH, answer.body().length);
        response.header(HttpHeaders.ETAG, answer.etag()).header(HttpHeaders.CACHE_CONTROL, cacheControl).header(HttpHeaders.VARY, VARY);
        answer.headers().forEach(response::header);
        return response.build();
    }
}
