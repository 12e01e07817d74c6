package org.linkage.bridge.job;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.bridge.service.DeliveryMetrics;

/** Refreshes the delivery gauges on a timer, so a scrape never queries the database. */
@ApplicationScoped
public class MetricsRefresh {
    private final DeliveryMetrics metrics;

    public MetricsRefresh(DeliveryMetrics metrics) {
        this.metrics = metrics;
    }

    @Scheduled(every = "${linkage.metrics.refresh:15s}", delayed = "${linkage.metrics.refresh-delay:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        metrics.refresh();
    }
}
