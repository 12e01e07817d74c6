package org.linkage.router.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linkage.commons.audit.AuditRecord;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.router.domain.AppealGround;
import org.linkage.router.repository.Ticket;
import org.linkage.router.service.AppealService;
import org.linkage.router.support.Fixtures;
import org.linkage.router.support.TestClock;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.linkage.router.rest.SupervisionTest.shanghai;

/**
 * Appeals (申诉) over HTTP, on tickets of August 2026 (no other test counts that month). A WAGES ticket in 武侯区 has
 * lead CD-HRSS and supporting 510107-GOV; 510107-URBAN is a stranger to it.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class AppealTest {
    private static final String HRSS = "CD-HRSS";

    @Inject
    Fixtures fixtures;
    @Inject
    AppealService appeals;
    @Inject
    AuditTrail audit;
    @Inject
    TestClock clock;

    @BeforeEach
    void inAugust() {
        clock.set(shanghai("2026-08-10T09:00"));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private AppealService.AppealView filed(Ticket t) {
        return QuarkusTransaction.requiringNew().call(() -> appeals.file(t.ticketNumber,
                Fixtures.agent(t.leadDepartmentCode), AppealGround.UNREASONABLE_DEMAND, "要求超出法定标准"));
    }

    private List<AuditRecord> audited(UUID appeal) {
        return QuarkusTransaction.requiringNew().call(() -> audit.of(AppealService.ENTITY, appeal));
    }

    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = HRSS))
    void theLeadUnitAppealsATicketOnceAndSeesItOnTheTicket() {
        Ticket t = fixtures.signed();
        Ticket another = fixtures.dispatched("NOISE", "510107", "广场舞音响扰民 " + UUID.randomUUID());
        filed(another);
        String base = "/api/tickets/" + t.ticketNumber + "/appeals";
        given().get(base).then().statusCode(200).body("mayFile", equalTo(true)).body("appeals", hasSize(0));

        given().contentType(ContentType.JSON).body("{\"ground\":\"OTHER\",\"reason\":\" \"}").post(base).then()
                .statusCode(400).contentType(startsWith("application/problem+json")).body(containsString("reason"));
        given().contentType(ContentType.JSON).body("{\"ground\":\"BAD_MOOD\"}").post(base).then()
                .statusCode(400).contentType(startsWith("application/problem+json"));
        given().contentType(ContentType.JSON).body("{}").post(base).then()
                .statusCode(400).contentType(startsWith("application/problem+json")).body(containsString("ground"));

        String id = given().contentType(ContentType.JSON)
                .body("{\"ground\":\"WRONG_DISPATCH\",\"reason\":\"属用工所在区劳动监察职责\"}").post(base).then()
                .statusCode(201).body("status", equalTo("PENDING")).body("groundZh", equalTo("派单错误"))
                .body("departmentCode", equalTo(HRSS)).body("ticketNumber", equalTo(t.ticketNumber))
                .extract().path("id");
        given().get(base).then().statusCode(200).body("mayFile", equalTo(false)).body("appeals.id", hasItem(id));
        given().contentType(ContentType.JSON).body("{\"ground\":\"UNREASONABLE_DEMAND\"}").post(base).then()
                .statusCode(409).contentType(startsWith("application/problem+json"))
                .body("appealStatus", equalTo("PENDING"));
        given().get("/api/tickets/" + t.ticketNumber).then().statusCode(200).body("history.action", hasItem("APPEAL_FILED"));

        // the unit's queue holds its own appeals only
        given().get("/api/assessment/appeals?status=pending&month=2026-08").then().statusCode(200)
                .body("id", hasItem(id)).body("departmentCode", not(hasItem("510107-URBAN")));
        List<AuditRecord> trail = audited(UUID.fromString(id));
        assertEquals("FILE", trail.get(0).action());
        assertEquals("agent-hrss", trail.get(0).actor());
    }

    @Test
    @TestSecurity(user = "agent-wuhou-gov", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "510107-GOV"))
    void aSupportingUnitIsNotCountedSoItDoesNotAppeal() {
        Ticket t = fixtures.signed();
        String base = "/api/tickets/" + t.ticketNumber + "/appeals";
        given().get(base).then().statusCode(200).body("mayFile", equalTo(false));
        given().contentType(ContentType.JSON).body("{\"ground\":\"WRONG_DISPATCH\"}").post(base).then()
                .statusCode(403).contentType(startsWith("application/problem+json"));
    }

    @Test
    @TestSecurity(user = "agent-wuhou", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "510107-URBAN"))
    void anotherUnitsTicketIsNotThereToAppeal() {
        Ticket t = fixtures.signed();
        AppealService.AppealView theirs = filed(t);
        String base = "/api/tickets/" + t.ticketNumber + "/appeals";
        given().get(base).then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"ground\":\"WRONG_DISPATCH\"}").post(base).then().statusCode(404);
        given().get("/api/assessment/appeals").then().statusCode(200).body("id", not(hasItem(theirs.id().toString())));
        given().contentType(ContentType.JSON).body("{\"accept\":true,\"reason\":\"r\"}")
                .post("/api/assessment/appeals/" + theirs.id() + "/decision").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void onlyAUnitFilesAnAppeal() {
        Ticket t = fixtures.signed();
        given().contentType(ContentType.JSON).body("{\"ground\":\"WRONG_DISPATCH\"}")
                .post("/api/tickets/" + t.ticketNumber + "/appeals").then().statusCode(403);
        given().get("/api/tickets/" + t.ticketNumber + "/appeals").then().statusCode(200).body("mayFile", equalTo(false));
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void aSupervisorDecidesOnceWithAReason() {
        Ticket t = fixtures.signed();
        AppealService.AppealView appeal = filed(t);
        given().get("/api/assessment/appeals?status=PENDING").then().statusCode(200).body("id", hasItem(appeal.id().toString()));
        String decision = "/api/assessment/appeals/" + appeal.id() + "/decision";

        given().contentType(ContentType.JSON).body("{\"accept\":true}").post(decision).then()
                .statusCode(400).contentType(startsWith("application/problem+json")).body(containsString("reason"));
        given().contentType(ContentType.JSON).body("{\"accept\":true,\"reason\":\"来电人要求超出政策\"}").post(decision).then()
                .statusCode(200).body("status", equalTo("ACCEPTED")).body("decidedBy", equalTo("supervisor1"))
                .body("decisionReason", equalTo("来电人要求超出政策"));
        given().contentType(ContentType.JSON).body("{\"accept\":false,\"reason\":\"改判\"}").post(decision).then()
                .statusCode(409).contentType(startsWith("application/problem+json")).body("appealStatus", equalTo("ACCEPTED"));
        given().get("/api/assessment/appeals?status=pending").then().statusCode(200).body("id", not(hasItem(appeal.id().toString())));
        given().get("/api/tickets/" + t.ticketNumber).then().statusCode(200).body("history.action", hasItem("APPEAL_ACCEPTED"));
        List<AuditRecord> trail = audited(appeal.id());
        assertEquals(List.of("FILE", "ACCEPT"), trail.stream().map(AuditRecord::action).toList());
        assertEquals("supervisor1", trail.get(1).actor());

        given().contentType(ContentType.JSON).body("{\"accept\":true,\"reason\":\"r\"}")
                .post("/api/assessment/appeals/" + UUID.randomUUID() + "/decision").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"accept\":true,\"reason\":\"r\"}")
                .post("/api/assessment/appeals/not-an-id/decision").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        given().get("/api/assessment/appeals?status=maybe").then().statusCode(400);
    }
}
