package org.imagehub.platform.errors;

import java.util.List;

/** A write carried a version (If-Match) that is no longer current. */
public class StaleVersionException extends DomainException {
    public StaleVersionException(String detail) {
        super(detail);
    }

    public StaleVersionException(String detail, List<FieldError> errors) {
        super(detail, errors);
    }
}
