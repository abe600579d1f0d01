package org.imagehub.platform.errors;

import java.sql.SQLException;
import java.util.Optional;

/**
 * The database dropped the connection (a restart or fail-over, an administrator ending sessions): the request could
 * not complete, but nothing is wrong with it. The client gets 503 with Retry-After; the pool discards the dead
 * connection, so a retry gets a fresh one.
 */
public class DatabaseConnectionLostException extends DependencyUnavailableException {
    public DatabaseConnectionLostException(Throwable cause) {
        super("The database connection was lost. Retry shortly.", cause);
    }

    /** A connection failure (SQL state class 08) or a server shutting sessions down (57P01–57P03) in the cause chain. */
    public static Optional<DatabaseConnectionLostException> causing(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return Optional.of(new DatabaseConnectionLostException(exception));
            }
        }
        return Optional.empty();
    }
}
