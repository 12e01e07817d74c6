package org.linkage.router.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.events.Topics;
import org.linkage.router.repository.Ticket;
import org.linkage.router.support.Fixtures;
import org.linkage.router.support.KafkaSupport;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bridge's contract (role service): department updates and Open311 requests. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class IntegrationTest {
    @Inject
    Fixtures fixtures;

    private static io.restassured.response.ValidatableResponse update(String number, String json) {
        return given().contentType(ContentType.JSON).body(json).post("/api/integration/tickets/" + number + "/updates").then();
    }

    @Test
    @TestSecurity(user = "hotline-bridge", roles = "service:bridge")
    void departmentSystemSignsAndRepliesThroughTheBridge() {
        Ticket t = fixtures.dispatched();
        update(t.ticketNumber, "{\"departmentCode\":\"CD-HRSS\",\"action\":\"SIGN\",\"externalRef\":\"HR-1\"}").statusCode(200)
                .body("ticketNumber", equalTo(t.ticketNumber)).body("status", equalTo("SIGNED"));
        update(t.ticketNumber, "{\"departmentCode\":\"CD-HRSS\",\"action\":\"REPLY\"}").statusCode(400)
                .body("errors[0].field", equalTo("answer"));
        update(t.ticketNumber, "{\"departmentCode\":\"CD-HRSS\",\"action\":\"REPLY\",\"answer\":\"已处理\"}").statusCode(200)
                .body("status", equalTo("REPLIED"));
        update(t.ticketNumber, "{\"departmentCode\":\"CD-HRSS\",\"action\":\"SIGN\"}").statusCode(409)
                .body("currentStatus", equalTo("REPLIED"));
    }

    @Test
    @TestSecurity(user = "hotline-bridge", roles = "service:bridge")
    void anotherDepartmentsTicketIsNotFound() {
        Ticket t = fixtures.dispatched();
        update(t.ticketNumber, "{\"departmentCode\":\"CD-EDU\",\"action\":\"SIGN\"}").statusCode(404);
        update("12345-19990101-999999", "{\"departmentCode\":\"CD-HRSS\",\"action\":\"SIGN\"}").statusCode(404);
    }

    @Test
    @TestSecurity(user = "hotline-bridge", roles = "service:bridge")
    void open311RequestBecomesADispatchedTicket() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString()).body("""
                {"channel":"OPEN311:citizen-app","categoryCode":"NOISE","content":"广场舞音响太大","address":"成都市武侯区簇桥街道某广场",
                 "callerName":"王五","callerPhone":"13900001111","email":"wang@example.com"}""")
                .post("/api/integration/requests").then().statusCode(201)
                .body("ticketNumber", matchesPattern("12345-\\d{8}-\\d{6}")).body("status", equalTo("DISPATCHED"));
    }

    @Test
    @TestSecurity(user = "hotline-bridge", roles = "service:bridge")
    void policeMatterReceivedOn12345GoesTo110() {
        String number = given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString()).body("""
                {"channel":"OPEN311:citizen-app","categoryCode":"FRAUD","content":"接到冒充客服电话被骗转账","callerPhone":"13900002222"}""")
                .post("/api/integration/requests").then().statusCode(201)
                .body("status", equalTo("TRANSFERRED_TO_POLICE")).extract().path("ticketNumber");
        var transfers = KafkaSupport.read(Topics.POLICE_TRANSFERS, e -> number.equals(e.subject()), 1, Duration.ofSeconds(30));
        assertEquals("OPEN311", transfers.get(0).data().get("origin").asText());
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void peopleCannotUseTheIntegrationApi() {
        given().contentType(ContentType.JSON).body("{}").post("/api/integration/requests").then().statusCode(403);
    }
}
