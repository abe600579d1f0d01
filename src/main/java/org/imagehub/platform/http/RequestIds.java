package org.imagehub.platform.http;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.imagehub.platform.ids.Ids;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it is sane, else a new one), echoes it on the
 * response and keeps it on the request's Vert.x context, where the audit log reads it.
 */
public class RequestIds {
    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "image-hub.request-id";
    /** The field of the JSON log lines (prod) that names the request. */
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : Ids.newId();
        request.setProperty(KEY, id);
        Context context = Vertx.currentContext();
        if (context != null) {
            context.putLocal(KEY, id);
        }
        // Quarkus keeps the MDC on the request's (duplicated) Vert.x context: every log line of the request carries it.
        MDC.put(MDC_KEY, id);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(KEY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }

    /** Set on a thread that works for a request off its Vert.x context (an import's chunk writers). */
    private static final ThreadLocal<String> ON_BEHALF_OF = new ThreadLocal<>();

    /** The current request's id, or null outside a request (timed actions). */
    public static String current() {
        String delegated = ON_BEHALF_OF.get();
        if (delegated != null) {
            return delegated;
        }
        Context context = Vertx.currentContext();
        return context == null ? null : context.getLocal(KEY);
    }

    /**
     * Runs {@code work} on this thread for the request {@code id} (from {@link #current()} on the request's thread): the
     * audit entries, events and log lines it writes name that request.
     */
    public static <T> T onBehalfOf(String id, Supplier<T> work) {
        if (id == null) {
            return work.get();
        }
        ON_BEHALF_OF.set(id);
        MDC.put(MDC_KEY, id);
        try {
            return work.get();
        } finally {
            ON_BEHALF_OF.remove();
            MDC.remove(MDC_KEY);
        }
    }
}
