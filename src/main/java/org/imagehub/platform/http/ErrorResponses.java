package org.imagehub.platform.http;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.imagehub.platform.errors.ProblemType;

/**
 * The error answers of every operation, derived from what the operation is: its authentication, its parameters and
 * its body decide which of the shared problem+json responses it can give. Annotations on a resource method add what
 * only it can answer (201, 409 on a create); everything here is the same rule for every operation, kept in one place.
 */
final class ErrorResponses {
    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    /** Shared responses by status: component name and description. */
    private static final Map<String, String[]> SHARED = new LinkedHashMap<>();

    static {
        SHARED.put("400", new String[] {"BadRequest", "Invalid request: a field, parameter or header is wrong (each named in `errors`), "
                + "an unknown or repeated query parameter, or a body that is not the JSON asked for"});
        SHARED.put("401", new String[] {"Unauthenticated", "Missing, unknown, expired or revoked credentials"});
        SHARED.put("403", new String[] {"Forbidden", "The credentials do not allow this operation here (role, organisation or key scope)"});
        SHARED.put("404", new String[] {"NotFound", "Nothing the caller may see at this address"});
        SHARED.put("406", new String[] {"NotAcceptable", "None of the media types in Accept can be served"});
        SHARED.put("409", new String[] {"Conflict", "Conflicts with the current state (a duplicate, a clash, a workflow step not allowed now, "
                + "or an Idempotency-Key used before for another request)"});
        SHARED.put("412", new String[] {"StaleVersion", "If-Match does not match the current ETag: read again, then retry"});
        SHARED.put("413", new String[] {"PayloadTooLarge", "The body is over its size limit"});
        SHARED.put("415", new String[] {"UnsupportedMediaType", "The Content-Type of the body is not accepted here"});
        SHARED.put("428", new String[] {"VersionRequired", "This write needs If-Match with the current ETag"});
        SHARED.put("429", new String[] {"RateLimited", "The key's rate limit is spent, or too many failed attempts came from this client "
                + "(see Retry-After)"});
        SHARED.put("503", new String[] {"Unavailable", "A service the hub depends on is unavailable or overloaded (see Retry-After)"});
    }

    /** Operations that answer from memory, with no database behind them: they never give 503. */
    private static final List<String> NO_DEPENDENCIES = List.of("/api/v1/ping", "/api/v1/content-model");

    private ErrorResponses() {
    }

    /** Adds the shared problem+json responses to components and names the problem types the API uses. */
    static void addComponents(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        SHARED.forEach((status, named) -> components.addResponse(named[0], OASFactory.createAPIResponse().description(named[1])
                .content(OASFactory.createContent().addMediaType(PROBLEM,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))))));
        Schema problem = components.getSchemas() == null ? null : components.getSchemas().get("Problem");
        if (problem != null && problem.getProperties() != null && problem.getProperties().get("type") != null) {
            problem.getProperties().get("type").setEnumeration(Arrays.stream(ProblemType.values()).map(type -> (Object) type.uri().toString()).toList());
        }
    }

    static void describe(String path, PathItem item, Operation operation, Authentication authentication) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        boolean isGet = item.getGET() == operation;
        share(operation, "400");
        if (hasSuccessContent(operation)) {
            share(operation, "406");
        }
        if (authentication != Authentication.NONE) {
            share(operation, "401");
            share(operation, "403");
        }
        if (authentication == Authentication.API_KEY) {
            share(operation, "429");
            if (isGet) {
                operation.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                        .description("Not modified: If-None-Match matched the current ETag"));
            }
        }
        if (path.contains("{")) {
            share(operation, "404");
        }
        if (operation.getRequestBody() != null) {
            share(operation, "413");
            share(operation, "415");
        }
        if (hasHeader(operation, "If-Match")) {
            share(operation, "412");
            share(operation, "428");
        }
        if (hasHeader(operation, "Idempotency-Key")) {
            share(operation, "409");
        }
        if (!NO_DEPENDENCIES.contains(path)) {
            share(operation, "503");
        }
        // Responses an annotation declared without a body (Quarkus' own 401/403, a bare status) get the shared problem.
        for (String status : List.copyOf(operation.getResponses().getAPIResponses().keySet())) {
            if (SHARED.containsKey(status)) {
                share(operation, status);
            }
        }
    }

    /** How an operation authenticates, as the document says. */
    enum Authentication { NONE, BEARER, API_KEY }

    private static void share(Operation operation, String status) {
        APIResponse existing = operation.getResponses().getAPIResponse(status);
        if (existing == null || existing.getRef() == null && existing.getContent() == null) {
            operation.getResponses().addAPIResponse(status, reference(status));
        }
    }

    private static APIResponse reference(String status) {
        return OASFactory.createAPIResponse().ref("#/components/responses/" + SHARED.get(status)[0]);
    }

    private static boolean hasSuccessContent(Operation operation) {
        return operation.getResponses().getAPIResponses().entrySet().stream()
                .anyMatch(entry -> entry.getKey().startsWith("2") && entry.getValue().getContent() != null);
    }

    private static boolean hasHeader(Operation operation, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> parameter.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(parameter.getName()));
    }
}
