package org.imagehub.platform.http;

import java.util.ArrayList;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;

/** Marks operations that need no credentials with an explicit empty {@code security}, so the document says so. */
public class PublicOperationsFilter implements OASFilter {
    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            operation.setSecurity(new ArrayList<>());
        }
        return operation;
    }
}
