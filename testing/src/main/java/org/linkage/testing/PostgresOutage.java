package org.linkage.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stops and restarts the embedded test PostgreSQL of {@link PostgresResource}, the way an outage
 * looks to a service: a fast shutdown (open sessions end with "terminating connection due to
 * administrator command", new connections are refused), then the same server on the same port and
 * data comes back. A test finds the data directory in the config property {@link #DATA_DIR}, which
 * is absent when the tests run against an external server (then no outage can be staged).
 */
public final class PostgresOutage {
    /** Config property naming the embedded server's data directory. */
    public static final String DATA_DIR = "linkage.test.postgres.data-dir";

    private final Path dataDir;
    private final List<String> command;

    private PostgresOutage(Path dataDir, List<String> command) {
        this.dataDir = dataDir;
        this.command = command;
    }

    /** Stops the server on {@code dataDir} (fast shutdown) and returns the handle that starts it again. */
    public static PostgresOutage stop(Path dataDir) {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.UTF_8).get(0).strip());
            // The postmaster's own command line (binary, -D, -p and every -c setting) starts it again as it was.
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            List<String> command = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == 0) {
                    command.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("could not signal postmaster " + pid);
            }
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            Instant deadline = Instant.now().plusSeconds(60);
            while (handle.isPresent() && handle.get().isAlive() && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            if (handle.isPresent() && handle.get().isAlive()) {
                throw new IllegalStateException("postmaster " + pid + " did not stop");
            }
            return new PostgresOutage(dataDir, command);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the test PostgreSQL in " + dataDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the server again and waits until it accepts connections at {@code jdbcUrl}. */
    public void restart(String jdbcUrl, String user, String password) {
        try {
            List<String> start = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                // PostgreSQL refuses to run as root; the embedded server's launcher starts it in a user namespace too.
                start.addAll(List.of("unshare", "-U"));
            }
            start.addAll(command);
            new ProcessBuilder(start)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("restart.log").toFile()))
                    .start();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (true) {
                try (Connection ignored = DriverManager.getConnection(jdbcUrl, user, password)) {
                    return;
                } catch (SQLException e) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("the test PostgreSQL did not come back: " + e.getMessage(), e);
                    }
                    Thread.sleep(200);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restart the test PostgreSQL in " + dataDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
