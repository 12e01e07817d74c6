package org.linkage.router.job;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.router.config.RouterConfig;
import org.linkage.router.service.TicketClocks;

/**
 * Ends pauses at their approved end and returns parked tickets on their plan date, on its interval (off where
 * {@code linkage.router.clocks.enabled} is false).
 */
@ApplicationScoped
public class ClockJob {
    private final TicketClocks clocks;
    private final RouterConfig config;

    public ClockJob(TicketClocks clocks, RouterConfig config) {
        this.clocks = clocks;
        this.config = config;
    }

    @Scheduled(every = "${linkage.router.clocks.interval:60s}", delayed = "15s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.clocks().enabled()) {
            clocks.resumeDue();
        }
    }
}
