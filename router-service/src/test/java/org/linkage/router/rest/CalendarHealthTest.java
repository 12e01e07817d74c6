package org.linkage.router.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linkage.router.support.TestClock;
import org.linkage.testing.Management;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Operators see when deadlines are about to be computed without the holiday calendar. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class CalendarHealthTest {
    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Inject
    EntityManager em;

    /** Far-future years no other test loads: 2097 has a calendar, 2098 has none. */
    private void withCalendarFor2097(Runnable check) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "insert into calendar_year (year, loaded_by) values (2097, 'CalendarHealthTest') on conflict do nothing").executeUpdate());
        try {
            check.run();
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "delete from calendar_year where year = 2097").executeUpdate());
        }
    }

    @Test
    void upWhileThisYearsCalendarIsLoaded() {
        withCalendarFor2097(() -> {
            clock.set(Instant.parse("2097-06-01T00:00:00Z"));
            given().get(Management.url("/q/health/well")).then().statusCode(200)
                    .body("checks.find { it.name == 'business-calendar' }.status", equalTo("UP"));
        });
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void downInDecemberWithoutNextYearsCalendarAndInAYearWithoutOne() {
        withCalendarFor2097(() -> {
            clock.set(Instant.parse("2097-12-01T02:00:00Z"));
            given().get(Management.url("/q/health/well")).then().statusCode(503)
                    .body("checks.find { it.name == 'business-calendar' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'business-calendar' }.data.missingYears", equalTo("[2098]"));
            // the admin screens read the same through the API (the management port is not theirs to reach)
            given().get("/api/admin/calendar-status").then().statusCode(200)
                    .body("missingYears", contains(2098))
                    .body("loadedYears", hasItem(2097));
            clock.set(Instant.parse("2098-03-01T02:00:00Z"));
            given().get(Management.url("/q/health/well")).then().statusCode(503);
            // readiness is not affected: tickets must still be dispatched
            given().get(Management.url("/q/health/ready")).then().statusCode(200)
                    .body("checks.name", org.hamcrest.Matchers.not(hasItem("business-calendar")));
        });
    }
}
