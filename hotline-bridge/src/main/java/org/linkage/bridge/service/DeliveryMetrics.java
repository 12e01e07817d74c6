package org.linkage.bridge.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.linkage.bridge.domain.AttemptResult;
import org.linkage.bridge.repository.Delivery;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bridge's meters per department: attempts by outcome ({@code linkage_bridge_delivery_attempts_total}), their
 * latency ({@code linkage_bridge_delivery_latency_seconds}, a histogram), deliveries dead-lettered
 * ({@code linkage_bridge_delivery_dead_letters_total}, by cause), dead letters still waiting for a dispatcher
 * ({@code linkage_bridge_deliveries_dead_lettered}, a gauge) and refused status webhooks
 * ({@code linkage_bridge_inbound_refusals_total}, by reason).
 *
 * <p>Department codes arrive in events and URL paths, so a tag takes a code only while fewer than
 * {@value #MAX_DEPARTMENTS} are known; beyond that a flood of invented codes lands in {@code other} instead of in
 * Prometheus. The gauge is counted on a timer (every 15 s by default), never per scrape, through the
 * {@code delivery_status} index: only dead-lettered rows are read, not the delivered bulk.
 */
@ApplicationScoped
public class DeliveryMetrics {
    private static final Logger LOG = Logger.getLogger(DeliveryMetrics.class);
    static final int MAX_DEPARTMENTS = 500;

    private final MeterRegistry registry;
    private final DataSource dataSource;
    private final SigningKeyStore keys;
    private final Set<String> departments = ConcurrentHashMap.newKeySet();
    private final MultiGauge deadLettered;

    public DeliveryMetrics(MeterRegistry registry, DataSource dataSource, SigningKeyStore keys) {
        this.registry = registry;
        this.dataSource = dataSource;
        this.keys = keys;
        this.deadLettered = MultiGauge.builder("linkage.bridge.deliveries.dead.lettered")
                .description("Deliveries dead-lettered and not replayed: tickets a department has not received")
                .register(registry);
    }

    /** One attempt's result, with its latency; attempts that sent nothing (refused before a request) have none. */
    public void attempt(Delivery d, AttemptResult result) {
        String department = department(d.departmentCode);
        Counter.builder("linkage.bridge.delivery.attempts")
                .description("Delivery attempts to department systems, by outcome")
                .tags("department", department, "adapter", d.adapter.name(), "outcome", result.outcome().name())
                .register(registry).increment();
        if (result.responseCode() != null || result.outcome().endpointFault()) {
            Timer.builder("linkage.bridge.delivery.latency")
                    .description("Time from sending a delivery to the department's answer (or the time-out)")
                    .tags("department", department, "adapter", d.adapter.name())
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(5)).maximumExpectedValue(Duration.ofSeconds(30))
                    .register(registry).record(Duration.ofMillis(result.latencyMs()));
        }
    }

    /**
     * A delivery given up on: {@code refused} (the directory does not admit the event's endpoint), {@code rejected}
     * (the department refused the request, or it could not be built) or {@code exhausted} (out of retries).
     */
    public void deadLettered(Delivery d, String cause) {
        Counter.builder("linkage.bridge.delivery.dead.letters")
                .description("Deliveries dead-lettered, by cause")
                .tags("department", department(d.departmentCode), "cause", cause)
                .register(registry).increment();
    }

    /** A status webhook answered 401; the department tag only for units with a key of their own. */
    public void inboundRefused(String departmentCode, String reason) {
        String department = departmentCode != null && keys.inbound(departmentCode).isPresent() ? departmentCode : "unknown";
        Counter.builder("linkage.bridge.inbound.refusals")
                .description("Status webhooks from departments refused (401), by reason")
                .tags("department", department, "reason", reason)
                .register(registry).increment();
    }

    public void refresh() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select department_code, count(*) from delivery"
                     + " where status = 'DEAD_LETTERED' group by department_code")) {
            while (r.next()) {
                counts.merge(department(r.getString(1)), r.getLong(2), Long::sum);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("delivery metrics not refreshed: %s", e.getMessage());
            return;
        }
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        counts.forEach((department, count) -> rows.add(MultiGauge.Row.of(Tags.of("department", department), count)));
        // Overwrite: a department whose dead letters were all replayed drops out instead of reading 0 for ever.
        deadLettered.register(rows, true);
    }

    private String department(String code) {
        if (code == null) {
            return "unknown";
        }
        if (departments.contains(code) || (departments.size() < MAX_DEPARTMENTS && departments.add(code))) {
            return code;
        }
        return "other";
    }
}
