package org.imagehub.security;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import org.imagehub.app.DemoStack;

/**
 * A fresh RSA key pair for each demo or test run: the hub verifies demo sign-in tokens with the public half exactly
 * as it verifies an identity provider's tokens, and no private key ever sits in the repository.
 */
public final class DemoSigningKeys implements DemoStack.Settings {
    /** For ServiceLoader (META-INF/services), which applies these to every demo run. */
    public DemoSigningKeys() {
    }

    @Override
    public Map<String, String> quarkusConfig() {
        return generateConfig();
    }

    public static Map<String, String> generateConfig() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return Map.of(
                    "quarkus.oidc.public-key", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
                    "hub.demo.signing-key", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
