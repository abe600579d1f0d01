package org.imagehub.platform.http;

import java.time.Instant;
import java.time.format.DateTimeParseException;
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

    /** An ISO-8601 instant such as {@code 2026-11-23T08:00:00Z}, or null when absent. */
    public static Instant optionalInstant(String value, String name) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new ValidationException(name + " must be an ISO-8601 UTC time such as 2026-11-23T08:00:00Z.",
                    List.of(new FieldError(name, "invalid", "an ISO-8601 UTC time")));
        }
    }
}
