package org.linkage.e2e;

import org.linkage.stack.Stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one stack every end-to-end test class shares: started on first use on free ports in
 * target/e2e-stack, stopped when the test JVM exits.
 */
final class RunningStack {
    private static Stack stack;

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
            stack = Stack.start(Stack.Settings.ephemeral(root, data), m -> System.out.println("[e2e stack] " + m));
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "e2e-stack-stop"));
        }
        return stack;
    }
}
