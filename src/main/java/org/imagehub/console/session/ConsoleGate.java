package org.imagehub.console.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.imagehub.console.assets.ConsoleAssets;
import org.imagehub.platform.HubConfig;
import org.imagehub.platform.errors.Problem;
import org.imagehub.platform.errors.ProblemType;
import org.imagehub.security.DemoTokens;

/**
 * Everything under {@code /console} passes here before authentication and the REST layer: the page security headers
 * (a strict Content-Security-Policy with no inline script), the session cookie turned into the bearer token the
 * management services already verify (so the console has no rules of its own), sign-in for the anonymous, and the
 * CSRF check on every unsafe request: same origin, and the session's CSRF token in {@value ConsoleSession#CSRF_HEADER}.
 */
@ApplicationScoped
public class ConsoleGate {
    /** After the request edge (10,000), before everything else. */
    private static final int PRIORITY = 9_000;
    /** Scripts: files of this hub, and the editor's import map by its hash (the one inline script). */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self' " + ConsoleAssets.importMapHash()
            + "; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final String SIGN_IN = "/console/sign-in";

    private final DemoTokens demoTokens;
    private final boolean secureCookie;
    private final String providerSessionCookie;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public ConsoleGate(DemoTokens demoTokens, ObjectMapper objectMapper, Clock clock, HubConfig config) {
        this.demoTokens = demoTokens;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.secureCookie = config.console().secureCookie();
        this.providerSessionCookie = config.console().providerSessionCookie();
    }

    void install(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    private void filter(RoutingContext context) {
        HttpServerRequest request = context.request();
        // The normalized path (no "..", no doubled slashes): what the router matches, so what the checks must see.
        String path = context.normalizedPath();
        if (!path.equals("/console") && !path.startsWith("/console/")) {
            context.next();
            return;
        }
        addSecurityHeaders(context, path);
        if (path.startsWith("/console/assets/")) {
            context.next();
            return;
        }
        boolean unsafe = !SAFE.contains(request.method());
        if (unsafe && !sameOrigin(request)) {
            refuse(context, 403, ProblemType.FORBIDDEN, "A console form may only be sent from the console itself.");
            return;
        }
        if (path.equals(SIGN_IN) || (path.startsWith("/console/language/") && !unsafe)) {
            context.next();
            return;
        }
        String session = session(context);
        if (session == null && unsafe) {
            // No session, no CSRF token to check it against: a change is refused here whatever signs it in later.
            refuse(context, 401, ProblemType.UNAUTHENTICATED, "Sign in to the console first.");
            return;
        }
        if (session == null) {
            signInFirst(context);
            return;
        }
        if (unsafe && !ConsoleSession.csrfMatches(session, request.getHeader(ConsoleSession.CSRF_HEADER))) {
            refuse(context, 403, ProblemType.FORBIDDEN, "The console's CSRF token is missing or wrong: reload the page.");
            return;
        }
        if (demoTokens.enabled()) {
            request.headers().set(HttpHeaders.AUTHORIZATION, "Bearer " + session);
        }
        context.put(ConsoleSession.CSRF_HEADER, ConsoleSession.csrfToken(session));
        context.next();
    }

    /** The session value: the demo token cookie in demo and test, else the identity provider's session cookie. */
    private String session(RoutingContext context) {
        if (demoTokens.enabled()) {
            Cookie cookie = context.request().getCookie(ConsoleSession.cookieName(secureCookie));
            if (cookie == null || cookie.getValue().isBlank()) {
                return null;
            }
            boolean live = ConsoleSession.expiry(cookie.getValue()).map(expiry -> expiry.isAfter(clock.instant())).orElse(false);
            return live ? cookie.getValue() : null;
        }
        // Quarkus splits a large session cookie into name_chunk_1, name_chunk_2 …: the first part identifies it as well.
        Cookie cookie = context.request().getCookie(providerSessionCookie);
        if (cookie == null) {
            cookie = context.request().getCookie(providerSessionCookie + "_chunk_1");
        }
        return cookie == null ? null : cookie.getValue();
    }

    private void signInFirst(RoutingContext context) {
        if (!demoTokens.enabled()) {
            // Production: the identity provider's code flow (the console tenant) challenges the request itself.
            context.next();
            return;
        }
        String target = SIGN_IN + "?next=" + URLEncoder.encode(context.request().path(), StandardCharsets.UTF_8);
        if (context.request().getHeader("HX-Request") != null) {
            context.response().putHeader("HX-Redirect", target).setStatusCode(401).end();
        } else {
            context.response().putHeader(HttpHeaders.LOCATION, target).setStatusCode(303).end();
        }
    }

    /**
     * A browser names where a request comes from: Sec-Fetch-Site (every current browser), else Origin. A request
     * naming neither is not a browser's cross-site form (and carries no CSRF token unless it read the page).
     */
    static boolean sameOrigin(HttpServerRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin") || site.equals("none");
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return true;
        }
        String host = request.getHeader(HttpHeaders.HOST);
        try {
            URI uri = URI.create(origin);
            String authority = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void addSecurityHeaders(RoutingContext context, String path) {
        context.response().headers()
                .set("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .set("X-Content-Type-Options", "nosniff")
                .set("X-Frame-Options", "DENY")
                .set("Referrer-Policy", "same-origin")
                .set("Cross-Origin-Opener-Policy", "same-origin")
                .set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (!path.startsWith("/console/assets/")) {
            // Pages show unpublished work and the CSRF token: never kept by a cache.
            context.response().headers().set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    private void refuse(RoutingContext context, int status, ProblemType type, String detail) {
        Problem problem = Problem.of(type, detail, context.request().path(), List.of());
        try {
            context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(objectMapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.response().setStatusCode(status).end();
        }
    }
}
