package org.imagehub.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.imagehub.platform.errors.Problem;
import org.imagehub.platform.errors.ProblemType;

/**
 * Errors raised below the REST layer (no route at all, a body over the HTTP server's own limit) get the same
 * problem+json body as everything else.
 */
@ApplicationScoped
public class HttpErrorRoutes {
    private final ObjectMapper objectMapper;

    public HttpErrorRoutes(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    void install(@Observes Router router) {
        router.errorHandler(404, context -> respond(context, ProblemType.NOT_FOUND, "No resource at this path."));
        router.errorHandler(405, context -> respond(context, ProblemType.METHOD_NOT_ALLOWED, "This resource does not accept this method."));
        router.errorHandler(413, context -> respond(context, ProblemType.PAYLOAD_TOO_LARGE, "The body is over the server's size limit."));
    }

    private void respond(RoutingContext context, ProblemType type, String detail) {
        if (context.response().ended()) {
            return;
        }
        Problem problem = Problem.of(type, detail, context.normalizedPath(), List.of());
        try {
            context.response()
                    .setStatusCode(type.status())
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(objectMapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.response().setStatusCode(type.status()).end();
        }
    }
}
