package org.imagehub.platform.errors;

import java.net.URI;

/**
 * The stable problem types of the API. Clients branch on {@code type}; titles are fixed per type, the
 * {@code detail} says what happened this time.
 */
public enum ProblemType {
    VALIDATION("validation", 400, "The request has invalid fields"),
    MALFORMED_BODY("malformed-body", 400, "The request body is not well-formed"),
    UNKNOWN_FIELD("unknown-field", 400, "The request body has a field this API does not know"),
    WRONG_TYPE("wrong-type", 400, "A field of the request body has the wrong type"),
    BAD_REQUEST("bad-request", 400, "The request is not valid"),
    MALFORMED_REQUEST("malformed-request", 400, "The request target or a header is not well-formed"),
    UNAUTHENTICATED("unauthenticated", 401, "Authentication is required"),
    FORBIDDEN("forbidden", 403, "Not allowed"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "None of the accepted media types can be served"),
    CONFLICT("conflict", 409, "Conflict with the current state"),
    INVALID_TRANSITION("invalid-transition", 409, "The workflow does not allow this action in the current state"),
    STALE_VERSION("stale-version", 412, "The resource changed since the version given in If-Match"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "The request body is over its size limit"),
    URI_TOO_LONG("uri-too-long", 414, "The request target is over its length limit"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "The request body's media type is not accepted here"),
    RANGE_NOT_SATISFIABLE("range-not-satisfiable", 416, "The requested byte range lies outside the file"),
    VERSION_REQUIRED("version-required", 428, "This write needs an If-Match header with the current ETag"),
    RATE_LIMITED("rate-limited", 429, "Too many requests"),
    HEADERS_TOO_LARGE("headers-too-large", 431, "The request headers are over their size limit"),
    INTERNAL("internal", 500, "Internal error"),
    UNAVAILABLE("unavailable", 503, "A service the hub depends on is unavailable");

    private static final String BASE = "urn:image-hub:problem:";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
