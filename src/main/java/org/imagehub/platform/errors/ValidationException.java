package org.imagehub.platform.errors;

import java.util.List;

/** Input that breaks a rule; errors() names each field. */
public class ValidationException extends DomainException {
    public ValidationException(String detail) {
        super(detail);
    }

    public ValidationException(String detail, List<FieldError> errors) {
        super(detail, errors);
    }

    /** One bad field: the detail repeats its message so a client that reads only {@code detail} still learns it. */
    public static ValidationException of(String field, String code, String message) {
        return new ValidationException(field + ": " + message, List.of(new FieldError(field, code, message)));
    }
}
