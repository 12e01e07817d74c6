package org.linkage.bridge.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;
import org.linkage.bridge.domain.DepartmentDirectory;

/** Builds the department directory from configuration once; a malformed entry stops start-up. */
@ApplicationScoped
public class DirectoryProducer {
    @Produces
    @Singleton
    DepartmentDirectory directory(BridgeConfig config) {
        return DepartmentDirectory.parse(config.departments().endpoints().orElse(null),
                config.departments().defaultEndpoint().orElse(null));
    }
}
