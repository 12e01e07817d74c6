package org.linkage.router.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.router.repository.Ticket;
import org.linkage.router.service.MonthlyThemes;
import org.linkage.router.service.TicketService;
import org.linkage.router.support.Fixtures;
import org.linkage.router.support.TestClock;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.linkage.router.rest.SupervisionTest.shanghai;

/**
 * The theme of the month (每月一题) on March 2027, suggested from February 2027 (no other test writes in either):
 * February has 3 NOISE tickets in 成华区 (510108), 2 CITY in 青羊区 (510105) and 1 ROADS in 金牛区 (510106).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class MonthlyThemeTest {
    @Inject
    Fixtures fixtures;
    @Inject
    TicketService tickets;
    @Inject
    AuditTrail audit;
    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private Ticket ticket(String local, String category, String district) {
        clock.set(shanghai(local));
        return fixtures.dispatched(category, district, "每月一题测试 " + UUID.randomUUID());
    }

    private void at(String local, Runnable step) {
        clock.set(shanghai(local));
        QuarkusTransaction.requiringNew().run(step);
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void aSupervisorFlagsASuggestedPairAndFollowsItsTickets() {
        for (int i = 0; i < 3; i++) {
            ticket("2027-02-08T10:0" + i, "NOISE", "510108");
        }
        ticket("2027-02-09T10:00", "CITY", "510105");
        ticket("2027-02-09T11:00", "CITY", "510105");
        ticket("2027-02-10T10:00", "ROADS", "510106");
        // March: the theme's three tickets, and two of the same category or district that are not its
        Ticket overdue = ticket("2027-03-01T09:00", "NOISE", "510108");
        Ticket solved = ticket("2027-03-01T09:00", "NOISE", "510108");
        Ticket unsatisfied = ticket("2027-03-01T09:00", "NOISE", "510108");
        ticket("2027-03-01T09:00", "NOISE", "510107");
        ticket("2027-03-01T09:00", "CITY", "510108");
        for (Ticket t : new Ticket[]{solved, unsatisfied}) {
            at("2027-03-01T10:00", () -> tickets.sign(t.ticketNumber, Fixtures.agent(t.leadDepartmentCode), null));
            at("2027-03-02T10:00", () -> tickets.reply(t.ticketNumber, Fixtures.agent(t.leadDepartmentCode), "已劝导"));
        }
        at("2027-03-03T10:00", () -> tickets.callBack(solved.ticketNumber, Fixtures.DISPATCHER, true, true, null));
        at("2027-03-03T10:00", () -> tickets.callBack(unsatisfied.ticketNumber, Fixtures.DISPATCHER, false, false, null));
        at("2027-03-03T11:00", () -> tickets.close(solved.ticketNumber, Fixtures.DISPATCHER, null));
        clock.set(shanghai("2027-03-20T10:00"));

        JsonPath suggested = given().get("/api/assessment/themes/suggestions?month=2027-03").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("NOISE", suggested.getString("[0].categoryCode"));
        assertEquals("510108", suggested.getString("[0].districtCode"));
        assertEquals("PREVIOUS_MONTH", suggested.getString("[0].source"));
        assertEquals(3, suggested.getInt("[0].count"));
        assertEquals("CITY", suggested.getString("[1].categoryCode"));
        assertEquals(2, suggested.getInt("[1].count"));
        assertEquals(false, suggested.getBoolean("[0].flagged"));

        String id = given().contentType(ContentType.JSON)
                .body("{\"month\":\"2027-03\",\"categoryCode\":\"NOISE\",\"districtCode\":\"510108\",\"note\":\"夜间施工噪音集中\"}")
                .post("/api/assessment/themes").then().statusCode(201)
                .body("districtNameZh", equalTo("成华区")).body("flaggedBy", equalTo("supervisor1"))
                .extract().path("id");
        // 3 tickets: one never signed and past its resolve-by, one solved and closed, one answered but unsatisfied
        given().get("/api/assessment/themes?month=2027-03").then().statusCode(200)
                .body("[0].id", equalTo(id))
                .body("[0].figures.tickets", equalTo(3))
                .body("[0].figures.open", equalTo(2))
                .body("[0].figures.overdue", equalTo(1))
                .body("[0].figures.resolved", equalTo(1))
                .body("[0].figures.calledBack", equalTo(2))
                .body("[0].figures.satisfied", equalTo(1))
                .body("[0].figures.satisfactionRate", equalTo(0.5f));
        given().get("/api/assessment/themes/" + id).then().statusCode(200)
                .body("tickets.ticketNumber", org.hamcrest.Matchers.containsInAnyOrder(overdue.ticketNumber,
                        solved.ticketNumber, unsatisfied.ticketNumber))
                .body("tickets.find { it.ticketNumber == '" + overdue.ticketNumber + "' }.overdue", equalTo(true))
                .body("tickets.find { it.ticketNumber == '" + solved.ticketNumber + "' }.status", equalTo("CLOSED"));
        given().get("/api/assessment/themes/suggestions?month=2027-03").then().statusCode(200)
                .body("[0].flagged", equalTo(true));
        assertEquals("FLAG", QuarkusTransaction.requiringNew().call(() ->
                audit.of(MonthlyThemes.ENTITY, UUID.fromString(id))).get(0).action());

        given().contentType(ContentType.JSON).body("{\"month\":\"2027-03\",\"categoryCode\":\"NOISE\",\"districtCode\":\"510108\"}")
                .post("/api/assessment/themes").then().statusCode(409).contentType(startsWith("application/problem+json"));
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void aThemeNamesAKnownCategoryDistrictAndMonth() {
        given().contentType(ContentType.JSON).body("{\"month\":\"2027-3\",\"categoryCode\":\"NOISE\",\"districtCode\":\"510108\"}")
                .post("/api/assessment/themes").then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body(containsString("month"));
        given().contentType(ContentType.JSON).body("{\"month\":\"2027-04\",\"categoryCode\":\"UFO\",\"districtCode\":\"510108\"}")
                .post("/api/assessment/themes").then().statusCode(400).body(containsString("categoryCode"));
        given().contentType(ContentType.JSON).body("{\"month\":\"2027-04\",\"categoryCode\":\"NOISE\",\"districtCode\":\"999999\"}")
                .post("/api/assessment/themes").then().statusCode(400).body(containsString("districtCode"));
        given().get("/api/assessment/themes/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void aDispatcherFollowsThemesButDoesNotFlagThem() {
        given().get("/api/assessment/themes?month=2027-03").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"month\":\"2027-05\",\"categoryCode\":\"NOISE\",\"districtCode\":\"510108\"}")
                .post("/api/assessment/themes").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "CD-HRSS"))
    void aUnitHasNoThemesPage() {
        given().get("/api/assessment/themes").then().statusCode(403);
        given().get("/api/assessment/themes/suggestions").then().statusCode(403);
    }
}
