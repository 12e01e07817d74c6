package org.linkage.router.config;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.linkage.router.repository.CalendarYear;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;

/**
 * Without the State Council's holiday calendar for a year, deadlines in it count Monday to Friday only: a Spring
 * Festival week would be working days. Shown on {@code /q/health/well} (never on readiness: tickets must still be
 * dispatched), DOWN when this year's calendar, or from December next year's, is not loaded; and to the admin screens
 * through {@code GET /api/admin/calendar-status}, since the management interface is for Prometheus and the kubelet.
 */
@Wellness
@ApplicationScoped
public class CalendarHealth implements HealthCheck {
    private final Clock clock;
    private final RouterConfig config;

    public CalendarHealth(Clock clock, RouterConfig config) {
        this.clock = clock;
        this.config = config;
    }

    /** The years loaded, and those needed now but missing (this year; from December next year too). */
    public record Status(List<Integer> loadedYears, List<Integer> missingYears) {
    }

    public Status status() {
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of(config.zone())));
        List<Integer> needed = new ArrayList<>(List.of(today.getYear()));
        if (today.getMonth() == Month.DECEMBER) {
            needed.add(today.getYear() + 1);
        }
        List<Integer> years = io.quarkus.narayana.jta.QuarkusTransaction.joiningExisting().call(CalendarYear::loadedYears);
        return new Status(years, needed.stream().filter(y -> !years.contains(y)).toList());
    }

    @Override
    public HealthCheckResponse call() {
        Status status = status();
        return HealthCheckResponse.named("business-calendar")
                .status(status.missingYears().isEmpty())
                .withData("loadedYears", status.loadedYears().toString())
                .withData("missingYears", status.missingYears().toString())
                .withData("load", "PUT /api/admin/calendar/{year} (admin)")
                .build();
    }
}
