package org.imagehub.security.consumer;

import java.util.Set;

/**
 * A verified consumer, as a delivery request sees it: which key, what it may read. Empty sets mean "no restriction".
 */
public record ConsumerAccess(String consumerId, String keyId, String name, Set<String> scopes, Set<String> languages, Set<String> topics,
        Set<String> countries, int requestsPerMinute) {

    public boolean allowsLanguage(String lang) {
        return languages.isEmpty() || languages.contains(lang);
    }
}
