package org.imagehub.platform.paging;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.imagehub.platform.HubConfig;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.ValidationException;

/**
 * Opaque, tamper-evident cursors and sync tokens: the position is signed with HMAC-SHA256, so a client can pass
 * it back but not forge or edit it (an edited one is a 400, never a query on attacker-chosen input).
 */
@ApplicationScoped
public class Cursors {
    private static final int TAG_BYTES = 16;
    private final SecretKeySpec key;
    /** A Mac is not thread-safe, and looking one up per cursor cost more than signing it: one per worker thread. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public Cursors(HubConfig config) {
        this.key = new SecretKeySpec(config.paging().cursorSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /**
     * A signed cursor of {@code kind} (one per endpoint family, so a cursor of one is never accepted by another)
     * holding {@code parts}, none of which may contain '|'.
     */
    public String encode(String kind, String... parts) {
        byte[] payload = (kind + "|" + String.join("|", parts)).getBytes(StandardCharsets.UTF_8);
        byte[] tag = tag(payload);
        byte[] token = Arrays.copyOf(payload, payload.length + TAG_BYTES);
        System.arraycopy(tag, 0, token, payload.length, TAG_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** The parts of a cursor of {@code kind}; {@code field} names the query parameter for the error. */
    public String[] decode(String cursor, String kind, String field) {
        String[] parts = verified(cursor, field).split("\\|", -1);
        if (!parts[0].equals(kind)) {
            throw invalid(field);
        }
        return Arrays.copyOfRange(parts, 1, parts.length);
    }

    private String verified(String cursor, String field) {
        byte[] token;
        try {
            token = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid(field);
        }
        if (token.length <= TAG_BYTES) {
            throw invalid(field);
        }
        byte[] payload = Arrays.copyOf(token, token.length - TAG_BYTES);
        byte[] tag = Arrays.copyOfRange(token, token.length - TAG_BYTES, token.length);
        if (!MessageDigest.isEqual(tag, tag(payload))) {
            throw invalid(field);
        }
        return new String(payload, StandardCharsets.UTF_8);
    }

    private byte[] tag(byte[] payload) {
        return Arrays.copyOf(macs.get().doFinal(payload), TAG_BYTES);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ValidationException invalid(String field) {
        return new ValidationException("The " + field + " is not one this hub issued (edited or truncated).",
                List.of(new FieldError("query." + field, "invalid-cursor", "pass back the value exactly as received")));
    }
}
