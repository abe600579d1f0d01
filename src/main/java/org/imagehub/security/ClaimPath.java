package org.imagehub.security;

import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a claim sits in a token, written as Quarkus writes {@code quarkus.oidc.roles.role-claim-path}: segments
 * separated by {@code /}, a segment in double quotes kept whole ({@code "https://hub.example.org/claims"/org}), so
 * the organisation is configured the same way as the roles.
 */
public record ClaimPath(List<String> segments) {

    public ClaimPath {
        if (segments.isEmpty() || segments.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("A claim path needs non-empty segments: " + segments);
        }
        segments = List.copyOf(segments);
    }

    public static ClaimPath of(String path) {
        List<String> segments = new ArrayList<>();
        StringBuilder segment = new StringBuilder();
        boolean quoted = false;
        for (char c : path.strip().toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '/' && !quoted) {
                segments.add(segment.toString());
                segment.setLength(0);
            } else {
                segment.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("Unbalanced quotes in claim path: " + path);
        }
        segments.add(segment.toString());
        return new ClaimPath(segments);
    }

    /**
     * The text at this path: a string, or an array holding exactly one string (identity providers often map user
     * attributes to one-element arrays). {@code topLevel} gives a token's top-level claims.
     */
    public Optional<String> text(Function<String, Object> topLevel) {
        Object value = topLevel.apply(segments.get(0));
        for (String segment : segments.subList(1, segments.size())) {
            value = value instanceof Map<?, ?> object ? object.get(segment) : null;
        }
        if (value instanceof Collection<?> array && array.size() == 1) {
            value = array.iterator().next();
        }
        if (value instanceof JsonString json) {
            value = json.getString();
        }
        return value instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
    }

    /** Puts the value at this path into a token's claims, creating the objects on the way. */
    @SuppressWarnings("unchecked")
    public void put(Map<String, Object> claims, Object value) {
        Map<String, Object> object = claims;
        for (String segment : segments.subList(0, segments.size() - 1)) {
            object = (Map<String, Object>) object.computeIfAbsent(segment, name -> new LinkedHashMap<String, Object>());
        }
        object.put(segments.get(segments.size() - 1), value);
    }
}
