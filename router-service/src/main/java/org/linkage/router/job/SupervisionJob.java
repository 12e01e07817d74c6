package org.linkage.router.job;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.router.config.RouterConfig;
import org.linkage.router.service.SupervisionService;

/** Runs the supervision ladder on its interval (off where {@code linkage.router.supervision.enabled} is false). */
@ApplicationScoped
public class SupervisionJob {
    private final SupervisionService supervision;
    private final RouterConfig config;

    public SupervisionJob(SupervisionService supervision, RouterConfig config) {
        this.supervision = supervision;
        this.config = config;
    }

    @Scheduled(every = "${linkage.router.supervision.interval:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.supervision().enabled()) {
            supervision.runOnce();
        }
    }
}
