package org.linkage.router.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.router.repository.ExtensionRequest;
import org.linkage.router.repository.Ticket;
import org.linkage.router.service.TicketService;
import org.linkage.router.support.Fixtures;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class SupervisorActionsTest {
    @Inject
    Fixtures fixtures;
    @Inject
    TicketService tickets;

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void approvedExtensionMovesTheResolveDeadlineAndARejectedOneDoesNot() {
        Ticket t = fixtures.signed();
        Instant wanted = Instant.parse("2030-06-01T09:00:00Z");
        ExtensionRequest x = QuarkusTransaction.requiringNew().call(() ->
                tickets.requestExtension(t.ticketNumber, Fixtures.agent("CD-HRSS"), "需调取劳动合同", wanted));
        given().get("/api/tickets/" + t.ticketNumber + "/extensions").then().statusCode(200)
                .body("[0].id", equalTo(x.id.toString())).body("[0].status", equalTo("PENDING"));
        given().contentType(ContentType.JSON).body("{\"approve\":true,\"note\":\"同意\"}")
                .post("/api/tickets/" + t.ticketNumber + "/extensions/" + x.id + "/decision")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
        assertEquals(wanted, fixtures.reload(t.ticketNumber).resolveBy);
        given().contentType(ContentType.JSON).body("{\"approve\":false}")
                .post("/api/tickets/" + t.ticketNumber + "/extensions/" + x.id + "/decision")
                .then().statusCode(409);

        Ticket other = fixtures.signed();
        Instant before = other.resolveBy;
        ExtensionRequest y = QuarkusTransaction.requiringNew().call(() ->
                tickets.requestExtension(other.ticketNumber, Fixtures.agent("CD-HRSS"), "理由", wanted));
        given().contentType(ContentType.JSON).body("{\"approve\":false,\"note\":\"期限内可办结\"}")
                .post("/api/tickets/" + other.ticketNumber + "/extensions/" + y.id + "/decision")
                .then().statusCode(200).body("status", equalTo("REJECTED"));
        assertEquals(before, fixtures.reload(other.ticketNumber).resolveBy);
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void supervisorChasesByHandAndSeesItOnTheTicket() {
        Ticket t = fixtures.signed();
        given().contentType(ContentType.JSON).body("{\"step\":\"SUPERVISE\",\"note\":\"请加快办理\"}")
                .post("/api/tickets/" + t.ticketNumber + "/supervision").then().statusCode(200);
        given().get("/api/tickets/" + t.ticketNumber).then().statusCode(200)
                .body("supervisionLevel", equalTo("SUPERVISE"))
                .body("history.action", org.hamcrest.Matchers.hasItem("SUPERVISION_SUPERVISE"));
        given().contentType(ContentType.JSON).body("{\"step\":\"WARNING\"}")
                .post("/api/tickets/" + t.ticketNumber + "/supervision").then().statusCode(400)
                .body("errors[0].field", equalTo("step"));
        given().contentType(ContentType.JSON).body("{\"step\":\"LOUDER\"}")
                .post("/api/tickets/" + t.ticketNumber + "/supervision").then().statusCode(400);
    }
}
