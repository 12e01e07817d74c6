package org.linkage.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.linkage.stack.Ports;
import org.linkage.stack.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A real PostgreSQL for a service's tests: embedded on a free port, or the server named by
 * {@code LINKAGE_TEST_DB_URL} (with {@code LINKAGE_TEST_DB_USER} and {@code LINKAGE_TEST_DB_PASSWORD}),
 * in which case a fresh database is created for the run. The embedded one can be stopped and started
 * again by a test ({@link PostgresOutage}).
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {
    /** Config keys naming the migration role, which owns the schema (the service itself runs as the application role). */
    public static final String MIGRATOR_USER = "linkage.test.db.migrator-user";
    public static final String MIGRATOR_PASSWORD = "linkage.test.db.migrator-password";
    private PostgresServer server;

    @Override
    public Map<String, String> start() {
        String url = System.getenv("LINKAGE_TEST_DB_URL");
        String database = "linkage";
        Path dataDir = null;
        if (url != null && !url.isBlank()) {
            server = PostgresServer.external(url, System.getenv().getOrDefault("LINKAGE_TEST_DB_USER", "postgres"),
                    System.getenv().getOrDefault("LINKAGE_TEST_DB_PASSWORD", ""));
            database = "linkage_test_" + Long.toString(System.nanoTime(), 36);
        } else {
            try {
                dataDir = Files.createTempDirectory("linkage-pg");
                server = PostgresServer.embedded(dataDir, Ports.free(), true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        // As in production and on the local stack: Flyway as the migration role, the service as the application
        // role, so every test runs with only the rights the service has there.
        PostgresServer.ServiceDatabase db = server.createServiceDatabase(database);
        Map<String, String> config = new HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.username", db.app(),
                "quarkus.datasource.password", db.appPassword(),
                "quarkus.flyway.username", db.migrator(),
                "quarkus.flyway.password", db.migratorPassword()));
        // for tests that check what the application role may not do, and for fixtures only the owner may write
        config.put(MIGRATOR_USER, db.migrator());
        config.put(MIGRATOR_PASSWORD, db.migratorPassword());
        if (dataDir != null) {
            // Lets a test stage a database outage with PostgresOutage.
            config.put(PostgresOutage.DATA_DIR, dataDir.toString());
        }
        return config;
    }

    /**
     * Runs {@code sql} as the migration role, which owns the schema: for the few fixtures the service's own role may
     * not run (a trigger that poisons a table, ANALYZE for the planner), so the service keeps only the rights it
     * has in production. Call inside a running test (reads the test's configuration).
     */
    public static void asOwner(String... sql) {
        org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue(MIGRATOR_USER, String.class), config.getValue(MIGRATOR_PASSWORD, String.class));
             java.sql.Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("as the schema owner: " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
