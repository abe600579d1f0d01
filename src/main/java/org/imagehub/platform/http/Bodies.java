package org.imagehub.platform.http;

import org.imagehub.platform.errors.ValidationException;

public final class Bodies {
    private Bodies() {
    }

    /** A write without a body is a client error, not a null pointer further down. */
    public static <T> T require(T body) {
        if (body == null) {
            throw ValidationException.of("body", "required", "a JSON body is required");
        }
        return body;
    }
}
