package org.linkage.intake.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventTypes;
import org.linkage.events.TicketStatusChanged;
import org.linkage.events.Topics;
import org.linkage.intake.support.CallFixtures;
import org.linkage.intake.support.KafkaClient;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@TestSecurity(user = "calltaker1", roles = "call-taker")
class TicketFeedbackTest {
    @Inject
    ObjectMapper json;

    @Test
    void everyStatusTheTicketPassesIsShownOnTheCall() throws Exception {
        var created = CallFixtures.postConfirmed(CallFixtures.WAGES);
        UUID callId = UUID.fromString(created.path("id"));
        UUID referralId = UUID.fromString(created.path("referral.referralId"));
        UUID ticketId = UUID.randomUUID();
        String ticketNumber = "12345-20261128-" + ticketId.toString().substring(0, 6);
        Instant t0 = Instant.parse("2026-11-28T02:00:00Z");

        publish(ticketId, new TicketStatusChanged(ticketId, ticketNumber, callId, referralId, "DISPATCHED", null,
                "CD-HRSS", "成都市人力资源和社会保障局", t0.plusSeconds(86400 * 3), null, null, null, "system:router", t0));
        publish(ticketId, new TicketStatusChanged(ticketId, ticketNumber, callId, referralId, "DISPATCHED", "DISPATCHED",
                "CD-HRSS", "成都市人力资源和社会保障局", null, null, null, "DELIVERED", "system:bridge", t0.plusSeconds(5)));
        publish(ticketId, new TicketStatusChanged(ticketId, ticketNumber, callId, referralId, "REPLIED", "DISPATCHED",
                "CD-HRSS", null, null, "已约谈用工单位", "用工单位已承诺本月底前结清欠薪", null, "agent-hrss",
                t0.plusSeconds(3600)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/api/calls/{id}", callId).then().statusCode(200)
                        .body("ticket.ticketNumber", equalTo(ticketNumber))
                        .body("ticket.status", equalTo("REPLIED"))
                        .body("ticket.deliveryStatus", equalTo("DELIVERED"))
                        .body("ticket.departmentCode", equalTo("CD-HRSS"))
                        .body("ticket.departmentName", equalTo("成都市人力资源和社会保障局"))
                        .body("ticket.finalAnswer", equalTo("用工单位已承诺本月底前结清欠薪"))
                        .body("ticket.statuses.status", contains("DISPATCHED", "DISPATCHED", "REPLIED"))
                        .body("audit.action", hasItem("TICKET_STATUS_REPORTED")));
    }

    @Test
    void aReplayedEventIsAppliedOnce() throws Exception {
        var created = CallFixtures.postConfirmed(CallFixtures.WAGES);
        UUID callId = UUID.fromString(created.path("id"));
        UUID ticketId = UUID.randomUUID();
        TicketStatusChanged dispatched = new TicketStatusChanged(ticketId, "12345-R-" + ticketId.toString().substring(0, 6),
                callId, null, "DISPATCHED", null, "CD-HRSS", null, null, null, null, null, "system:router",
                Instant.parse("2026-11-28T02:00:00Z"));
        String eventId = UUID.randomUUID().toString();
        String data = json.writeValueAsString(dispatched);
        KafkaClient.publish(Topics.TICKETS, ticketId.toString(), eventId, EventTypes.TICKET_STATUS_CHANGED,
                dispatched.ticketNumber(), data);
        KafkaClient.publish(Topics.TICKETS, ticketId.toString(), eventId, EventTypes.TICKET_STATUS_CHANGED,
                dispatched.ticketNumber(), data);
        // A later, distinct event marks the point by which the replay has certainly been consumed.
        TicketStatusChanged signed = new TicketStatusChanged(ticketId, dispatched.ticketNumber(), callId, null, "SIGNED",
                "DISPATCHED", "CD-HRSS", null, null, null, null, null, "agent-hrss", Instant.parse("2026-11-28T03:00:00Z"));
        publish(ticketId, signed);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/api/calls/{id}", callId).then()
                        .body("ticket.status", equalTo("SIGNED"))
                        .body("ticket.statuses", hasSize(2)));
    }

    @Test
    void aLateEventDoesNotMoveTheStatusBack() throws Exception {
        var created = CallFixtures.postConfirmed(CallFixtures.WAGES);
        UUID callId = UUID.fromString(created.path("id"));
        UUID ticketId = UUID.randomUUID();
        String number = "12345-L-" + ticketId.toString().substring(0, 6);
        publish(ticketId, new TicketStatusChanged(ticketId, number, callId, null, "SIGNED", "DISPATCHED", "CD-HRSS",
                null, null, null, null, null, "agent-hrss", Instant.parse("2026-11-28T03:00:00Z")));
        publish(ticketId, new TicketStatusChanged(ticketId, number, callId, null, "DISPATCHED", null, "CD-HRSS",
                null, null, null, null, null, "system:router", Instant.parse("2026-11-28T02:00:00Z")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/api/calls/{id}", callId).then()
                        .body("ticket.statuses", hasSize(2))
                        .body("ticket.statuses.status", contains("DISPATCHED", "SIGNED"))
                        .body("ticket.status", equalTo("SIGNED")));
    }

    @Test
    void anUnreadableEventDoesNotBlockTheOnesBehindIt() throws Exception {
        var created = CallFixtures.postConfirmed(CallFixtures.WAGES);
        UUID callId = UUID.fromString(created.path("id"));
        UUID ticketId = UUID.randomUUID();
        KafkaClient.publish(Topics.TICKETS, ticketId.toString(), UUID.randomUUID().toString(),
                EventTypes.TICKET_STATUS_CHANGED, "poison", "{\"ticketId\": \"not-a-uuid\", ");
        publish(ticketId, new TicketStatusChanged(ticketId, "12345-P-" + ticketId.toString().substring(0, 6), callId,
                null, "DISPATCHED", null, "CD-HRSS", null, null, null, null, null, "system:router",
                Instant.parse("2026-11-28T02:00:00Z")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/api/calls/{id}", callId).then().body("ticket.status", equalTo("DISPATCHED")));
    }

    private void publish(UUID ticketId, TicketStatusChanged event) throws Exception {
        KafkaClient.publish(Topics.TICKETS, ticketId.toString(), UUID.randomUUID().toString(),
                EventTypes.TICKET_STATUS_CHANGED, event.ticketNumber(), json.writeValueAsString(event));
    }
}
