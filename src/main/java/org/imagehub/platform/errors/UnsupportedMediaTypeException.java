package org.imagehub.platform.errors;

import java.util.List;

/** A body (or an uploaded file) of a type not accepted here: 415. */
public class UnsupportedMediaTypeException extends DomainException {
    public UnsupportedMediaTypeException(String detail, List<FieldError> errors) {
        super(detail, errors);
    }
}
