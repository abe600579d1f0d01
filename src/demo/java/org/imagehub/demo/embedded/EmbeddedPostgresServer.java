package org.imagehub.demo.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL 17 server from the pinned zonky binaries; throw-away data, tuned for speed over durability.
 * Set up as production should be: the database {@value #DATABASE} belongs to {@value #OWNER}, who runs the Flyway
 * migrations; the hub connects as {@value #APP}, which gets only the grants of the migrations (no DDL, and nothing
 * but INSERT and SELECT on the audit log).
 */
final class EmbeddedPostgresServer implements AutoCloseable {
    static final String DATABASE = "imagehub";
    static final String OWNER = "imagehub_owner";
    static final String APP = "imagehub_app";
    // Local throw-away server: the passwords only have to match what the hub is told.
    private static final String OWNER_PASSWORD = "imagehub-owner-local";
    private static final String APP_PASSWORD = "imagehub-app-local";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start(Path workDir, int requestedPort, boolean stopAtJvmExit) {
        try {
            Path binaries = Files.createDirectories(workDir.resolve("postgres-binaries"));
            Path data = workDir.resolve("postgres-data-" + ProcessHandle.current().pid());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setDataDirectory(data)
                    .setCleanDataDirectory(true)
                    .setPort(FreePorts.resolve(requestedPort))
                    .setRegisterShutdownHook(stopAtJvmExit)
                    // The embedded server holds demo or test data only: durability is not worth the I/O.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "100")
                    // The default 128 MB holds less than the 10,000-story bench's tables: backends evicted and wrote dirty
                    // pages themselves during bulk writes. Shared memory is taken as it is used.
                    .setServerConfig("shared_buffers", "512MB")
                    // Statement statistics for the benchmarks' write-up (which queries the database spends its time in).
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .start();
            createRolesAndDatabase(postgres);
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
    }

    private static void createRolesAndDatabase(EmbeddedPostgres postgres) throws IOException {
        try (Connection superuser = postgres.getPostgresDatabase().getConnection(); Statement sql = superuser.createStatement()) {
            sql.execute("create role " + OWNER + " login password '" + OWNER_PASSWORD + "'");
            sql.execute("create role " + APP + " login password '" + APP_PASSWORD + "'");
            sql.execute("create database " + DATABASE + " owner " + OWNER);
            enableStatementStatistics(postgres);
        } catch (SQLException e) {
            postgres.close();
            throw new IllegalStateException("Embedded PostgreSQL: could not create the hub's roles and database", e);
        }
    }

    /** The view pg_stat_statements, readable by the hub's owner (psql -c 'select … from pg_stat_statements'). */
    private static void enableStatementStatistics(EmbeddedPostgres postgres) throws SQLException {
        try (Connection superuser = postgres.getDatabase("postgres", DATABASE).getConnection(); Statement sql = superuser.createStatement()) {
            sql.execute("create extension if not exists pg_stat_statements");
            sql.execute("grant pg_read_all_stats to " + OWNER);
            // So a benchmark can measure one phase at a time (bench/load-bench.sh resets between import and publication).
            sql.execute("grant execute on function pg_stat_statements_reset(oid, oid, bigint, boolean) to " + OWNER);
        }
    }

    Map<String, String> quarkusConfig() {
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE,
                "quarkus.datasource.username", APP,
                "quarkus.datasource.password", APP_PASSWORD,
                // The owner runs the migrations (and so owns every table); the hub's own login never can alter them.
                "quarkus.flyway.username", OWNER,
                "quarkus.flyway.password", OWNER_PASSWORD);
    }

    int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
