package org.linkage.commons.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The readiness check {@code inbox}, as kept by {@link InboxHealth}. */
@Readiness
@ApplicationScoped
public class InboxReadiness implements HealthCheck {
    private final InboxHealth health;

    public InboxReadiness(InboxHealth health) {
        this.health = health;
    }

    @Override
    public HealthCheckResponse call() {
        return health.check();
    }
}
