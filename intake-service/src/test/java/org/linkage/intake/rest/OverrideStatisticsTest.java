package org.linkage.intake.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.intake.classification.Disposition;
import org.linkage.intake.domain.Decision;
import org.linkage.intake.repository.CallRepository;
import org.linkage.intake.support.CallRows;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class OverrideStatisticsTest {
    @Inject
    CallRepository calls;

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void countsOverridesPerSuggestedCategory() {
        // A window of its own, so calls from other tests do not count.
        Instant day = Instant.parse("2001-01-01T00:00:00Z").plus(ThreadLocalRandom.current().nextInt(5000), ChronoUnit.DAYS);
        decided(day, "NOISE", Decision.CONFIRMED, Disposition.NON_POLICE, "NOISE");
        decided(day, "NOISE", Decision.CONFIRMED, Disposition.NON_POLICE, "NOISE");
        decided(day, "NOISE", Decision.OVERRIDDEN, Disposition.NON_POLICE, "PROPERTY");
        decided(day, "WAGES", Decision.OVERRIDDEN, Disposition.JOINT, "WAGES");
        CallRows.insert(calls, c -> c.receivedAt = day); // pending: says nothing about the suggestion yet

        var report = given().queryParam("from", day.toString().replace("Z", "+00:00"))
                .queryParam("to", day.plus(1, ChronoUnit.DAYS).toString().replace("Z", "+00:00"))
                .when().get("/api/statistics/overrides")
                .then().statusCode(200)
                .body("decided", equalTo(4))
                .body("overridden", equalTo(2))
                .body("categories.find { it.categoryCode == 'NOISE' }.decided", equalTo(3))
                .body("categories.find { it.categoryCode == 'NOISE' }.overridden", equalTo(1))
                .body("categories.find { it.categoryCode == 'NOISE' }.overriddenTo['NON_POLICE/PROPERTY']", equalTo(1))
                .body("categories.find { it.categoryCode == 'WAGES' }.overriddenTo['JOINT/WAGES']", equalTo(1))
                .body("categories.find { it.categoryCode == 'WAGES' }.nameEn", equalTo("Wages and labour"))
                .extract().jsonPath();
        assertEquals(1 / 3.0, report.getDouble("categories.find { it.categoryCode == 'NOISE' }.overrideRate"), 1e-6);
    }

    @Test
    @TestSecurity(user = "calltaker1", roles = "call-taker")
    void callTakersMayNotSeeThem() {
        given().when().get("/api/statistics/overrides").then().statusCode(403)
                .contentType("application/problem+json");
    }

    private void decided(Instant at, String suggested, Decision decision, Disposition disposition, String category) {
        CallRows.insert(calls, c -> {
            c.suggestedCategory = suggested;
            c.decision = decision;
            c.disposition = disposition;
            c.categoryCode = category;
            c.decidedBy = "calltaker1";
            c.decidedAt = at.plusSeconds(60);
            c.overrideReason = decision == Decision.OVERRIDDEN ? "test" : null;
        });
    }
}
