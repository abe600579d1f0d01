package org.imagehub.delivery.api;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.imagehub.platform.HubConfig;
import org.imagehub.platform.http.AcceptEncoding;
import org.imagehub.platform.http.EntityTags;

/**
 * Turns answers into HTTP: strong ETag, 304 on a matching If-None-Match, Cache-Control and Vary for published
 * content, and the body gzip-compressed for clients that accept it. The compressed form is kept in the response
 * cache beside the answer (keyed by the answer's ETag, so it is the same bytes for as long as the answer is), so a
 * warm answer costs no compression; compressing every response on the way out, as the HTTP server would, cost more
 * than everything else a cached read does together.
 */
@ApplicationScoped
public class DeliveryResponses {
    /** Answers differ by content coding, language preference and key (scope). */
    static final String VARY = "Accept-Encoding, Accept-Language, Authorization, X-Api-Key";

    /** The handful of media types answers have, parsed once, each stating its charset (see {@link #mediaType}). */
    private static final Map<String, MediaType> MEDIA_TYPES = new ConcurrentHashMap<>();

    private final ResponseCache cache;
    private final CurrentVertxRequest http;
    private final int maxAgeSeconds;

    public DeliveryResponses(ResponseCache cache, CurrentVertxRequest http, HubConfig config) {
        this.cache = cache;
        this.http = http;
        this.maxAgeSeconds = config.delivery().maxAgeSeconds();
    }

    public Response send(CachedAnswer answer, String ifNoneMatch, String acceptEncoding) {
        return send(answer, ifNoneMatch, acceptEncoding, maxAgeSeconds);
    }

    /** With a client lifetime of its own: an answer the hub keeps for a shorter time must not be reused longer. */
    public Response send(CachedAnswer answer, String ifNoneMatch, String acceptEncoding, int clientMaxAgeSeconds) {
        io.vertx.ext.web.RoutingContext context = AcceptEncoding.allowsGzip(acceptEncoding) ? http.getCurrent() : null;
        // Over HTTP/2 the server compresses whatever states a coding (that is how an application asks it to there):
        // these answers are left to it, as before.
        boolean gzip = context != null && context.request().version() != io.vertx.core.http.HttpVersion.HTTP_2;
        String etag = gzip ? CachedAnswer.gzipEtag(answer.etag()) : answer.etag();
        Response.ResponseBuilder response;
        if (EntityTags.noneMatchHits(ifNoneMatch, etag)) {
            response = Response.notModified();
        } else {
            CachedAnswer sent = gzip ? cache.gzipped(answer) : answer;
            // Stated, not left to the body writer: a HEAD answer has no body, yet must say how long the GET's is.
            response = Response.ok(sent.body(), mediaType(sent.mediaType())).header(HttpHeaders.CONTENT_LENGTH, sent.body().length);
            if (gzip) {
                // Stated on the HTTP response as its headers are sent: a JAX-RS header went out beside the "identity"
                // Quarkus keeps there until then, Quarkus took both away for a compressible type, and the HTTP server
                // compressed the gzip bytes a second time. Over HTTP/1.1 a response that states its coding is passed through.
                context.addHeadersEndHandler(ignored -> context.response().headers().set(HttpHeaders.CONTENT_ENCODING, "gzip"));
            }
        }
        // Keyed answers are for the consumer, not for shared caches; revalidation is a cheap 304.
        response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, "private, max-age=" + clientMaxAgeSeconds + ", must-revalidate")
                .header(HttpHeaders.VARY, VARY);
        answer.headers().forEach(response::header);
        return response.build();
    }

    /**
     * The answer's media type with charset=UTF-8 (every delivery answer is UTF-8 text). Stated, because Quarkus REST
     * otherwise adds it itself to a text-like type each time it looks at the response's type, building a new
     * MediaType (a parameter map and its hash) several times a request: about 5 % of a cached read's CPU.
     */
    static MediaType mediaType(String type) {
        return MEDIA_TYPES.computeIfAbsent(type, text -> {
            MediaType parsed = MediaType.valueOf(text);
            return parsed.getParameters().containsKey(MediaType.CHARSET_PARAMETER) ? parsed : parsed.withCharset(StandardCharsets.UTF_8.name());
        });
    }
}
