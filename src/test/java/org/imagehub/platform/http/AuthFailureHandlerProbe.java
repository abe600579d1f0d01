package org.imagehub.platform.http;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Test only: right after authentication and both order -199 routes (the hub's and Quarkus REST's), records which
 * authentication-failure handler a request marked {@value #HEADER} carries by then.
 */
@ApplicationScoped
public class AuthFailureHandlerProbe {
    static final String HEADER = "X-Test-Auth-Failure-Probe";
    static final AtomicReference<Object> SEEN = new AtomicReference<>();

    void install(@Observes Router router) {
        router.route().order(-198).handler(context -> {
            if (context.request().headers().contains(HEADER)) {
                SEEN.set(context.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER));
            }
            context.next();
        });
    }
}
