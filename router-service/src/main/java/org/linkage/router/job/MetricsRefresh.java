package org.linkage.router.job;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.router.service.TicketMetrics;

/** Refreshes the ticket gauges on a timer, so a scrape never queries the database. */
@ApplicationScoped
public class MetricsRefresh {
    private final TicketMetrics metrics;

    public MetricsRefresh(TicketMetrics metrics) {
        this.metrics = metrics;
    }

    @Scheduled(every = "${linkage.metrics.tickets-refresh:30s}", delayed = "${linkage.metrics.refresh-delay:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        metrics.refresh();
    }
}
