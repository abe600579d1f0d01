package org.imagehub.platform.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.imagehub.platform.http.AllowedMethods;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where errors become HTTP responses: every exception leaves as {@code application/problem+json},
 * and no stack trace reaches a client. Quarkus picks the most specific mapper for an exception, so the framework
 * exceptions that have built-in mappers are named here explicitly; all of them delegate to {@link ProblemCatalog}.
 */
public class ProblemMapper {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    /** About the database pool's acquisition timeout: by then the load that exhausted it has usually moved on. */
    static final int DEPENDENCY_RETRY_AFTER_SECONDS = 2;

    @ServerExceptionMapper
    public Response domain(DomainException exception, UriInfo uri) {
        Response.ResponseBuilder response = builder(ProblemCatalog.forDomain(exception, uri.getPath()));
        if (exception instanceof RateLimitedException limited) {
            response.header(HttpHeaders.RETRY_AFTER, Math.max(1, limited.retryAfter().toSeconds()));
        } else if (exception instanceof DependencyUnavailableException) {
            response.header(HttpHeaders.RETRY_AFTER, DEPENDENCY_RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException exception, UriInfo uri) {
        // The JSON reader reports an unreadable body as a 400 wrapping the parser's exception: say what was wrong.
        if (exception.getCause() instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        Problem problem = ProblemCatalog.forWebApplication(exception, uri.getPath());
        if (problem.status() >= 500) {
            return unexpected(exception, uri);
        }
        Response.ResponseBuilder response = builder(problem);
        if (problem.status() == ProblemType.METHOD_NOT_ALLOWED.status()) {
            response.header(HttpHeaders.ALLOW, String.join(", ", AllowedMethods.at(uri.getPath())));
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException exception, UriInfo uri) {
        return builder(ProblemCatalog.forJson(exception, uri.getPath())).build();
    }

    /** Named separately: quarkus-rest-jackson has a built-in mapper for exactly this type. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException exception, UriInfo uri) {
        return json(exception, uri);
    }

    @ServerExceptionMapper
    public Response constraints(ConstraintViolationException exception, UriInfo uri) {
        return builder(ProblemCatalog.forConstraints(exception, uri.getPath())).build();
    }

    /** No or invalid credentials (Quarkus security raises these before a resource method runs). */
    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class, io.quarkus.security.AuthenticationFailedException.class,
            io.quarkus.security.AuthenticationCompletionException.class})
    public Response unauthenticated(RuntimeException exception, UriInfo uri) {
        return builder(Problem.of(ProblemType.UNAUTHENTICATED, "Send a valid bearer token or API key.", uri.getPath(), java.util.List.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException exception, UriInfo uri) {
        return builder(Problem.of(ProblemType.FORBIDDEN, "Your roles do not allow this.", uri.getPath(), java.util.List.of())).build();
    }

    /** Two writers raced for the same unique value (a slug, an external id): the loser is told, nothing is half-written. */
    @ServerExceptionMapper
    public Response uniqueViolation(org.hibernate.exception.ConstraintViolationException exception, UriInfo uri) {
        return unexpected(exception, uri);
    }

    private Response conflict(String constraint, UriInfo uri) {
        return builder(Problem.of(ProblemType.CONFLICT, "A concurrent write took a value that must be unique (" + constraint + "); retry.",
                uri.getPath(), java.util.List.of())).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable exception, UriInfo uri) {
        // Overload (database pool exhausted) is an answer the client can act on, not an error of the hub.
        java.util.Optional<DatabaseBusyException> busy = DatabaseBusyException.causing(exception);
        if (busy.isPresent()) {
            LOG.debugf("Database pool exhausted on %s: answered 503", uri.getPath());
            return domain(busy.get(), uri);
        }
        // Found at a flush it arrives as itself; found at commit, wrapped by the transaction manager.
        java.util.Optional<String> unique = UniqueViolation.constraintCausing(exception);
        if (unique.isPresent()) {
            return conflict(unique.get(), uri);
        }
        java.util.Optional<DatabaseConnectionLostException> lost = DatabaseConnectionLostException.causing(exception);
        if (lost.isPresent()) {
            LOG.warnf("Database connection lost on %s: answered 503 (%s)", uri.getPath(), exception.getMessage());
            return domain(lost.get(), uri);
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(exception, "Unexpected error %s on %s", errorId, uri.getPath());
        return builder(ProblemCatalog.internal(errorId, uri.getPath())).build();
    }

    static Response.ResponseBuilder builder(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }
}
