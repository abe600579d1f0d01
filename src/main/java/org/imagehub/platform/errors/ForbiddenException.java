package org.imagehub.platform.errors;

import java.util.List;

/** The caller is known but may not do this. */
public class ForbiddenException extends DomainException {
    public ForbiddenException(String detail) {
        super(detail);
    }

    public ForbiddenException(String detail, List<FieldError> errors) {
        super(detail, errors);
    }
}
