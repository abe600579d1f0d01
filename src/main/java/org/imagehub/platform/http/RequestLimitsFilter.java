package org.imagehub.platform.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.imagehub.platform.HubConfig;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.PayloadTooLargeException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Rejects a declared body over its limit before it is read: JSON bodies are small documents, NDJSON imports are
 * large streams. Bodies without a length are bounded by quarkus.http.limits.max-body-size.
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
        MediaType type = request.getMediaType();
        long limit = type != null && NDJSON.equals(type.getType() + "/" + type.getSubtype())
                ? limits.importBodyBytes()
                : limits.jsonBodyBytes();
        if (declared > limit) {
            throw new PayloadTooLargeException("The body has " + declared + " bytes; the limit here is " + limit + ".",
                    java.util.List.of(new FieldError("body", "too-large", "at most " + limit + " bytes")));
        }
    }
}
