package org.linkage.testing;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where a {@code @QuarkusTest}'s management interface ({@code /q/health}, {@code /q/metrics}) listens: a port of its own,
 * free for each run ({@code quarkus.management.test-port=0}), never the application's.
 */
public final class Management {
    private Management() {
    }

    /** The port the running test application's management interface took. */
    public static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    /** The URL of {@code path} ({@code /q/metrics}, say) on the management interface. */
    public static String url(String path) {
        return "http://localhost:" + port() + path;
    }
}
