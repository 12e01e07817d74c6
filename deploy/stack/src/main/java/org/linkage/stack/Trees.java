package org.linkage.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Folders the stack owns and starts again from nothing (a fault suite's data, Keycloak's database). */
public final class Trees {
    private Trees() {
    }

    /** Deletes {@code dir} with everything below it; nothing if it does not exist. */
    public static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
