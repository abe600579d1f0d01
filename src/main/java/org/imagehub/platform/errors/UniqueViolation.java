package org.imagehub.platform.errors;

import java.sql.SQLException;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;
import org.postgresql.util.PSQLException;

/** A unique constraint that refused a write, wherever in an exception's causes it shows. */
final class UniqueViolation {
    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolation() {
    }

    /** The constraint's name ("unique value" when the database did not say). */
    static Optional<String> constraintCausing(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation && violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE) {
                return Optional.of(violation.getConstraintName() == null ? "unique value" : violation.getConstraintName());
            }
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                String name = sql instanceof PSQLException psql && psql.getServerErrorMessage() != null
                        ? psql.getServerErrorMessage().getConstraint() : null;
                return Optional.of(name == null ? "unique value" : name);
            }
        }
        return Optional.empty();
    }
}
