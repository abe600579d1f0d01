package org.imagehub.platform.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Says in the document how each operation authenticates: management operations with an editor's bearer token
 * (with the roles that may call them), consumer operations with an API key (declared on their resources), and the
 * rest with an explicit empty {@code security}, so public operations are marked as such. It also lists the error
 * answers (problem+json) every operation can give, and 304 for GETs of the consumer API.
 */
public class PublicOperationsFilter implements OASFilter {
    private static final String MANAGEMENT = "/api/v1/manage/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Operation operation : path.getValue().getOperations().values()) {
                if (path.getKey().startsWith(MANAGEMENT)) {
                    operation.setSecurity(List.of(bearerWithRoles(operation)));
                } else if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
                    operation.setSecurity(new ArrayList<>());
                }
                describeErrors(operation, path.getValue().getGET() == operation);
            }
        }
    }

    private static void describeErrors(Operation operation, boolean isGet) {
        if (operation.getResponses() == null) {
            return;
        }
        boolean consumerApi = operation.getSecurity().stream()
                .anyMatch(requirement -> requirement.getSchemes() != null && requirement.getSchemes().containsKey("apiKey"));
        if (consumerApi) {
            problem(operation, "400", "Invalid parameters (unknown parameter, bad language tag, limit, cursor or token)");
            problem(operation, "401", "Missing, unknown, expired or revoked API key");
            problem(operation, "403", "The key lacks the scope this operation needs");
            problem(operation, "404", "Not published, not yet past its embargo, expired, withdrawn or outside the key's scope");
            problem(operation, "429", "Rate limit of the key, or too many failed key attempts from this client (see Retry-After)");
            if (isGet) {
                operation.getResponses().addAPIResponse("304", OASFactory.createAPIResponse().description("Not modified (If-None-Match matched the ETag)"));
            }
        }
        boolean hasClientError = operation.getResponses().getAPIResponses() != null
                && operation.getResponses().getAPIResponses().keySet().stream().anyMatch(code -> code.startsWith("4"));
        if (!hasClientError) {
            problem(operation, "4XX", "A client error (unknown path, method or media type), as problem+json");
        }
    }

    private static void problem(Operation operation, String status, String description) {
        if (operation.getResponses().getAPIResponse(status) == null) {
            operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                    .content(OASFactory.createContent().addMediaType("application/problem+json", OASFactory.createMediaType())));
        }
    }

    /** The roles Quarkus derived from @RolesAllowed, under the editors' scheme. */
    private static SecurityRequirement bearerWithRoles(Operation operation) {
        List<String> roles = new ArrayList<>();
        if (operation.getSecurity() != null) {
            for (SecurityRequirement requirement : operation.getSecurity()) {
                if (requirement.getSchemes() != null) {
                    requirement.getSchemes().values().forEach(roles::addAll);
                }
            }
        }
        return OASFactory.createSecurityRequirement().addScheme("bearerAuth", roles);
    }
}
