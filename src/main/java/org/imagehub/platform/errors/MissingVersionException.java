package org.imagehub.platform.errors;

import java.util.List;

/** A write that must say which version it replaces did not. */
public class MissingVersionException extends DomainException {
    public MissingVersionException(String detail) {
        super(detail);
    }

    public MissingVersionException(String detail, List<FieldError> errors) {
        super(detail, errors);
    }
}
