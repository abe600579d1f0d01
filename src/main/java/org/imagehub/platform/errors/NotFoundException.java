package org.imagehub.platform.errors;

import java.util.List;

/** The thing asked for does not exist or is not visible to the caller. */
public class NotFoundException extends DomainException {
    public NotFoundException(String detail) {
        super(detail);
    }

    public NotFoundException(String detail, List<FieldError> errors) {
        super(detail, errors);
    }
}
