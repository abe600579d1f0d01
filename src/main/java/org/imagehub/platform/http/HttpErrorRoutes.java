package org.imagehub.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.imagehub.platform.HubConfig;
import org.imagehub.platform.errors.Problem;
import org.imagehub.platform.errors.ProblemType;

/**
 * Errors raised below the REST layer (no route at all, a body over the HTTP server's own limit, a target the router
 * cannot decode) get the same problem+json body as everything else, and every request passes {@link RequestEdge}
 * before anything else runs.
 */
@ApplicationScoped
public class HttpErrorRoutes {
    /** Before every other filter of the HTTP layer, authentication and the REST layer included. */
    private static final int EDGE_PRIORITY = 10_000;

    private final ObjectMapper objectMapper;
    private final RequestEdge edge;

    public HttpErrorRoutes(ObjectMapper objectMapper, HubConfig config) {
        this.objectMapper = objectMapper;
        this.edge = new RequestEdge(config.limits());
    }

    void installEdge(@Observes Filters filters) {
        filters.register(context -> {
            context.addHeadersEndHandler(ignored -> ResponseHeaderGuard.dropUnsafe(context.response().headers()));
            edge.check(context.request().uri(), context.request().path(), context.request().query(), context.request().headers())
                    .ifPresentOrElse(problem -> respond(context, problem), context::next);
        }, EDGE_PRIORITY);
    }

    void install(@Observes Router router) {
        router.errorHandler(400, context -> respond(context, ProblemType.MALFORMED_REQUEST,
                "The request target or a header is not well-formed (a malformed percent-escape?)."));
        router.errorHandler(404, context -> respond(context, ProblemType.NOT_FOUND, "No resource at this path."));
        router.errorHandler(405, context -> respond(context, ProblemType.METHOD_NOT_ALLOWED, "This resource does not accept this method."));
        router.errorHandler(413, context -> respond(context, ProblemType.PAYLOAD_TOO_LARGE, "The body is over the server's size limit."));
        router.errorHandler(414, context -> respond(context, ProblemType.URI_TOO_LONG, "The request target is over its length limit."));
        router.errorHandler(431, context -> respond(context, ProblemType.HEADERS_TOO_LARGE, "The request headers are over their size limit."));
    }

    private void respond(RoutingContext context, ProblemType type, String detail) {
        respond(context, Problem.of(type, detail, null, List.of()));
    }

    private void respond(RoutingContext context, Problem problem) {
        if (context.response().ended()) {
            return;
        }
        // The raw path, not a decoded one: it may be what was wrong. An over-long target is not echoed.
        String instance = problem.status() == ProblemType.URI_TOO_LONG.status() ? null : context.request().path();
        Problem answer = new Problem(problem.type(), problem.title(), problem.status(), problem.detail(), instance, problem.errors());
        try {
            context.response()
                    .setStatusCode(answer.status())
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(objectMapper.writeValueAsString(answer));
        } catch (JsonProcessingException e) {
            context.response().setStatusCode(answer.status()).end();
        }
    }
}
