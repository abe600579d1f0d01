package org.imagehub.testing;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Plain SQL against the hub's database, for setting up states and for checking what was stored. It connects as the
 * hub does (the restricted application login); {@link #asOwner()} connects as the schema owner that runs migrations.
 */
public final class Database {
    private Database() {
    }

    public static int update(String sql, Object... parameters) {
        try (Connection connection = dataSource().getConnection(); PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of every row. */
    public static List<Object> column(String sql, Object... parameters) {
        try (Connection connection = dataSource().getConnection(); PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            List<Object> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getObject(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static Object value(String sql, Object... parameters) {
        List<Object> values = column(sql, parameters);
        return values.isEmpty() ? null : values.get(0);
    }

    /** How many rows {@code table} holds now: a count query, so "nothing stored" is checked exactly, not up to a page size. */
    public static long rows(String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        return ((Number) value("select count(*) from " + table)).longValue();
    }

    /** A connection as the schema owner (quarkus.flyway.username), which the hub itself never uses. */
    public static Connection asOwner() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class), config.getValue("quarkus.flyway.password", String.class));
    }

    /** A connection as the hub's own datasource login. */
    public static Connection asApplication() throws SQLException {
        return dataSource().getConnection();
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static AgroalDataSource dataSource() {
        return Arc.container().instance(AgroalDataSource.class).get();
    }
}
