package org.linkage.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linkage.bridge.domain.DeliveryStatus;
import org.linkage.bridge.domain.SigningKeys;
import org.linkage.bridge.domain.WebhookSignature;
import org.linkage.bridge.repository.Delivery;
import org.linkage.bridge.service.DeliveryService;
import org.linkage.events.EventTypes;
import org.linkage.events.TicketDispatched;
import org.linkage.events.Topics;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bridge sends a ticket only where its own directory says the unit lives, and signs the unit and the URL with the
 * body: an event on Kafka naming another URL obtains nothing, and a signed delivery is worthless anywhere else.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(WireMockResource.class)
class DepartmentEndpointTest {
    /** Someone else's server, which an event on Kafka names as a department's endpoint. */
    private static WireMockServer foreign;

    @Inject
    DeliveryService service;

    @BeforeAll
    static void startForeignServer() {
        foreign = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        foreign.start();
        foreign.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"externalRef\":\"GOT-IT\"}")));
    }

    @AfterAll
    static void stopForeignServer() {
        foreign.stop();
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void aDispatchNamingAForeignUrlSendsNothingThereAndCannotBeReplayed() throws Exception {
        TicketDispatched ticket = Tickets.dispatched("CD-HRSS", "WEBHOOK", foreign.baseUrl() + "/steal");
        String key = ticket.ticketId().toString();

        KafkaTestSupport.produce(Topics.TICKETS, key, EventTypes.TICKET_DISPATCHED, ticket);

        List<ConsumerRecord<String, String>> outcomes = KafkaTestSupport.read(Topics.DELIVERIES_DLQ,
                r -> key.equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, outcomes.size(), "the refused delivery is reported as a dead letter");
        JsonNode outcome = KafkaTestSupport.JSON.readTree(outcomes.get(0).value());
        assertEquals("DEAD_LETTERED", outcome.get("status").asText());
        assertEquals(0, outcome.get("attempts").asInt());
        assertTrue(outcome.get("lastError").asText().contains("directory"), outcome.toString());

        String id = given().queryParam("status", "DEAD_LETTERED").get("/api/deliveries").then().statusCode(200)
                .extract().jsonPath().<String>getList("findAll { it.ticketNumber == '" + ticket.ticketNumber() + "' }.id")
                .get(0);
        given().get("/api/deliveries/" + id).then().statusCode(200)
                .body("lastError", containsString(WireMockResource.url("/*")));
        // A dispatcher's replay would only be refused again: it is refused at once, with the reason.
        given().post("/api/deliveries/" + id + "/replay").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("directory"));

        // Several worker ticks later the foreign server has still heard nothing.
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
        assertEquals(0, foreign.findAll(anyRequestedFor(anyUrl())).size());
    }

    @Test
    void aUnitIsSentOnlyToItsOwnEndpointByItsOwnAdapter() {
        String own = "/gateway/departments/CD-HOUSING/tickets";
        WireMockResource.server().stubFor(post(urlPathEqualTo(own)).willReturn(aResponse().withStatus(200)));

        // Another unit's gateway address, or a webhook to a unit the directory reaches by Open311: refused.
        Delivery borrowed = Deliveries.load(Deliveries.accept(service, Tickets.dispatched("CD-HOUSING", "WEBHOOK",
                WireMockResource.url("/gateway/departments/CD-EDU/tickets"))));
        assertEquals(DeliveryStatus.DEAD_LETTERED, borrowed.status);
        assertTrue(borrowed.lastError.contains(WireMockResource.url(own)), borrowed.lastError);
        Delivery wrongAdapter = Deliveries.load(Deliveries.accept(service, Tickets.dispatched("CD-ECO", "WEBHOOK",
                WireMockResource.url("/dept/eco/" + Tickets.nextNumber()))));
        assertEquals(DeliveryStatus.DEAD_LETTERED, wrongAdapter.status);
        assertTrue(wrongAdapter.lastError.contains("OPEN311"), wrongAdapter.lastError);

        // Its own address is delivered as before.
        TicketDispatched ticket = Tickets.dispatched("CD-HOUSING", "WEBHOOK", WireMockResource.url(own));
        UUID id = Deliveries.accept(service, ticket);
        Deliveries.awaitStatus(id, DeliveryStatus.DELIVERED, Duration.ofSeconds(20));
        assertEquals(1, WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(own))).stream()
                .filter(r -> r.getBodyAsString().contains(ticket.ticketNumber())).count());
    }

    @Test
    void aSignedDeliveryReplayedToAnotherUnitOrUrlIsRefused() throws Exception {
        // CD-HOUSING and CD-EDU share the default key: under v1 a body signed for one verified at the other.
        String path = "/gateway/departments/CD-HOUSING/tickets";
        String ticketNumber = Tickets.nextNumber();
        WireMockResource.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
        TicketDispatched ticket = Tickets.dispatched(UUID.randomUUID(), ticketNumber, 1, "CD-HOUSING", "WEBHOOK",
                WireMockResource.url(path));
        KafkaTestSupport.produce(Topics.TICKETS, ticket.ticketId().toString(), EventTypes.TICKET_DISPATCHED, ticket);
        LoggedRequest sent = await().atMost(Duration.ofSeconds(30)).until(() -> WireMockResource.server()
                        .findAll(postRequestedFor(urlPathEqualTo(path))).stream()
                        .filter(r -> r.getBodyAsString().contains(ticketNumber)).findFirst(),
                java.util.Optional::isPresent).get();
        String signature = sent.getHeader(WebhookSignature.SIGNATURE_HEADER);
        String timestamp = sent.getHeader(WebhookSignature.TIMESTAMP_HEADER);
        String body = sent.getBodyAsString();

        // The unit it was meant for verifies it with its own code and URL; a receiver still on v1 finds no v1 entry.
        SigningKeys shared = new SigningKeys("dev-default-webhook-key", null);
        assertEquals(WebhookSignature.Verdict.VALID, WebhookSignature.verifyDelivery(signature, timestamp,
                "CD-HOUSING", WireMockResource.url(path), body, shared, Instant.now(), Duration.ofMinutes(5)));
        assertEquals(WebhookSignature.Verdict.MALFORMED,
                WebhookSignature.verify(signature, timestamp, body, shared, Instant.now(), Duration.ofMinutes(5)));

        // Replayed at once (inside the time window) to the demo receiver of another unit, and of the same unit at
        // another URL: both refuse it.
        for (String target : List.of("/api/demo/departments/CD-EDU/tickets", "/api/demo/departments/CD-HOUSING/tickets")) {
            given().contentType("application/json; charset=utf-8")
                    .header("Idempotency-Key", sent.getHeader("Idempotency-Key"))
                    .header(WebhookSignature.TIMESTAMP_HEADER, timestamp)
                    .header(WebhookSignature.SIGNATURE_HEADER, signature)
                    .body(body).post(target)
                    .then().statusCode(401).contentType("application/problem+json")
                    .body("detail", containsString("BAD_SIGNATURE"));
        }
    }
}
