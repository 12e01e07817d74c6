package org.linkage.router.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linkage.router.support.TestClock;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Instant;

import static io.restassured.RestAssured.given;
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

    @Test
    void upWhileThisYearsCalendarIsLoaded() {
        clock.set(Instant.parse("2026-06-01T00:00:00Z"));
        given().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'business-calendar' }.status", equalTo("UP"));
    }

    @Test
    void downInDecemberWithoutNextYearsCalendarAndInAYearWithoutOne() {
        clock.set(Instant.parse("2026-12-01T02:00:00Z"));
        given().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'business-calendar' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'business-calendar' }.data.missingYears", equalTo("[2027]"));
        clock.set(Instant.parse("2027-03-01T02:00:00Z"));
        given().get("/q/health/well").then().statusCode(503);
        // readiness is not affected: tickets must still be dispatched
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", org.hamcrest.Matchers.not(hasItem("business-calendar")));
    }
}
