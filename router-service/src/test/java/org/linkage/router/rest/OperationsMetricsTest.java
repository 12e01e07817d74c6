package org.linkage.router.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linkage.commons.outbox.OutboxMetrics;
import org.linkage.router.repository.Ticket;
import org.linkage.router.service.SupervisionService;
import org.linkage.router.service.TicketMetrics;
import org.linkage.router.support.Fixtures;
import org.linkage.router.support.TestClock;
import org.linkage.testing.Management;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;
import org.linkage.testing.Scrape;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the operations room reads from the router on /q/metrics follows the tickets, the ladder and the calendar. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class OperationsMetricsTest {
    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;
    @Inject
    TicketMetrics metrics;
    @Inject
    OutboxMetrics outbox;
    @Inject
    SupervisionService supervision;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static Instant shanghai(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    /** The gauges read what the last refresh counted; a test refreshes, then scrapes over HTTP. */
    Scrape scrape() {
        metrics.refresh();
        return Scrape.of(given().get(Management.url("/q/metrics")).then().statusCode(200).extract().asString());
    }

    @Test
    void openTicketsByStatusOverdueAndSupervisionLevelsFollowTheTickets() {
        clock.set(shanghai("2026-11-23T09:00"));
        Scrape before = scrape();
        Ticket dispatched = fixtures.dispatched();
        Ticket signed = fixtures.signed();
        Scrape created = scrape();
        assertEquals(1, created.value("linkage_router_tickets_open", "status", "DISPATCHED")
                - before.value("linkage_router_tickets_open", "status", "DISPATCHED"), 0.0);
        assertEquals(1, created.value("linkage_router_tickets_open", "status", "SIGNED")
                - before.value("linkage_router_tickets_open", "status", "SIGNED"), 0.0);

        // Weeks later both are past their resolve-by deadline, and the ladder has taken them up.
        clock.set(dispatched.resolveBy.plusSeconds(14 * 24 * 3600));
        Scrape late = scrape();
        assertTrue(late.value("linkage_router_tickets_overdue") - created.value("linkage_router_tickets_overdue") >= 2);
        assertTrue(late.value("linkage_router_tickets_overdue") <= late.value("linkage_router_tickets_open", "status", "DISPATCHED")
                + late.value("linkage_router_tickets_open", "status", "SIGNED")
                + late.value("linkage_router_tickets_open", "status", "IN_PROGRESS"), "only tickets a department owes");
        double levelsBefore = late.value("linkage_router_tickets_supervision");
        supervision.runOnce();
        Ticket reloaded = fixtures.reload(signed.ticketNumber);
        assertTrue(reloaded.supervisionLevel != null, "the ladder acted on the late ticket");
        Scrape supervised = scrape();
        assertTrue(supervised.value("linkage_router_tickets_supervision") - levelsBefore >= 2);
        assertTrue(supervised.value("linkage_router_tickets_supervision", "level", reloaded.supervisionLevel.name()) >= 1);
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void aMissingCalendarShowsThisYearAlwaysAndNextYearInDecember() {
        given().contentType(ContentType.JSON).body("{\"holidays\":[],\"workdays\":[]}").put("/api/admin/calendar/2034")
                .then().statusCode(200);

        clock.set(shanghai("2033-12-05T10:00"));
        Scrape december = scrape();
        assertEquals(0, december.value("linkage_router_calendar_next_year_missing_in_december"), 0.0);
        assertEquals(1, december.value("linkage_router_calendar_this_year_missing"), 0.0);

        clock.set(shanghai("2034-12-05T10:00"));
        Scrape next = scrape();
        assertEquals(1, next.value("linkage_router_calendar_next_year_missing_in_december"), 0.0);
        assertEquals(0, next.value("linkage_router_calendar_this_year_missing"), 0.0);

        clock.set(shanghai("2034-11-30T10:00"));
        assertEquals(0, scrape().value("linkage_router_calendar_next_year_missing_in_december"), 0.0);
    }

    @Test
    void everyRouterMetricTheAlertsAndDashboardReadIsEmitted() {
        outbox.refresh();
        Set<String> present = scrape().names();
        Set<String> used = new TreeSet<>(Scrape.usedByMonitoring("linkage_router_"));
        used.addAll(Scrape.usedByMonitoring("linkage_outbox_"));
        assertTrue(used.size() >= 6, "the rules and dashboard read the router's meters: " + used);
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(present);
        assertEquals(Set.of(), missing, "read by deploy/k8s/base/monitoring but not on the router's /q/metrics");
        assertTrue(present.contains("kafka_consumer_fetch_manager_records_lag_max"), "Kafka consumer lag");
    }
}
