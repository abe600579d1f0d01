package org.imagehub.security.consumer;

import java.util.List;

/**
 * A consumer as an admin registers it. {@code languages}, {@code topics} and {@code countries} restrict what it
 * sees (empty: everything); {@code requestsPerMinute} is its rate limit.
 */
public record ConsumerInput(String name, String kind, String organisation, List<String> scopes, List<String> languages, List<String> topics,
        List<String> countries, Integer requestsPerMinute, Boolean active) {
}
