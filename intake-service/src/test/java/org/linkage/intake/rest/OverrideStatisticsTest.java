package org.linkage.intake.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.intake.classification.Disposition;
import org.linkage.intake.domain.Decision;
import org.linkage.intake.repository.CallRepository;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.intake.service.OverrideExport;
import org.linkage.intake.support.CallRows;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class OverrideStatisticsTest {
    @Inject
    CallRepository calls;
    @Inject
    AuditTrail audit;

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

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void exportsOverriddenCallsForReviewWithoutPhoneOrNameAndAuditsIt() {
        Instant day = Instant.parse("2001-01-01T00:00:00Z").plus(ThreadLocalRandom.current().nextInt(5000), ChronoUnit.DAYS);
        decided(day, "NOISE", Decision.CONFIRMED, Disposition.NON_POLICE, "NOISE");
        CallRows.insert(calls, c -> {
            c.suggestedDisposition = Disposition.POLICE;
            c.suggestedCategory = "PUBLIC_ORDER";
            c.decision = Decision.OVERRIDDEN;
            c.disposition = Disposition.NON_POLICE;
            c.categoryCode = "CITY";
            c.decidedBy = "calltaker1";
            c.decidedAt = day.plusSeconds(60);
            c.overrideReason = "流浪狗, 不是警情";
            c.callerName = "王小明";
            c.callerPhone = "13900001111";
            c.content = "我是王小明，电话13900001111，小区里头流浪狗好多";
        });
        int before = audit.of(OverrideExport.ENTITY, "overrides").size();

        given().queryParam("from", day.toString().replace("Z", "+00:00"))
                .queryParam("to", day.plus(1, ChronoUnit.DAYS).toString().replace("Z", "+00:00"))
                .when().get("/api/statistics/overrides/export")
                .then().statusCode(200)
                .contentType(containsString("text/csv"))
                .body(containsString("text,label,category,suggested,suggested_category,reason,decided_at\n"))
                .body(containsString("我是[姓名]，电话[号码]，小区里头流浪狗好多,NON_POLICE,CITY,POLICE,PUBLIC_ORDER,\"流浪狗, 不是警情\","))
                .body(not(containsString("13900001111")))
                .body(not(containsString("王小明")))
                .body(not(containsString(",NOISE,")));   // confirmed calls are not exported
        assertEquals(before + 1, audit.of(OverrideExport.ENTITY, "overrides").size());
    }

    @Test
    @TestSecurity(user = "calltaker1", roles = "call-taker")
    void callTakersMayNotExportThem() {
        given().when().get("/api/statistics/overrides/export").then().statusCode(403)
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
