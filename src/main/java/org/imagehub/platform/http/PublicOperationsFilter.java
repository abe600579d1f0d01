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
 * rest with an explicit empty {@code security}, so public operations are marked as such. {@link ErrorResponses} then
 * lists the error answers (problem+json) each operation can give.
 */
public class PublicOperationsFilter implements OASFilter {
    private static final String MANAGEMENT = "/api/v1/manage/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ErrorResponses.addComponents(openAPI);
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
                ErrorResponses.describe(path.getKey(), path.getValue(), operation, authentication(operation));
            }
        }
    }

    private static ErrorResponses.Authentication authentication(Operation operation) {
        for (SecurityRequirement requirement : operation.getSecurity()) {
            if (requirement.getSchemes() != null && requirement.getSchemes().containsKey("apiKey")) {
                return ErrorResponses.Authentication.API_KEY;
            }
            if (requirement.getSchemes() != null && requirement.getSchemes().containsKey("bearerAuth")) {
                return ErrorResponses.Authentication.BEARER;
            }
        }
        return ErrorResponses.Authentication.NONE;
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
