package org.imagehub.platform.errors;

import java.util.List;

/** A request body over its configured limit. */
public class PayloadTooLargeException extends DomainException {
    public PayloadTooLargeException(String detail) {
        super(detail);
    }

    public PayloadTooLargeException(String detail, List<FieldError> errors) {
        super(detail, errors);
    }
}
