package org.linkage.commons.inbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Readiness check {@code inbox}: DOWN while any consumer is holding an event through a database fault,
 * naming the consumer, since when and the last error; UP again once the event has been applied. The
 * gauge {@code linkage.inbox.stalled} counts the consumers held.
 */
@ApplicationScoped
public class InboxHealth {
    record Stall(Instant since, String error) {
    }

    private final Map<String, Stall> stalled = new ConcurrentHashMap<>();
    private final Clock clock;

    public InboxHealth(Clock clock, MeterRegistry meters) {
        this.clock = clock;
        Gauge.builder("linkage.inbox.stalled", stalled, Map::size)
                .description("Consumers holding an event until the database is back")
                .register(meters);
    }

    void stalled(String consumer, Throwable error) {
        String reason = DeadLetters.reason(error);
        stalled.compute(consumer, (c, old) -> new Stall(old == null ? clock.instant() : old.since(), reason));
    }

    void recovered(String consumer) {
        stalled.remove(consumer);
    }

    public boolean isStalled(String consumer) {
        return stalled.containsKey(consumer);
    }

    HealthCheckResponse check() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("inbox").status(stalled.isEmpty());
        stalled.forEach((consumer, stall) -> response.withData(consumer,
                "waiting for the database since " + stall.since() + ": " + stall.error()));
        return response.build();
    }
}

