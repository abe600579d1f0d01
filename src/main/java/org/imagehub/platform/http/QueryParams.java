package org.imagehub.platform.http;

import java.util.List;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.ValidationException;

/** Parses numeric parameters by hand: JAX-RS would answer a bad number in a query with 404. */
public final class QueryParams {
    private QueryParams() {
    }

    public static int positiveInt(String value, String name) {
        try {
            int number = Integer.parseInt(value == null ? "" : value.trim());
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ValidationException(name + " must be a whole number from 1.",
                List.of(new FieldError(name, "invalid", "a whole number from 1")));
    }

    public static Integer optionalInt(String value, String name) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException(name + " must be a whole number.",
                    List.of(new FieldError(name, "invalid", "a whole number")));
        }
    }
}
