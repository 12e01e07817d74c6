package org.linkage.bridge.job;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.bridge.service.LookupLimiter;

/** Drops the public look-up's counts of ended windows every ten minutes. */
@ApplicationScoped
public class LookupWindowCleanup {
    private final LookupLimiter limiter;

    public LookupWindowCleanup(LookupLimiter limiter) {
        this.limiter = limiter;
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        limiter.forgetEndedWindows();
    }
}
