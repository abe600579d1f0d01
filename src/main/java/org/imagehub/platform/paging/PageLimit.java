package org.imagehub.platform.paging;

import java.util.List;
import org.imagehub.platform.errors.FieldError;
import org.imagehub.platform.errors.ValidationException;

public final class PageLimit {
    private PageLimit() {
    }

    /** The page size asked for, or {@code fallback}; outside 1..max it is a 400, not silently clamped. */
    public static int of(Integer limit, int fallback, int max) {
        if (limit == null) {
            return fallback;
        }
        if (limit < 1 || limit > max) {
            throw new ValidationException("limit must be between 1 and " + max + ".",
                    List.of(new FieldError("query.limit", "out-of-range", "between 1 and " + max)));
        }
        return limit;
    }
}
