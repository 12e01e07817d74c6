package org.linkage.router.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linkage.router.repository.Ticket;
import org.linkage.router.repository.TicketHistory;
import org.linkage.router.support.Fixtures;
import org.linkage.router.support.TestClock;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each transition over HTTP by the role that makes it, and the illegal ones answering 409 with the status. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class LifecycleTest {
    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;
    @Inject
    org.linkage.router.service.AttachmentService attachments;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static io.restassured.response.ValidatableResponse post(String path, String json) {
        return given().contentType(ContentType.JSON).body(json).post(path).then();
    }

    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "CD-HRSS"))
    void leadUnitSignsThenWorksThenReplies() {
        Ticket t = fixtures.dispatched();
        post("/api/tickets/" + t.ticketNumber + "/sign", "{}").statusCode(200).body("status", equalTo("SIGNED"));
        post("/api/tickets/" + t.ticketNumber + "/progress", "{\"note\":\"已联系用人单位\"}").statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        post("/api/tickets/" + t.ticketNumber + "/reply", "{\"answer\":\"用人单位已承诺本周内支付\"}").statusCode(200)
                .body("status", equalTo("REPLIED"));
        Ticket after = fixtures.reload(t.ticketNumber);
        assertEquals("用人单位已承诺本周内支付", after.answer);
        assertTrue(after.replyWorkingMinutes >= 0);
        List<TicketHistory> h = fixtures.history(t.ticketNumber);
        assertEquals(List.of("CREATE", "DISPATCH", "SIGN", "PROGRESS", "REPLY"), h.stream().map(x -> x.action).toList());
        assertEquals("agent-hrss", h.get(2).actor);
        assertEquals("DISPATCHED", h.get(2).fromStatus);
        assertEquals("SIGNED", h.get(2).toStatus);
    }

    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "CD-HRSS"))
    void illegalTransitionsAnswer409WithTheCurrentStatus() {
        Ticket t = fixtures.dispatched();
        post("/api/tickets/" + t.ticketNumber + "/reply", "{\"answer\":\"x\"}").statusCode(409)
                .contentType("application/problem+json").body("currentStatus", equalTo("DISPATCHED"));
        Ticket signed = fixtures.signed();
        post("/api/tickets/" + signed.ticketNumber + "/sign", "{}").statusCode(409).body("currentStatus", equalTo("SIGNED"));
        Ticket replied = fixtures.replied();
        post("/api/tickets/" + replied.ticketNumber + "/return", "{\"reason\":\"不是我们的\"}").statusCode(409)
                .body("currentStatus", equalTo("REPLIED"));
    }

    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "CD-HRSS"))
    void returnOnlyWithinTheWindow() {
        Ticket inTime = fixtures.dispatched();
        post("/api/tickets/" + inTime.ticketNumber + "/return", "{\"reason\":\"属于区政府职责\"}").statusCode(200)
                .body("status", equalTo("RETURN_REVIEW"));
        Ticket late = fixtures.dispatched();
        clock.set(fixtures.reload(late.ticketNumber).returnBy.plus(Duration.ofMinutes(1)));
        post("/api/tickets/" + late.ticketNumber + "/return", "{\"reason\":\"属于区政府职责\"}").statusCode(409)
                .body("currentStatus", equalTo("DISPATCHED"));
        post("/api/tickets/" + late.ticketNumber + "/return", "{\"reason\":\"\"}").statusCode(400)
                .body("errors[0].field", equalTo("reason"));
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void redispatchAfterReturnIsANewVersionToAnotherUnit() {
        Ticket t = fixtures.returned();
        post("/api/tickets/" + t.ticketNumber + "/redispatch", "{\"departmentCode\":\"CD-HRSS\"}").statusCode(400)
                .body("errors[0].field", equalTo("departmentCode"));
        post("/api/tickets/" + t.ticketNumber + "/redispatch", "{\"departmentCode\":\"510107-GOV\",\"note\":\"由街道协调\"}")
                .statusCode(200).body("status", equalTo("DISPATCHED")).body("version", equalTo(2));
        given().get("/api/tickets/" + t.ticketNumber).then().body("leadDepartment.code", equalTo("510107-GOV"));
        List<org.linkage.router.support.KafkaSupport.Event> v2 = org.linkage.router.support.KafkaSupport.read(
                org.linkage.events.Topics.TICKETS, e -> t.id.toString().equals(e.key())
                        && org.linkage.events.EventTypes.TICKET_DISPATCHED.equals(e.type()) && e.data().get("version").asInt() == 2,
                1, Duration.ofSeconds(30));
        assertEquals("510107-GOV", v2.get(0).data().get("department").get("code").asText());
        // A second review of the same return is no longer possible.
        post("/api/tickets/" + t.ticketNumber + "/uphold", "{}").statusCode(409).body("currentStatus", equalTo("DISPATCHED"));
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void upheldReturnGoesBackToTheSameUnit() {
        Ticket t = fixtures.returned();
        post("/api/tickets/" + t.ticketNumber + "/uphold", "{\"note\":\"属于本单位职责\"}").statusCode(200)
                .body("status", equalTo("DISPATCHED")).body("version", equalTo(1));
        assertEquals("CD-HRSS", fixtures.reload(t.ticketNumber).leadDepartmentCode);
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void returnCallThenCloseOrReopen() {
        Ticket satisfied = fixtures.replied();
        post("/api/tickets/" + satisfied.ticketNumber + "/callback", "{\"satisfied\":true,\"solved\":true}").statusCode(200)
                .body("status", equalTo("CALLED_BACK"));
        post("/api/tickets/" + satisfied.ticketNumber + "/reopen", "{\"reason\":\"再看看\"}").statusCode(409)
                .body("currentStatus", equalTo("CALLED_BACK"));
        post("/api/tickets/" + satisfied.ticketNumber + "/close", "{}").statusCode(200).body("status", equalTo("CLOSED"));
        post("/api/tickets/" + satisfied.ticketNumber + "/close", "{}").statusCode(409).body("currentStatus", equalTo("CLOSED"));

        Ticket unhappy = fixtures.calledBack(false);
        Instant before = fixtures.reload(unhappy.ticketNumber).resolveBy;
        post("/api/tickets/" + unhappy.ticketNumber + "/reopen", "{\"reason\":\"工资仍未到账\"}").statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        Ticket reopened = fixtures.reload(unhappy.ticketNumber);
        assertEquals(1, reopened.reopenedCount);
        assertTrue(!reopened.resolveBy.equals(before), "a reopened ticket gets a fresh deadline");
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void reopenedTicketIsSentAgainToItsUnitsSystem() {
        Ticket unhappy = fixtures.calledBack(false);
        int before = fixtures.reload(unhappy.ticketNumber).version;
        post("/api/tickets/" + unhappy.ticketNumber + "/reopen", "{\"reason\":\"工资仍未到账\"}").statusCode(200)
                .body("version", equalTo(before + 1));
        List<org.linkage.router.support.KafkaSupport.Event> again = org.linkage.router.support.KafkaSupport.read(
                org.linkage.events.Topics.TICKETS, e -> unhappy.id.toString().equals(e.key())
                        && org.linkage.events.EventTypes.TICKET_DISPATCHED.equals(e.type())
                        && e.data().get("version").asInt() == before + 1,
                1, Duration.ofSeconds(30));
        assertEquals(1, again.size(), "the reopened ticket did not reach the bridge");
        assertEquals(fixtures.reload(unhappy.ticketNumber).leadDepartmentCode, again.get(0).data().get("department").get("code").asText());
        assertEquals(0, again.get(0).data().get("attachmentCount").asInt(), "it carries no file");
    }

    /**
     * The dispatch says how many files the ticket has, so the bridge asks for their links only when there are some
     * (issue 14): none on a new ticket's first dispatch, the file on a re-dispatch after one was added.
     */
    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void aDispatchSaysHowManyFilesTheTicketHas() {
        Ticket unhappy = fixtures.calledBack(false);
        List<org.linkage.router.support.KafkaSupport.Event> first = org.linkage.router.support.KafkaSupport.read(
                org.linkage.events.Topics.TICKETS, e -> unhappy.id.toString().equals(e.key())
                        && org.linkage.events.EventTypes.TICKET_DISPATCHED.equals(e.type()), 1, Duration.ofSeconds(30));
        assertEquals(0, first.get(0).data().get("attachmentCount").asInt());
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> attachments.upload(unhappy.ticketNumber,
                Fixtures.agent(fixtures.reload(unhappy.ticketNumber).leadDepartmentCode), "欠条.pdf",
                org.linkage.testing.files.Evidence.pdf(2_000)));
        int before = fixtures.reload(unhappy.ticketNumber).version;
        post("/api/tickets/" + unhappy.ticketNumber + "/reopen", "{\"reason\":\"补充了欠条\"}").statusCode(200);
        List<org.linkage.router.support.KafkaSupport.Event> again = org.linkage.router.support.KafkaSupport.read(
                org.linkage.events.Topics.TICKETS, e -> unhappy.id.toString().equals(e.key())
                        && org.linkage.events.EventTypes.TICKET_DISPATCHED.equals(e.type())
                        && e.data().get("version").asInt() == before + 1, 1, Duration.ofSeconds(30));
        assertEquals(1, again.get(0).data().get("attachmentCount").asInt());
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void manualQueueTicketIsAssignedByDistrict() {
        Ticket t = fixtures.dispatched("NOISE", null, "楼下烧烤店夜间噪音");
        assertEquals("PENDING_DISPATCH", t.status.name());
        given().get("/api/tickets?status=PENDING_DISPATCH&size=500").then().statusCode(200)
                .body("items.ticketNumber", org.hamcrest.Matchers.hasItem(t.ticketNumber));
        post("/api/tickets/" + t.ticketNumber + "/assign", "{\"districtCode\":\"NOWHERE\"}").statusCode(400)
                .body("errors[0].field", equalTo("districtCode"));
        post("/api/tickets/" + t.ticketNumber + "/assign", "{\"districtCode\":\"510108\"}").statusCode(200)
                .body("status", equalTo("DISPATCHED"));
        assertEquals("510108-URBAN", fixtures.reload(t.ticketNumber).leadDepartmentCode);
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void policeMatterIsTransferredBackTo110() {
        Ticket t = fixtures.dispatched();
        post("/api/tickets/" + t.ticketNumber + "/police-transfer", "{\"reason\":\"讨薪现场发生斗殴\"}").statusCode(200)
                .body("status", equalTo("TRANSFERRED_TO_POLICE"));
        List<org.linkage.router.support.KafkaSupport.Event> transfers = org.linkage.router.support.KafkaSupport.read(
                org.linkage.events.Topics.POLICE_TRANSFERS, e -> t.ticketNumber.equals(e.subject()), 1, Duration.ofSeconds(30));
        assertEquals("讨薪现场发生斗殴", transfers.get(0).data().get("reason").asText());
        assertEquals("DISPATCHER", transfers.get(0).data().get("origin").asText());
        assertEquals(t.callId.toString(), transfers.get(0).data().get("callId").asText());
        post("/api/tickets/" + t.ticketNumber + "/sign", "{}").statusCode(403);
    }

    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "CD-HRSS"))
    void extensionRequestNeedsALaterDateAndASignedTicket() {
        Ticket dispatched = fixtures.dispatched();
        post("/api/tickets/" + dispatched.ticketNumber + "/extensions", "{\"reason\":\"需现场核查\",\"newResolveBy\":\"2030-01-01T00:00:00Z\"}")
                .statusCode(409).body("currentStatus", equalTo("DISPATCHED"));
        Ticket t = fixtures.signed();
        post("/api/tickets/" + t.ticketNumber + "/extensions", "{\"reason\":\"需现场核查\",\"newResolveBy\":\"2020-01-01T00:00:00Z\"}")
                .statusCode(400).body("errors[0].field", equalTo("newResolveBy"));
        post("/api/tickets/" + t.ticketNumber + "/extensions", "{\"reason\":\"需现场核查\",\"newResolveBy\":\"2030-01-01T00:00:00Z\"}")
                .statusCode(200).body("status", equalTo("PENDING")).body("id", notNullValue());
        post("/api/tickets/" + t.ticketNumber + "/extensions", "{\"reason\":\"再次申请\",\"newResolveBy\":\"2031-01-01T00:00:00Z\"}")
                .statusCode(409);
    }
}
