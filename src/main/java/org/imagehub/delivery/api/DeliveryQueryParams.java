package org.imagehub.delivery.api;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.ValidationException;

/**
 * Query parameters of delivery requests: unknown ones are a 400, never silently ignored (repeated ones are refused
 * for every operation by platform.http.RepeatedParametersFilter).
 */
public final class DeliveryQueryParams {
    private DeliveryQueryParams() {
    }

    public static void requireOnly(MultivaluedMap<String, String> given, Set<String> known) {
        List<FieldError> errors = new ArrayList<>();
        given.forEach((name, values) -> {
            if (!known.contains(name)) {
                errors.add(new FieldError("query." + name, "unknown-parameter", "one of " + String.join(", ", new java.util.TreeSet<>(known))));
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.size() + " invalid query parameter(s).", errors);
        }
    }
}
