package org.linkage.commons.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far the outbox is behind, per service: {@code linkage_outbox_depth} (events waiting), {@code
 * linkage_outbox_oldest_age_seconds} (how long the oldest has waited) and {@code linkage_outbox_parked_rows} (events
 * Kafka refused for good, waiting for a person).
 *
 * <p>A scrape reads the last values; the database is asked on a timer (every 15 s by default), never per scrape.
 * The queries stay cheap however large the service grows: published rows are deleted, so {@code outbox_event}
 * holds only the backlog; the oldest row is the lowest {@code seq}, one step down the primary key; and the depth is
 * counted only up to a cap, so a backlog of millions costs no more than the cap.
 */
@ApplicationScoped
public class OutboxMetrics {
    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);
    /** Beyond this the depth reads as the cap: the alert is on age, and counting further would cost a long scan. */
    static final long DEPTH_CAP = 100_000;

    private final DataSource dataSource;
    private final AtomicLong depth = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();

    public OutboxMetrics(DataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        Gauge.builder("linkage.outbox.depth", depth, AtomicLong::get)
                .description("Events written and not yet published (counted up to " + DEPTH_CAP + ")")
                .register(registry);
        Gauge.builder("linkage.outbox.oldest.age.seconds", oldestAgeMillis, v -> v.get() / 1000.0)
                .description("How long the oldest unpublished event has waited; 0 when the outbox is empty")
                .register(registry);
        Gauge.builder("linkage.outbox.parked.rows", parked, AtomicLong::get)
                .description("Events parked in outbox_parked (Kafka refused them for good) awaiting a person")
                .register(registry);
    }

    @Scheduled(every = "${linkage.metrics.refresh:15s}", delayed = "${linkage.metrics.refresh-delay:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("select count(*) from (select 1 from outbox_event limit " + DEPTH_CAP
                    + ") backlog")) {
                r.next();
                depth.set(r.getLong(1));
            }
            // Aged by the database's clock against the writer's timestamp (both NTP-synchronised in production).
            try (ResultSet r = s.executeQuery("select occurred_at, now() from outbox_event order by seq limit 1")) {
                if (r.next()) {
                    Timestamp oldest = r.getTimestamp(1);
                    Timestamp now = r.getTimestamp(2);
                    oldestAgeMillis.set(Math.max(0, now.getTime() - oldest.getTime()));
                } else {
                    oldestAgeMillis.set(0);
                }
            }
            try (ResultSet r = s.executeQuery("select count(*) from outbox_parked")) {
                r.next();
                parked.set(r.getLong(1));
            }
        } catch (SQLException | RuntimeException e) {
            // The last values stand; the database being away shows in health checks and in the relay's own log.
            LOG.debugf("outbox metrics not refreshed: %s", e.getMessage());
        }
    }
}
