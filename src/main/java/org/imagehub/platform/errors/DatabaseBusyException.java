package org.imagehub.platform.errors;

import java.sql.SQLException;
import java.util.Optional;

/**
 * No database connection became free within the pool's acquisition timeout: the hub is overloaded, not broken, so
 * the client gets 503 with Retry-After and the hub recovers by itself once the load passes.
 */
public class DatabaseBusyException extends DependencyUnavailableException {
    /** What Agroal throws (a plain SQLException, no SQL state) when its acquisition timeout passes. */
    private static final String AGROAL_ACQUISITION_TIMEOUT = "Sorry, acquisition timeout!";

    public DatabaseBusyException(Throwable cause) {
        super("The hub is busy: no database connection came free in time. Retry shortly.", cause);
    }

    /**
     * The pool's acquisition timeout anywhere in the cause chain (Hibernate wraps it in GenericJDBCException "Unable to
     * acquire JDBC Connection"); any other SQL error is not this.
     */
    public static Optional<DatabaseBusyException> causing(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() == null && AGROAL_ACQUISITION_TIMEOUT.equals(sql.getMessage())) {
                return Optional.of(new DatabaseBusyException(exception));
            }
        }
        return Optional.empty();
    }
}
