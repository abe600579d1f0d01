package org.imagehub.social.network;

/**
 * One way a post breaks a network's rules. {@code code} is {@code <network>.<rule>} (such as
 * {@code x.text.too-long}); {@code counted} and {@code allowed} are set when the rule is a number (bytes for
 * media sizes, hence {@code Long}).
 */
public record RuleViolation(String field, String code, String message, Long counted, Long allowed) {
}
