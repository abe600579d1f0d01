package org.imagehub.platform;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * A read built clause by clause, with its {@code ?} values kept in step, and run as plain JDBC: the hot read paths
 * (the published view, reports) skip Hibernate's native-query layer (result-set mapping, typed extraction), and reads
 * stored JSON as the UTF-8 bytes PostgreSQL sends, never as a Java string. It still goes through the session's
 * JDBC coordinator, so the connection, its transaction, statement inspection and logging are Hibernate's as usual.
 */
public final class SqlQuery {
    /** Reads one row of the result. */
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    /** Appends {@code text} and a value for each of its {@code ?} placeholders, in order. */
    public SqlQuery append(String text, Object... values) {
        if (text.chars().filter(c -> c == '?').count() != values.length) {
            throw new IllegalArgumentException(values.length + " values for the placeholders of: " + text);
        }
        sql.append(text);
        parameters.addAll(Arrays.asList(values));
        return this;
    }

    public <T> List<T> read(EntityManager entityManager, RowReader<T> reader) {
        SharedSessionContractImplementor session = entityManager.unwrap(SharedSessionContractImplementor.class);
        JdbcCoordinator jdbc = session.getJdbcCoordinator();
        String text = sql.toString();
        PreparedStatement statement = jdbc.getStatementPreparer().prepareStatement(text);
        try {
            bind(statement);
            ResultSet rows = jdbc.getResultSetReturn().extract(statement, text);
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(reader.read(rows));
            }
            return result;
        } catch (SQLException e) {
            throw session.getJdbcServices().getSqlExceptionHelper().convert(e, "Could not read", text);
        } finally {
            jdbc.getLogicalConnection().getResourceRegistry().release(statement);
            jdbc.afterStatementExecution();
        }
    }

    private void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            int position = i + 1;
            if (value instanceof Instant instant) {
                statement.setObject(position, instant.atOffset(ZoneOffset.UTC));
            } else if (value instanceof String[] texts) {
                statement.setArray(position, statement.getConnection().createArrayOf("text", texts));
            } else {
                statement.setObject(position, value);
            }
        }
    }

    /** A timestamptz column as an Instant (null stays null). */
    public static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A text[] column as a list (null as empty). */
    public static List<String> texts(ResultSet row, int column) throws SQLException {
        java.sql.Array array = row.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
