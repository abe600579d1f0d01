package org.imagehub.platform.errors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.imagehub.platform.json.NulCharacterException;

/**
 * Turns any exception into the problem it stands for. Domain exceptions are looked up in a table that walks the
 * superclass chain, so a new subclass of a mapped exception keeps its ancestor's status instead of falling
 * back to 500 by accident.
 */
public final class ProblemCatalog {
    private static final Map<Class<? extends Throwable>, ProblemType> DOMAIN_TYPES = new LinkedHashMap<>();

    static {
        DOMAIN_TYPES.put(NotFoundException.class, ProblemType.NOT_FOUND);
        DOMAIN_TYPES.put(ValidationException.class, ProblemType.VALIDATION);
        DOMAIN_TYPES.put(StaleVersionException.class, ProblemType.STALE_VERSION);
        DOMAIN_TYPES.put(MissingVersionException.class, ProblemType.VERSION_REQUIRED);
        DOMAIN_TYPES.put(InvalidTransitionException.class, ProblemType.INVALID_TRANSITION);
        DOMAIN_TYPES.put(ConflictException.class, ProblemType.CONFLICT);
        DOMAIN_TYPES.put(PayloadTooLargeException.class, ProblemType.PAYLOAD_TOO_LARGE);
        DOMAIN_TYPES.put(UnsupportedMediaTypeException.class, ProblemType.UNSUPPORTED_MEDIA_TYPE);
        DOMAIN_TYPES.put(ForbiddenException.class, ProblemType.FORBIDDEN);
        DOMAIN_TYPES.put(UnauthenticatedException.class, ProblemType.UNAUTHENTICATED);
        DOMAIN_TYPES.put(RateLimitedException.class, ProblemType.RATE_LIMITED);
        DOMAIN_TYPES.put(DependencyUnavailableException.class, ProblemType.UNAVAILABLE);
    }

    private ProblemCatalog() {
    }

    /** The problem for a deliberate domain error. */
    public static Problem forDomain(DomainException exception, String instance) {
        return Problem.of(domainType(exception.getClass()), exception.getMessage(), instance, exception.errors());
    }

    /** The problem for a JAX-RS error raised by the framework (no route, wrong method, wrong media type...). */
    public static Problem forWebApplication(WebApplicationException exception, String instance) {
        ProblemType type = forStatus(exception.getResponse().getStatus());
        String detail = switch (type) {
            case NOT_FOUND -> "No resource at this path.";
            case METHOD_NOT_ALLOWED -> "This resource does not accept this method.";
            case UNSUPPORTED_MEDIA_TYPE -> "The Content-Type of this request is not accepted here.";
            case URI_TOO_LONG -> "The request target is over its length limit.";
            case HEADERS_TOO_LARGE -> "The request headers are over their size limit.";
            case INTERNAL -> "The request could not be completed.";
            default -> type.title() + ".";
        };
        return Problem.of(type, detail, instance, List.of());
    }

    /** The problem type of an error status raised by the framework, below or in the REST layer. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 414 -> ProblemType.URI_TOO_LONG;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 431 -> ProblemType.HEADERS_TOO_LARGE;
            case 401 -> ProblemType.UNAUTHENTICATED;
            case 403 -> ProblemType.FORBIDDEN;
            default -> status < 500 ? ProblemType.BAD_REQUEST : ProblemType.INTERNAL;
        };
    }

    /** The problem for a request body Jackson could not read, naming the field at fault when there is one. */
    public static Problem forJson(JsonProcessingException exception, String instance) {
        if (exception instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return Problem.of(ProblemType.UNKNOWN_FIELD, "Unknown field '" + field + "'.", instance,
                    List.of(new FieldError(field, "unknown-field", "not a field of this request")));
        }
        if (exception instanceof NulCharacterException nul) {
            String field = path(nul);
            return Problem.of(ProblemType.VALIDATION, field + ": must not contain the NUL character (U+0000).", instance,
                    List.of(new FieldError(field, "control-character", "must not contain the NUL character (U+0000)")));
        }
        // Nesting depth, number or string length over the parser's limits (platform/json/StrictJson); when the limit
        // is hit inside a field, Jackson wraps it with the path.
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamConstraintsException limit) {
                return Problem.of(ProblemType.MALFORMED_BODY, limit.getOriginalMessage(), instance,
                        List.of(new FieldError("body", "limit-exceeded", limit.getOriginalMessage())));
            }
        }
        if (exception instanceof ValueInstantiationException invalid && invalid.getCause() instanceof DomainException domain) {
            return forDomain(domain, instance);
        }
        // The body stream itself refused to go on (a body over its limit): that, not the half-read JSON, is the error.
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException tooLarge) {
                return forDomain(tooLarge, instance);
            }
        }
        if (exception instanceof InvalidFormatException || exception instanceof MismatchedInputException) {
            JsonMappingException mapping = (JsonMappingException) exception;
            String field = path(mapping);
            if (!field.isEmpty()) {
                String expected = expectedType(mapping);
                return Problem.of(ProblemType.WRONG_TYPE, "Field '" + field + "' must be " + expected + ".", instance,
                        List.of(new FieldError(field, "wrong-type", "must be " + expected)));
            }
        }
        JsonLocation location = exception.getLocation();
        String where = location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return Problem.of(ProblemType.MALFORMED_BODY, "The body is not valid JSON in UTF-8" + where + ".", instance, List.of());
    }

    /** The problem for Bean Validation failures on request parameters or bodies. */
    public static Problem forConstraints(ConstraintViolationException exception, String instance) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
            errors.add(new FieldError(fieldOf(violation.getPropertyPath()), "invalid", violation.getMessage()));
        }
        errors.sort(java.util.Comparator.comparing(FieldError::field));
        return Problem.of(ProblemType.VALIDATION, errors.size() + " invalid field(s).", instance, errors);
    }

    public static Problem internal(String errorId, String instance) {
        return Problem.of(ProblemType.INTERNAL,
                "The request could not be completed. Quote error id " + errorId + " when reporting it.", instance, List.of());
    }

    static ProblemType domainType(Class<?> type) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            ProblemType problemType = DOMAIN_TYPES.get(current);
            if (problemType != null) {
                return problemType;
            }
        }
        return ProblemType.BAD_REQUEST;
    }

    private static String expectedType(JsonMappingException exception) {
        Class<?> target = exception instanceof MismatchedInputException mismatched ? mismatched.getTargetType() : null;
        if (target == null) {
            return "of another type";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(target)) {
            return "an ISO-8601 timestamp such as 2026-11-23T09:30:00Z";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive() && target != boolean.class) {
            return "a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (target.isEnum()) {
            return "one of " + java.util.Arrays.toString(target.getEnumConstants()).toLowerCase(java.util.Locale.ROOT);
        }
        if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "an array";
        }
        if (target == String.class) {
            return "a string";
        }
        return "an object";
    }

    /** Jackson's reference chain as {@code a.b[2].c}. */
    static String path(JsonMappingException exception) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : exception.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Bean Validation paths start with the method and parameter ({@code create.request.title}); clients want {@code title}. */
    private static String fieldOf(Path propertyPath) {
        List<Path.Node> nodes = StreamSupport.stream(propertyPath.spliterator(), false).toList();
        StringBuilder field = new StringBuilder();
        for (Path.Node node : nodes) {
            if (node.getKind() == jakarta.validation.ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                if (nodes.size() == 2) {
                    field.append(node.getName());
                }
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.toString();
    }
}
