package org.linkage.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkage.bridge.domain.SigningKeys;
import org.linkage.bridge.domain.WebhookSignature;
import org.linkage.events.EventTypes;
import org.linkage.events.TicketDispatched;
import org.linkage.events.Topics;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The thin path through the bridge: a dispatch on Kafka becomes one signed delivery and one outcome event. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(WireMockResource.class)
class DispatchDeliveryTest {

    @Test
    void dispatchOnKafkaIsDeliveredSignedAndReportedOnce() throws Exception {
        String path = "/dept/hrss/" + Tickets.nextNumber();
        WireMockResource.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"externalRef\":\"HRSS-2026-0042\"}")));
        TicketDispatched ticket = Tickets.dispatched("CD-HRSS", "WEBHOOK", WireMockResource.url(path));
        String key = ticket.ticketId().toString();

        String eventId = KafkaTestSupport.produce(Topics.TICKETS, key, EventTypes.TICKET_DISPATCHED, ticket);

        List<ConsumerRecord<String, String>> outcomes = KafkaTestSupport.read(Topics.DELIVERIES,
                r -> key.equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, outcomes.size(), "one DeliveryOutcome for the ticket");
        ConsumerRecord<String, String> outcome = outcomes.get(0);
        assertEquals(EventTypes.DELIVERY_SUCCEEDED, KafkaTestSupport.header(outcome, "ce_type"));
        assertEquals("/linkage/bridge", KafkaTestSupport.header(outcome, "ce_source"));
        assertEquals(ticket.ticketNumber(), KafkaTestSupport.header(outcome, "ce_subject"));
        assertNotNull(KafkaTestSupport.header(outcome, "ce_id"));
        JsonNode data = KafkaTestSupport.JSON.readTree(outcome.value());
        assertEquals("DELIVERED", data.get("status").asText());
        assertEquals("HRSS-2026-0042", data.get("externalRef").asText());
        int attempts = data.get("attempts").asInt();

        // Normally one request; a slow first answer on a busy machine may be retried, always under the same key.
        List<LoggedRequest> received = WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(path)));
        assertEquals(attempts, received.size());
        assertTrue(received.stream().allMatch(r -> (ticket.ticketId() + ":1").equals(r.getHeader("Idempotency-Key"))));
        LoggedRequest request = received.get(received.size() - 1);
        // The receiving side verifies as a department would, with the key it was given (not the bridge's state).
        // It signs as v2, over its own department code and the URL it is registered under.
        SigningKeys departmentKeys = new SigningKeys("dev-hrss-key-2026", null);
        assertTrue(request.getHeader(WebhookSignature.SIGNATURE_HEADER).startsWith("v2="));
        assertEquals(WebhookSignature.Verdict.VALID, WebhookSignature.verifyDelivery(
                request.getHeader(WebhookSignature.SIGNATURE_HEADER), request.getHeader(WebhookSignature.TIMESTAMP_HEADER),
                "CD-HRSS", WireMockResource.url(path), request.getBodyAsString(), departmentKeys, Instant.now(),
                Duration.ofMinutes(5)));
        // A receiver still on last year's key verifies too: the bridge signs with both during rotation.
        assertEquals(WebhookSignature.Verdict.VALID, WebhookSignature.verifyDelivery(
                request.getHeader(WebhookSignature.SIGNATURE_HEADER), request.getHeader(WebhookSignature.TIMESTAMP_HEADER),
                "CD-HRSS", WireMockResource.url(path), request.getBodyAsString(),
                new SigningKeys("dev-hrss-key-2025", null), Instant.now(), Duration.ofMinutes(5)));
        JsonNode body = KafkaTestSupport.JSON.readTree(request.getBodyAsString());
        assertEquals(ticket.ticketNumber(), body.get("ticketNumber").asText());
        assertEquals("WAGES", body.get("categoryCode").asText());
        assertEquals("13812345678", body.get("callerPhone").asText());
        assertEquals("510107-GOV", body.get("supportingDepartments").get(0).get("code").asText());

        // The same event again, and the same ticket version under a new event id: neither is sent again.
        KafkaTestSupport.produce(Topics.TICKETS, key, EventTypes.TICKET_DISPATCHED, ticket, eventId);
        KafkaTestSupport.produce(Topics.TICKETS, key, EventTypes.TICKET_DISPATCHED, ticket);
        List<ConsumerRecord<String, String>> later = KafkaTestSupport.read(Topics.DELIVERIES,
                r -> key.equals(r.key()), 2, Duration.ofSeconds(5));
        assertEquals(1, later.size(), "still one outcome after the replays");
        WireMockResource.server().verify(attempts, postRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void consoleOnlyDepartmentIsReportedDeliveredWithoutHttp() throws Exception {
        TicketDispatched ticket = Tickets.dispatched("510107-URBAN", "NONE", null);
        String key = ticket.ticketId().toString();

        KafkaTestSupport.produce(Topics.TICKETS, key, EventTypes.TICKET_DISPATCHED, ticket);

        List<ConsumerRecord<String, String>> outcomes = KafkaTestSupport.read(Topics.DELIVERIES,
                r -> key.equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, outcomes.size());
        JsonNode data = KafkaTestSupport.JSON.readTree(outcomes.get(0).value());
        assertEquals("DELIVERED", data.get("status").asText());
        assertEquals("NONE", data.get("adapter").asText());
        assertEquals(0, data.get("attempts").asInt());
        assertTrue(data.get("externalRef").isNull());
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void deliveryAndItsAttemptsAreVisibleToDispatchers() throws Exception {
        String path = "/dept/view/" + Tickets.nextNumber();
        WireMockResource.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
        TicketDispatched ticket = Tickets.dispatched("CD-HRSS", "WEBHOOK", WireMockResource.url(path));
        KafkaTestSupport.produce(Topics.TICKETS, ticket.ticketId().toString(), EventTypes.TICKET_DISPATCHED, ticket);

        String id = await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("status", "DELIVERED")
                .get("/api/deliveries").then().statusCode(200).extract().jsonPath()
                .<String>getList("findAll { it.ticketNumber == '" + ticket.ticketNumber() + "' }.id"), l -> l.size() == 1).get(0);

        given().get("/api/deliveries/" + id).then().statusCode(200)
                .body("status", equalTo("DELIVERED"))
                .body("idempotencyKey", equalTo(ticket.ticketId() + ":1"))
                .body("attempts", hasSize(1))
                .body("attempts[0].responseCode", equalTo(200))
                .body("attempts[0].outcome", equalTo("SUCCESS"));
    }

    @TestHTTPResource("/api/demo/departments/CD-CULTURE/tickets")
    URL demoDepartment;

    @Test
    void demoDepartmentReceiverVerifiesAndAnswersOncePerKey() throws Exception {
        // The directory admits CD-CULTURE only on a stand-in server, which passes the request on to the demo receiver
        // as it came (its Host too), so the receiver checks the URL the bridge actually signed.
        String path = "/api/demo/departments/CD-CULTURE/tickets";
        String bridge = demoDepartment.toString().substring(0, demoDepartment.toString().indexOf(path));
        WireMockResource.demoProxy().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().proxiedFrom(bridge)));
        TicketDispatched ticket = Tickets.dispatched("CD-CULTURE", "WEBHOOK", WireMockResource.demoProxy().baseUrl() + path);
        String key = ticket.ticketId().toString();
        KafkaTestSupport.produce(Topics.TICKETS, key, EventTypes.TICKET_DISPATCHED, ticket);

        List<ConsumerRecord<String, String>> outcomes = KafkaTestSupport.read(Topics.DELIVERIES,
                r -> key.equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, outcomes.size());
        String ref = KafkaTestSupport.JSON.readTree(outcomes.get(0).value()).get("externalRef").asText();
        assertTrue(ref.startsWith("DEMO-CD-CULTURE-"), ref);

        // Unsigned or forged calls are refused, as a real receiver must.
        given().contentType("application/json").header("Idempotency-Key", "x:1").body("{}")
                .post(demoDepartment).then().statusCode(401).contentType("application/problem+json");
        long ts = Instant.now().getEpochSecond();
        given().contentType("application/json").header("Idempotency-Key", key + ":1")
                .header(WebhookSignature.TIMESTAMP_HEADER, ts)
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.deliveryHeader(new SigningKeys("forged", null), ts,
                        "CD-CULTURE", demoDepartment.toString(), "{}"))
                .body("{}").post(demoDepartment).then().statusCode(401);
        // A signed repeat of the same key gets the same reference: acted on once. (CD-CULTURE has no key of its own:
        // the default key signs for it.)
        given().contentType("application/json").header("Idempotency-Key", key + ":1")
                .header(WebhookSignature.TIMESTAMP_HEADER, ts)
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.deliveryHeader(
                        new SigningKeys("dev-default-webhook-key", null), ts, "CD-CULTURE", demoDepartment.toString(), "{}"))
                .body("{}").post(demoDepartment).then().statusCode(200).body("externalRef", equalTo(ref));
    }

    @Test
    void deliveriesNeedAnIdentity() {
        given().get("/api/deliveries").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent")
    void departmentAgentsCannotListDeliveries() {
        given().get("/api/deliveries").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void badStatusFilterNamesTheField() {
        given().queryParam("status", "LOST").get("/api/deliveries").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
    }
}
