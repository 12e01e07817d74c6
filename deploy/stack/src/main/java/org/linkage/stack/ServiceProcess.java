package org.linkage.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One of the three Quarkus services, run from its built {@code quarkus-app} folder. */
public final class ServiceProcess implements AutoCloseable {
    private final String name;
    private final int port;
    private final int managementPort;
    private final ManagedProcess process;

    private ServiceProcess(String name, int port, int managementPort, ManagedProcess process) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
    }

    /**
     * @param managementPort where the service's management interface ({@code /q/health}, {@code /q/metrics}) listens;
     *                       the caller passes it in {@code env} too ({@code QUARKUS_MANAGEMENT_PORT})
     */
    public static ServiceProcess start(String name, Path moduleDir, int port, int managementPort, Map<String, String> env,
                                       Path logDir) {
        Path jar = moduleDir.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(name + " is not built (" + jar + " missing); run mvn -B install -DskipTests first");
        }
        List<String> command = new ArrayList<>(List.of(ManagedProcess.javaBinary(),
                "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8"));
        // Extra JVM options for every service, e.g. a flight recording per service while profiling
        // (LINKAGE_SERVICE_JAVA_OPTS='-XX:StartFlightRecording=filename=/tmp/{name}.jfr,settings=profile').
        String extra = System.getenv("LINKAGE_SERVICE_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            for (String option : extra.trim().split("\\s+")) {
                command.add(option.replace("{name}", name));
            }
        }
        command.addAll(List.of("-jar", jar.toString()));
        ManagedProcess process = ManagedProcess.start(name, command, env, moduleDir, logDir.resolve(name + ".log"));
        return new ServiceProcess(name, port, managementPort, process);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The management interface: health and metrics, on a port of their own. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return process.logFile();
    }

    /** Waits until the service says it is ready (database migrated, Kafka reachable). */
    public void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
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
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up; see " + process.logFile());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; see " + process.logFile());
            }
            Ports.sleep(300);
        }
    }

    /** Ends the service with SIGKILL. */
    public void kill() {
        process.kill();
    }

    @Override
    public void close() {
        process.close();
    }
}
