package org.imagehub.platform.http;

import io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder.DefaultAuthFailureHandler;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.function.BiConsumer;

/**
 * Sends authentication failures raised outside the REST layer to its exception mappers (so they answer problem+json
 * like every other error), as Quarkus REST's own filter does — without that filter's side work. With Micrometer
 * present, Quarkus REST 3.34 also builds a request mapper over every resource class, on every request, to name the
 * URL template a failure might need: ~50 KB a request, 79 % of all the bytes allocated while serving
 * {@code /api/v1/ping} or a cached story, and the young collections they cost set the delivery endpoints' p99.
 * Authentication is not proactive here, so a failure comes from inside the REST layer, which has named the template
 * by then ({@code AuthFailureRoutingTests} checks the 401's metric).
 */
@ApplicationScoped
public class AuthFailureRouting {
    /**
     * Quarkus REST's filter has priority 199, i.e. route order -199, right after authentication (-200), which sets the
     * default handler this replaces. Routes of equal order run in the order they were added, and observers of the
     * router are called before filters are added: this runs first, and Quarkus's filter leaves a handler that is not
     * the default one alone.
     */
    private static final int ORDER = -199;

    /** What Quarkus REST puts in place of the default handler: the failure goes on to the REST layer's failure handling. */
    private static final BiConsumer<RoutingContext, Throwable> FAIL_TO_EXCEPTION_MAPPERS = (context, failure) -> {
        DefaultAuthFailureHandler.markIfOtherAuthenticationFailure(context, failure);
        if (!context.failed()) {
            context.fail(DefaultAuthFailureHandler.extractRootCause(failure));
        }
    };

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(context -> {
            if (context.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER) instanceof DefaultAuthFailureHandler) {
                context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, FAIL_TO_EXCEPTION_MAPPERS);
            }
            context.next();
        });
    }

    static boolean isInPlace(Object authFailureHandler) {
        return authFailureHandler == FAIL_TO_EXCEPTION_MAPPERS;
    }
}
