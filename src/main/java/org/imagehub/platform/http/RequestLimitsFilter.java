package org.imagehub.platform.http;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.imagehub.platform.HubConfig;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.PayloadTooLargeException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Holds every request body to its limit: JSON bodies are small documents, NDJSON imports are large streams. A
 * declared length over the limit is refused before anything is read; a body without one (chunked) is counted as
 * the resource reads it and refused as soon as it passes the limit, so it is never read, let alone held, whole.
 */
public class RequestLimitsFilter {
    public static final String NDJSON = "application/x-ndjson";

    private final HubConfig.Limits limits;

    public RequestLimitsFilter(HubConfig config) {
        this.limits = config.limits();
    }

    @ServerRequestFilter(preMatching = true)
    public void checkBodySize(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return;
        }
        long declared;
        try {
            declared = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return;
        }
        long limit = limitFor(request);
        if (declared > limit) {
            throw new PayloadTooLargeException("The body has " + declared + " bytes; the limit here is " + limit + ".",
                    java.util.List.of(new FieldError("body", "too-large", "at most " + limit + " bytes")));
        }
    }

    /**
     * Runs after matching, before the body is deserialised (on the worker thread for blocking resources, where
     * Quarkus REST reads a large body as a stream). Only undeclared lengths need counting: Vert.x never delivers
     * more than a declared Content-Length, which the pre-matching check already held to the limit. A body without
     * one is counted whether or not it says Transfer-Encoding (HTTP/2 bodies never do).
     */
    @ServerRequestFilter
    public void countUndeclaredBody(ContainerRequestContext request, RoutingContext routing) {
        if (request.getHeaderString(HttpHeaders.CONTENT_LENGTH) != null
                || HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod())) {
            return;
        }
        // The rest of an oversized body is never read: the connection closes once the 413 (or the import's last
        // line) is out, instead of staying paused with the client still sending.
        request.setEntityStream(new BoundedBody(request.getEntityStream(), limitFor(request),
                () -> routing.addEndHandler(ended -> routing.request().connection().close())));
    }

    private long limitFor(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        String name = type == null ? "" : type.getType() + "/" + type.getSubtype();
        if (NDJSON.equals(name)) {
            return limits.importBodyBytes();
        }
        return MediaType.MULTIPART_FORM_DATA.equals(name) ? limits.multipartBodyBytes() : limits.jsonBodyBytes();
    }
}
