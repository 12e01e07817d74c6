package org.linkage.router.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linkage.router.support.Fixtures;
import org.linkage.router.support.TestClock;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;

/**
 * Issue 10, item 12: a city outside China's eastern zone counts its days, weeks and months in its own configured
 * zone ({@code linkage.router.zone}), not in Asia/Shanghai.
 */
@QuarkusTest
@TestProfile(StatisticsZoneTest.UrumqiTime.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class StatisticsZoneTest {
    public static class UrumqiTime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("linkage.router.zone", "Asia/Urumqi");
        }
    }

    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void periodsAreDaysOfTheConfiguredZone() {
        // 23:30 on Sunday 31 May in Urumqi (UTC+6) is already 01:30 on Monday 1 June in Shanghai
        clock.set(Instant.parse("2026-05-31T17:30:00Z"));
        fixtures.dispatched("NOISE", "510104", "周日深夜广场音响扰民");
        clock.set(Instant.parse("2026-06-20T00:00:00Z"));
        String range = "from=2026-05-31T00:00:00Z&to=2026-06-01T12:00:00Z";
        given().get("/api/statistics?groupBy=day&" + range).then().statusCode(200)
                .body("key", contains("2026-05-31")).body("received", contains(1));
        given().get("/api/statistics?groupBy=week&" + range).then().statusCode(200)
                .body("key", contains("2026-05-25")).body("received", contains(1));
        given().get("/api/statistics?groupBy=month&" + range).then().statusCode(200)
                .body("key", contains("2026-05")).body("received", contains(1));
    }
}
