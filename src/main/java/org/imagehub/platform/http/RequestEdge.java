package org.imagehub.platform.http;

import io.vertx.core.MultiMap;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imagehub.platform.HubConfig;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.Problem;
import org.imagehub.platform.errors.ProblemType;

/**
 * The checks every request passes before routing, authentication or a resource sees it, so each is made once for
 * every operation: the target's length and the headers' size, well-formed percent-escapes, and no NUL or other
 * control character in the path, the query or a header (PostgreSQL refuses NUL in text; the others have no place in
 * an identifier, a filter or a header).
 */
public final class RequestEdge {
    private final int uriLength;
    private final int headerBytes;

    public RequestEdge(HubConfig.Limits limits) {
        this.uriLength = limits.uriLength();
        this.headerBytes = limits.headerBytes();
    }

    /** The problem with this request, or empty when it may go on. */
    public Optional<Problem> check(String uri, String path, String query, MultiMap headers) {
        if (uri.length() > uriLength) {
            return Optional.of(problem(ProblemType.URI_TOO_LONG, "The request target has " + uri.length() + " characters; the limit is "
                    + uriLength + ".", new FieldError("uri", "too-long", "at most " + uriLength + " characters")));
        }
        Optional<Problem> headerProblem = checkHeaders(headers);
        if (headerProblem.isPresent()) {
            return headerProblem;
        }
        Optional<Problem> pathProblem = checkText("path", path == null ? "" : path, false);
        if (pathProblem.isPresent()) {
            return pathProblem;
        }
        Optional<Problem> queryProblem = checkQuery(query);
        if (queryProblem.isPresent()) {
            return queryProblem;
        }
        try {
            new URI(uri);
        } catch (URISyntaxException e) {
            // What Quarkus itself checks first, with a bare 400, unless -Dvertx.disableURIValidation=true hands it here.
            return Optional.of(problem(ProblemType.MALFORMED_REQUEST, "The request target is not a valid URI: " + e.getReason() + ".",
                    new FieldError("uri", "invalid", "characters outside RFC 3986 must be percent-encoded")));
        }
        return Optional.empty();
    }

    private static Optional<Problem> checkQuery(String query) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        for (String parameter : query.split("&", -1)) {
            int equals = parameter.indexOf('=');
            String rawName = equals < 0 ? parameter : parameter.substring(0, equals);
            Optional<Problem> nameProblem = checkText("query", rawName, true);
            if (nameProblem.isPresent()) {
                return nameProblem;
            }
            if (equals >= 0) {
                Optional<Problem> valueProblem = checkText("query." + URLDecoder.decode(rawName, StandardCharsets.UTF_8),
                        parameter.substring(equals + 1), true);
                if (valueProblem.isPresent()) {
                    return valueProblem;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Problem> checkHeaders(MultiMap headers) {
        long bytes = 0;
        for (Map.Entry<String, String> header : headers) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
            if (hasControlCharacter(header.getKey()) || hasControlCharacter(header.getValue())) {
                // The name is shown without its control characters: a problem+json body is pasted into logs and pages.
                String field = "header." + header.getKey().replaceAll("\\p{Cntrl}", "?");
                return Optional.of(problem(ProblemType.VALIDATION, field + ": must not contain NUL or other control characters.",
                        new FieldError(field, "control-character", "must not contain NUL or other control characters")));
            }
        }
        if (bytes > headerBytes) {
            return Optional.of(problem(ProblemType.HEADERS_TOO_LARGE, "The request headers have " + bytes + " bytes; the limit is "
                    + headerBytes + ".", new FieldError("headers", "too-large", "at most " + headerBytes + " bytes")));
        }
        return Optional.empty();
    }

    /** Decodes the percent-escapes of {@code raw} ({@code +} as a space in a query) and checks what they stand for. */
    private static Optional<Problem> checkText(String field, String raw, boolean query) {
        String decoded;
        try {
            decoded = URLDecoder.decode(query ? raw : raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return Optional.of(problem(ProblemType.MALFORMED_REQUEST, field + ": a percent-escape is malformed; write '%' as %25.",
                    new FieldError(field, "malformed-escape", "every '%' must start an escape of two hexadecimal digits")));
        }
        if (hasControlCharacter(decoded)) {
            return Optional.of(problem(ProblemType.VALIDATION, field + ": must not contain NUL or other control characters.",
                    new FieldError(field, "control-character", "must not contain NUL or other control characters")));
        }
        return Optional.empty();
    }

    /** C0 controls but the tab, and DEL. */
    static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static Problem problem(ProblemType type, String detail, FieldError error) {
        return Problem.of(type, detail, null, List.of(error));
    }
}
