package org.linkage.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.linkage.stack.Ports;
import org.linkage.stack.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * A real PostgreSQL for a service's tests: embedded on a free port, or the server named by
 * {@code LINKAGE_TEST_DB_URL} (with {@code LINKAGE_TEST_DB_USER} and {@code LINKAGE_TEST_DB_PASSWORD}),
 * in which case a fresh database is created for the run.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {
    private PostgresServer server;

    @Override
    public Map<String, String> start() {
        String url = System.getenv("LINKAGE_TEST_DB_URL");
        String database = "postgres";
        if (url != null && !url.isBlank()) {
            server = PostgresServer.external(url, System.getenv().getOrDefault("LINKAGE_TEST_DB_USER", "postgres"),
                    System.getenv().getOrDefault("LINKAGE_TEST_DB_PASSWORD", ""));
            database = "linkage_test_" + Long.toString(System.nanoTime(), 36);
            server.createDatabase(database);
        } else {
            try {
                server = PostgresServer.embedded(Files.createTempDirectory("linkage-pg"), Ports.free(), true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", server.jdbcUrl(database),
                "quarkus.datasource.username", server.user(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
