package org.imagehub.platform.errors;

import java.util.List;

/** A write that clashes with existing data (a duplicate slug, a reused idempotency key). */
public class ConflictException extends DomainException {
    public ConflictException(String detail) {
        super(detail);
    }

    public ConflictException(String detail, List<FieldError> errors) {
        super(detail, errors);
    }
}
