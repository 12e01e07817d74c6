package org.linkage.bridge.config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.linkage.bridge.domain.DepartmentDirectory;

/** Builds the department directory from configuration once; a malformed entry stops start-up. */
@ApplicationScoped
public class DirectoryProducer {
    private static final Logger LOG = Logger.getLogger(DirectoryProducer.class);

    @Produces
    @Singleton
    DepartmentDirectory directory(BridgeConfig config) {
        return DepartmentDirectory.parse(config.departments().endpoints().orElse(null),
                config.departments().defaultEndpoint().orElse(null));
    }

    /** Built at start-up, so a typo fails the start rather than the first delivery; an empty one is said aloud. */
    void check(@Observes StartupEvent event, DepartmentDirectory directory) {
        if (LaunchMode.current() == LaunchMode.NORMAL && directory.empty()) {
            LOG.warn("No department endpoints configured (LINKAGE_DEPARTMENTS_DEFAULT_ENDPOINT, LINKAGE_BRIDGE_DEPARTMENTS):"
                    + " every webhook and Open311 delivery will be dead-lettered as not in the bridge's directory.");
        }
    }
}
