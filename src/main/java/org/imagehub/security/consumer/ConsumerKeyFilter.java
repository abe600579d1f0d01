package org.imagehub.security.consumer;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.time.Duration;
import java.util.List;
import org.imagehub.platform.errors.ForbiddenException;
import org.imagehub.platform.errors.RateLimitedException;
import org.imagehub.security.SecurityConfig;
import org.imagehub.security.network.Cidr;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Authenticates {@link ConsumerApi} requests by API key ({@code Authorization: Bearer} or {@code X-Api-Key}), checks
 * the key's scope and takes one request from its rate budget; answers carry the RateLimit headers.
 */
public class ConsumerKeyFilter {
    static final String API_KEY_HEADER = "X-Api-Key";
    private static final String TAKE = "image-hub.rate-take";
    private static final String BEARER = "Bearer ";

    private final ApiKeyAuthenticator authenticator;
    private final ConsumerRateLimits limits;
    private final CurrentConsumer current;
    private final List<Cidr> trustedProxies;

    public ConsumerKeyFilter(ApiKeyAuthenticator authenticator, ConsumerRateLimits limits, CurrentConsumer current, SecurityConfig config) {
        this.authenticator = authenticator;
        this.limits = limits;
        this.current = current;
        this.trustedProxies = config.trustedProxies().orElse(List.of());
    }

    /**
     * Runs on the event loop for the delivery reads that answer from memory there: a key verified lately is checked
     * there and then (no Uni: null means done), any other is looked up on a worker thread.
     */
    @ConsumerApi
    @ServerRequestFilter
    public Uni<Void> authenticate(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        ConsumerApi api = annotation(resource);
        String key = presentedKey(request);
        boolean fromQuery = false;
        if (key == null && api != null && api.keyInQuery()) {
            key = request.getUriInfo().getQueryParameters().getFirst("key");
            fromQuery = key != null;
        }
        boolean keyFromQuery = fromQuery;
        // Worked out only when asked for (a failed key, a page view): a valid key's read never needs it, and walking
        // the forwarded hops cost a cached read as much as finding the key.
        ClientAddress.Lazy address = new ClientAddress.Lazy(http, trustedProxies);
        String scope = api == null ? Scopes.CONTENT_READ : api.scope();
        ConsumerAccess remembered = authenticator.fromMemory(key, address);
        if (remembered != null) {
            admit(request, remembered, scope, keyFromQuery, address);
            return null;
        }
        String presented = key;
        return authenticator.lookUp(presented, address).invoke(consumer -> admit(request, consumer, scope, keyFromQuery, address)).replaceWithVoid();
    }

    private void admit(ContainerRequestContext request, ConsumerAccess consumer, String scope, boolean fromQuery, ClientAddress.Lazy address) {
        if (fromQuery && !consumer.scopes().equals(java.util.Set.of(scope))) {
            // A key in an address is public (a page carries it): only a key that can do nothing but this is taken there.
            throw new ForbiddenException("A key given in the address may have only the scope '" + scope + "'; this one has more.");
        }
        if (!consumer.scopes().contains(scope)) {
            throw new ForbiddenException("This API key lacks the scope '" + scope + "'.");
        }
        ConsumerRateLimits.Take take = limits.take(consumer);
        request.setProperty(TAKE, take);
        if (!take.allowed()) {
            throw new RateLimitedException("Rate limit of " + take.quota() + " requests per minute reached for this key.",
                    Duration.ofSeconds(Math.max(1, take.retryAfterSeconds())));
        }
        current.set(consumer, address);
    }

    @ConsumerApi
    @ServerResponseFilter
    public void rateLimitHeaders(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(TAKE) instanceof ConsumerRateLimits.Take take) {
            // draft-ietf-httpapi-ratelimit-headers: the policy (quota per 60 s window) and what remains of it now.
            response.getHeaders().putSingle("RateLimit-Policy", "\"per-key\";q=" + take.quota() + ";w=60");
            response.getHeaders().putSingle("RateLimit", "\"per-key\";r=" + take.remaining() + ";t=" + take.resetSeconds());
        }
    }

    private static String presentedKey(ContainerRequestContext request) {
        String header = request.getHeaderString(API_KEY_HEADER);
        if (header != null) {
            return header;
        }
        String authorization = request.getHeaderString("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length());
        }
        return null;
    }

    /** The method's annotation, else its class's. */
    private static ConsumerApi annotation(ResourceInfo resource) {
        ConsumerApi annotation = resource.getResourceMethod().getAnnotation(ConsumerApi.class);
        return annotation != null ? annotation : resource.getResourceClass().getAnnotation(ConsumerApi.class);
    }
}
