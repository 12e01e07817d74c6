package org.linkage.e2e;

import org.linkage.stack.Stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one stack every end-to-end test class shares: started on first use on free ports in
 * target/e2e-stack, stopped when the test JVM exits.
 */
final class RunningStack {
    private static Stack stack;
    private static TraceCollector traces;

    private RunningStack() {
    }

    static synchronized Stack get() {
        if (stack == null) {
            Path root = Path.of(System.getProperty("linkage.root", "..")).toAbsolutePath().normalize();
            Path data = Path.of(System.getProperty("linkage.e2e.data", "target/e2e-stack")).toAbsolutePath();
            try {
                if (Files.exists(data)) {
                    try (var paths = Files.walk(data)) {
                        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
                Files.createDirectories(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.out.println("starting the whole stack for end-to-end tests in " + data);
            // Every service exports its spans to a collector in this JVM, so a test can follow one trace end to end.
            traces = TraceCollector.start();
            Map<String, String> tracing = Map.of("LINKAGE_TRACING", "true", "LINKAGE_OTLP_ENDPOINT", traces.endpoint(),
                    "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
            Map<String, Map<String, String>> env = new LinkedHashMap<>();
            Stack.SERVICES.forEach(service -> env.put(service, tracing));
            stack = Stack.start(Stack.Settings.ephemeral(root, data), env, m -> System.out.println("[e2e stack] " + m));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stack.close();
                traces.close();
            }, "e2e-stack-stop"));
        }
        return stack;
    }

    /** A service's management interface (health, metrics). */
    static String managementUrl(String service) {
        return get().managementUrl(service);
    }

    /** The spans every service of the stack exported. */
    static TraceCollector traces() {
        get();
        return traces;
    }
}
