package org.imagehub.console.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The console's session: the signed-in person's access token in an HttpOnly cookie, and the CSRF token derived
 * from it. The CSRF token is a one-way hash of the session, so it needs no server state (any replica checks it),
 * changes with every sign-in, and reveals nothing of the cookie that a page showing it could leak.
 */
public final class ConsoleSession {
    /** {@code __Host-} in production: the browser then insists on Secure, Path=/ and no Domain. */
    public static final String COOKIE = "ih_console";
    public static final String SECURE_COOKIE = "__Host-ih_console";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConsoleSession() {
    }

    public static String cookieName(boolean secure) {
        return secure ? SECURE_COOKIE : COOKIE;
    }

    /** The session cookie: HttpOnly, SameSite=Lax, whole-site path; Secure (and so {@code __Host-}) unless the demo runs on http. */
    public static jakarta.ws.rs.core.NewCookie cookie(String value, int maxAgeSeconds, boolean secure) {
        return new jakarta.ws.rs.core.NewCookie.Builder(cookieName(secure)).value(value).path("/").maxAge(maxAgeSeconds)
                .httpOnly(true).secure(secure).sameSite(jakarta.ws.rs.core.NewCookie.SameSite.LAX).build();
    }

    public static String csrfToken(String session) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("image-hub console csrf\n" + session).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    public static boolean csrfMatches(String session, String supplied) {
        return supplied != null && MessageDigest.isEqual(csrfToken(session).getBytes(StandardCharsets.US_ASCII),
                supplied.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * When the token says it expires, read without checking its signature: only to send an expired session back to
     * sign-in instead of a 401; the REST layer verifies every token it is given.
     */
    public static Optional<Instant> expiry(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return claims.path("exp").canConvertToLong() ? Optional.of(Instant.ofEpochSecond(claims.path("exp").asLong())) : Optional.empty();
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }
}
