package org.imagehub.platform.http;

import java.util.List;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.MissingVersionException;
import org.imagehub.platform.errors.StaleVersionException;

/** Strong ETags of versioned resources ({@code "v7"}) and the If-Match rules of safe writes. */
public final class EntityTags {
    private EntityTags() {
    }

    /** Whether {@code If-None-Match} names {@code etag} (or is {@code *}): weak comparison, as RFC 9110 asks for GET. */
    public static boolean noneMatchHits(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    public static String of(long version) {
        return "\"v" + version + "\"";
    }

    /**
     * Passes when {@code ifMatch} names the current version (or is {@code *}); a missing header is 428, any
     * other value 412. Strong comparison: a weak tag never matches.
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new MissingVersionException("This write needs If-Match with the resource's current ETag " + of(currentVersion) + ".",
                    List.of(new FieldError("header.If-Match", "required", "send the ETag of the version you edited")));
        }
        String current = of(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(current)) {
                return;
            }
        }
        throw new StaleVersionException("The resource is now at " + current + "; the write was based on " + ifMatch.trim() + ".",
                List.of(new FieldError("header.If-Match", "stale", "current version is " + current)));
    }
}
