package org.imagehub.security.consumer;

import java.security.SecureRandom;
import java.util.Base64;
import org.imagehub.platform.Hashes;

/** Makes and hashes API keys: 256 random bits, so a plain SHA-256 is as good as a slow password hash here. */
final class ApiKeySecrets {
    static final String PREFIX = "ihk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {
    }

    static String newKey() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    static byte[] hash(String key) {
        return Hashes.sha256(key);
    }

    static String hint(String key) {
        return key.substring(Math.max(0, key.length() - 4));
    }
}
