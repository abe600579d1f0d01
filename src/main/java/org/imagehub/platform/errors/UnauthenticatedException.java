package org.imagehub.platform.errors;

import java.util.List;

/** The caller could not be identified (no, wrong or expired credentials). */
public class UnauthenticatedException extends DomainException {
    public UnauthenticatedException(String detail) {
        super(detail);
    }

    public UnauthenticatedException(String detail, List<FieldError> errors) {
        super(detail, errors);
    }
}
