package org.linkage.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak from the keycloak-quarkus-dist zip, in dev mode (its own file database under the
 * install folder), importing the project realm on first start.
 */
public final class KeycloakServer implements AutoCloseable {
    public static final String REALM = "linkage";

    private final ManagedProcess process;
    private final int port;

    private KeycloakServer(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param home      where the distribution is unpacked (once) and keeps its data
     * @param realmFile the realm export to import when the realm does not exist yet
     */
    public static KeycloakServer start(Path home, Path distZip, Path realmFile, int port, int managementPort,
                                       Duration timeout) {
        KeycloakServer server = launch(home, distZip, realmFile, port, managementPort);
        try {
            server.awaitReady(timeout);
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Starts the process without waiting for it, so the caller can own (and stop) it at once. */
    public static KeycloakServer launch(Path home, Path distZip, Path realmFile, int port, int managementPort) {
        try {
            Path install = unpack(distZip, home);
            Path importDir = install.resolve("data").resolve("import");
            Files.createDirectories(importDir);
            Path imported = importDir.resolve(REALM + "-realm.json");
            // --import-realm never touches a realm that exists, so a stack kept across an update of the realm file
            // would go on issuing tokens without the new clients, roles or audiences. The file is the only truth of
            // the local realm: when it changed, Keycloak's own database starts again from it.
            if (Files.exists(imported) && Files.mismatch(imported, realmFile) != -1) {
                Trees.delete(install.resolve("data").resolve("h2"));
            }
            Files.copy(realmFile, imported, StandardCopyOption.REPLACE_EXISTING);
            List<String> command = new ArrayList<>(List.of(install.resolve("bin").resolve("kc.sh").toString(),
                    "start-dev", "--import-realm",
                    "--http-host=127.0.0.1",
                    "--http-port=" + port,
                    "--http-management-port=" + managementPort,
                    "--health-enabled=true",
                    "--cache=local"));
            ManagedProcess process = ManagedProcess.start("keycloak", command, Map.of(
                            "JAVA_HOME", System.getProperty("java.home"),
                            "JAVA_OPTS_APPEND", "-Xms128m -Xmx768m",
                            "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                            "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin"),
                    install, home.resolve("keycloak.log"));
            return new KeycloakServer(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The issuer the services trust: tokens must be requested at this same address. */
    public String realmUrl() {
        return url() + "/realms/" + REALM;
    }

    public Path logFile() {
        return process.logFile();
    }

    /** Waits until the realm answers its OpenID discovery document. */
    public void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited during start-up; see " + process.logFile());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Keycloak was not ready within " + timeout.toSeconds() + " s; see "
                        + process.logFile());
            }
            Ports.sleep(500);
        }
    }

    /** Unpacks the distribution once; a later start finds it (and its data) in place. */
    private static Path unpack(Path zip, Path home) throws IOException {
        Path marker = home.resolve(".unpacked-" + zip.getFileName());
        Path install = home.resolve("dist");
        if (Files.exists(marker) && Files.isDirectory(install)) {
            return install;
        }
        if (!Files.exists(zip)) {
            throw new IllegalStateException("Keycloak distribution not found at " + zip + "; build with mvn package first");
        }
        Files.createDirectories(install);
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = entries.getNextEntry()) != null) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path target = install.resolve(name.substring(slash + 1)).normalize();
                if (!target.startsWith(install)) {
                    throw new IOException("zip entry outside the install folder: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entries, target, StandardCopyOption.REPLACE_EXISTING);
                    if (name.endsWith(".sh")) {
                        target.toFile().setExecutable(true);
                    }
                }
            }
        }
        Files.writeString(marker, "ok");
        return install;
    }

    @Override
    public void close() {
        process.close();
    }
}
