package org.imagehub.platform;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import org.hibernate.Session;

/**
 * Plans with index paths and nested loops only, for look-ups that read a few rows through an index
 * by design but run on tables whose statistics lag far behind: a queue that fills and empties between two analyses,
 * or the tables a bulk import fills from empty. Planned from stale statistics ("nearly empty"), such a look-up became a scan of the
 * whole table on every call.
 */
public final class IndexPathsOnly {
    // Parallel plans are off for all of the hub's connections (max_parallel_workers_per_gather in the datasource's options).
    private static final String OFF = "set local enable_seqscan = off; set local enable_hashjoin = off; set local enable_mergejoin = off";
    private static final String ON = "set local enable_seqscan = on; set local enable_hashjoin = on; set local enable_mergejoin = on";

    private IndexPathsOnly() {
    }

    /** For the rest of the connection's transaction. */
    public static void forTransaction(Connection connection) throws SQLException {
        execute(connection, OFF);
    }

    /**
     * For {@code lookup} only; the rest of the transaction is planned with the defaults again (not for use inside
     * {@link #forTransaction}). Does not flush the session.
     */
    public static <T> T during(EntityManager entityManager, Supplier<T> lookup) {
        Session session = entityManager.unwrap(Session.class);
        session.doWork(connection -> execute(connection, OFF));
        // Not in a finally: after a failed look-up PostgreSQL refuses every statement until the rollback, which undoes
        // the settings anyway, and the refusal would hide the look-up's own error.
        T result = lookup.get();
        session.doWork(connection -> execute(connection, ON));
        return result;
    }

    private static void execute(Connection connection, String settings) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(settings);
        }
    }
}
