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

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
