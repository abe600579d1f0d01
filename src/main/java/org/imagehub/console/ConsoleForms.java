package org.imagehub.console;

import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jakarta.ws.rs.core.Response;
import org.imagehub.platform.errors.DomainException;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.ValidationException;

/** Form values in, and the hub's problem answers out, the same way on every console page. */
public final class ConsoleForms {
    private ConsoleForms() {
    }

    /** The first value of each form field. */
    public static Map<String, String> values(MultivaluedMap<String, String> form) {
        Map<String, String> values = new HashMap<>();
        if (form != null) {
            form.forEach((name, list) -> {
                if (!list.isEmpty()) {
                    values.put(name, list.get(0));
                }
            });
        }
        return values;
    }

    public static String text(Map<String, String> form, String name) {
        String value = form.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** {@code a=1&b=x%20y} of the non-blank values, in order, each URL-encoded: for links that carry a page's filters on. */
    public static String query(Map<String, String> values) {
        StringBuilder query = new StringBuilder();
        values.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                query.append(query.isEmpty() ? "" : "&").append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    /** The version a form was opened at (its hidden {@code version} input); 0 when missing or garbled, which never matches. */
    public static long version(Map<String, String> form) {
        String value = form.get("version");
        try {
            return value == null ? 0 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** An empty filter field is no filter (a GET form sends every field, filled or not): null, else the value stripped. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** A comma-separated input as a list (empty input: empty list). */
    public static List<String> list(Map<String, String> form, String name) {
        List<String> items = new ArrayList<>();
        String value = form.get(name);
        if (value != null) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        }
        return items;
    }

    /** A datetime-local input, read in the person's time zone. */
    public static Instant instant(Map<String, String> form, String name, ZoneId zone) {
        String value = text(form, name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw ValidationException.of(name, "invalid", "a date and time");
        }
    }

    /** The fault of each field a problem names, keyed by the field as the API names it. */
    public static Map<String, String> fieldErrors(DomainException problem) {
        Map<String, String> errors = new HashMap<>();
        for (FieldError error : problem.errors()) {
            errors.merge(error.field(), error.message(), (a, b) -> a + "; " + b);
        }
        return errors;
    }

    /**
     * After a change: load the page anew. An htmx request gets HX-Redirect on a 200 (the browser's XHR would follow a
     * 303 itself and htmx would never see where to); a plain form the 303.
     */
    public static Response redirect(String path, String hxRequest) {
        if (hxRequest != null) {
            return Response.ok().header("HX-Redirect", path).build();
        }
        return Response.seeOther(URI.create(path)).build();
    }
}
