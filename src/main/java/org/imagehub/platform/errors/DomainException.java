package org.imagehub.platform.errors;

import java.util.List;

/** Base of every error the hub reports on purpose. Knows nothing of HTTP: {@link ProblemCatalog} maps it. */
public abstract class DomainException extends RuntimeException {
    private final transient List<FieldError> errors;

    protected DomainException(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    protected DomainException(String detail) {
        this(detail, List.of());
    }

    public List<FieldError> errors() {
        return errors;
    }
}
