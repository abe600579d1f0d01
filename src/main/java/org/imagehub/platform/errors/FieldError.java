package org.imagehub.platform.errors;

/**
 * One bad field of a request: {@code field} is its path in the request body ({@code localizations[2].title}),
 * query ({@code query.limit}) or header ({@code header.If-Match}); {@code code} is stable for clients to branch on.
 */
public record FieldError(String field, String code, String message) {
}
