package org.linkage.router.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.events.DeliveryOutcome;
import org.linkage.events.EventTypes;
import org.linkage.events.Topics;
import org.linkage.router.domain.SupervisionStep;
import org.linkage.router.repository.Ticket;
import org.linkage.router.service.TicketService;
import org.linkage.router.support.Fixtures;
import org.linkage.router.support.KafkaSupport;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10, item 6: a note is internal unless marked public, and no internal text leaves the router. Everything
 * outside the router (intake's call page, the bridge's Open311 server, the public case look-up, receipts) reads the
 * ticket only through linkage.tickets, so the test reads every event of the ticket and of a ticket merged into it.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class PublicNotesTest {
    @Inject
    Fixtures fixtures;
    @Inject
    TicketService tickets;

    private static io.restassured.response.ValidatableResponse post(String path, String json) {
        return given().contentType(ContentType.JSON).body(json).post(path).then();
    }

    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "CD-HRSS"))
    void onlyPublicNotesAndTheAnswerLeaveTheRouterAlsoForMergedTickets() {
        Ticket master = fixtures.dispatched();
        Ticket merged = fixtures.dispatched();
        QuarkusTransaction.requiringNew().run(() -> tickets.merge(merged.ticketNumber, Fixtures.DISPATCHER, master.ticketNumber));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String signNote = "INTERNAL-SIGN-" + tag + " 老板电话13900001111";
        String internalProgress = "INTERNAL-PROGRESS-" + tag + " 与执法大队内部协调";
        String publicProgress = "PUBLIC-" + tag + " 已约谈用人单位，正在核实工资";
        String supervisionNote = "INTERNAL-SUPERVISION-" + tag;
        String deliveryError = "INTERNAL-DELIVERY-" + tag + " department said: stack trace";
        String answer = "ANSWER-" + tag + " 用人单位已支付全部工资";

        post("/api/tickets/" + master.ticketNumber + "/sign", "{\"note\":\"" + signNote + "\"}").statusCode(200);
        post("/api/tickets/" + master.ticketNumber + "/progress",
                "{\"note\":\"" + internalProgress + "\",\"visibility\":\"INTERNAL\"}").statusCode(200);
        post("/api/tickets/" + master.ticketNumber + "/progress",
                "{\"note\":\"" + publicProgress + "\",\"visibility\":\"PUBLIC\"}").statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> tickets.superviseByHand(master.ticketNumber, Fixtures.SUPERVISOR,
                SupervisionStep.CHASE, supervisionNote));
        Ticket now = fixtures.reload(master.ticketNumber);
        KafkaSupport.send(Topics.DELIVERIES, master.id.toString(), UUID.randomUUID().toString(),
                EventTypes.DELIVERY_DEAD_LETTERED, new DeliveryOutcome(UUID.randomUUID(), master.id, master.ticketNumber,
                        now.version, "CD-HRSS", "WEBHOOK", DeliveryOutcome.DEAD_LETTERED, 4, null, deliveryError,
                        Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> fixtures.history(master.ticketNumber).stream()
                .anyMatch(h -> "DELIVERY".equals(h.action)));
        post("/api/tickets/" + master.ticketNumber + "/reply", "{\"answer\":\"" + answer + "\"}").statusCode(200);

        // Inside the router the unit still reads every note, each marked.
        given().get("/api/tickets/" + master.ticketNumber).then().statusCode(200)
                .body("history.find { it.note == '" + publicProgress + "' }.noteVisibility", equalTo("PUBLIC"))
                .body("history.find { it.note == '" + internalProgress + "' }.noteVisibility", equalTo("INTERNAL"))
                .body("history.find { it.note == '" + signNote + "' }.noteVisibility", equalTo("INTERNAL"))
                .body("history.note", hasItem(org.hamcrest.Matchers.containsString(deliveryError)));

        for (Ticket t : List.of(master, merged)) {
            List<KafkaSupport.Event> events = KafkaSupport.read(Topics.TICKETS, e -> t.id.toString().equals(e.key())
                    && EventTypes.TICKET_STATUS_CHANGED.equals(e.type())
                    && answer.equals(e.data().path("answer").asText()), 1, Duration.ofSeconds(30));
            assertFalse(events.isEmpty(), "the answer reaches " + t.ticketNumber);
            String everything = KafkaSupport.read(Topics.TICKETS, e -> t.id.toString().equals(e.key()), 1000,
                    Duration.ofSeconds(3)).stream().map(e -> e.data().toString()).reduce("", String::concat);
            assertTrue(everything.contains(publicProgress), t.ticketNumber + " carries the public note");
            for (String internal : List.of(signNote, internalProgress, supervisionNote, deliveryError, "13900001111")) {
                assertFalse(everything.contains(internal), t.ticketNumber + " leaked " + internal);
            }
        }
    }

    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "CD-HRSS"))
    void anUnknownVisibilityIsRefusedNamingTheField() {
        Ticket t = fixtures.signed();
        post("/api/tickets/" + t.ticketNumber + "/progress", "{\"note\":\"x\",\"visibility\":\"SECRET\"}")
                .statusCode(400).contentType("application/problem+json")
                .body(org.hamcrest.Matchers.containsString("visibility"));
    }
}
