package org.linkage.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkage.bridge.domain.DeliveryStatus;
import org.linkage.bridge.repository.Delivery;
import org.linkage.bridge.repository.DeliveryAttempt;
import org.linkage.bridge.repository.DeliveryRepository;
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
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retries, time-outs, the circuit breaker and dead letters, against a department endpoint that fails
 * and then recovers. The test profile shrinks delays: 4 attempts, 0.1–0.4 s backoff, breaker at 3
 * failures for 3 s, 2 s attempt time-out; the worker ticks every second.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(WireMockResource.class)
class ReliabilityTest {
    @Inject
    DeliveryService service;
    @Inject
    DeliveryRepository repository;

    @Test
    void failingThenRecoveringEndpointGetsTheTicketWithTheSameKeyEveryTime() {
        String path = "/dept/flaky/" + Tickets.nextNumber();
        String scenario = "flaky" + path;
        var wm = WireMockResource.server();
        wm.stubFor(post(urlPathEqualTo(path)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("slow"));
        wm.stubFor(post(urlPathEqualTo(path)).inScenario(scenario).whenScenarioStateIs("slow")
                .willReturn(aResponse().withStatus(200).withFixedDelay(3500)).willSetStateTo("up"));
        wm.stubFor(post(urlPathEqualTo(path)).inScenario(scenario).whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(202).withBody("{\"id\":\"HRSS-77\"}")));
        TicketDispatched ticket = Tickets.dispatched("CD-HRSS", "WEBHOOK", WireMockResource.url(path));

        UUID id = Deliveries.accept(service, ticket);
        Delivery delivered = Deliveries.awaitStatus(id, DeliveryStatus.DELIVERED, Duration.ofSeconds(20));

        assertEquals(3, delivered.attempts);
        assertEquals("HRSS-77", delivered.externalRef);
        List<DeliveryAttempt> attempts = Deliveries.attempts(repository, id);
        assertEquals(List.of("FAILED", "TIMEOUT", "SUCCESS"), attempts.stream().map(a -> a.outcome).toList());
        assertEquals(503, attempts.get(0).responseCode);
        assertTrue(attempts.get(1).latencyMs >= 1900, "the slow answer was cut off by the attempt time-out");
        List<LoggedRequest> received = wm.findAll(postRequestedFor(urlPathEqualTo(path)));
        assertEquals(3, received.size());
        assertEquals(1, received.stream().map(r -> r.getHeader("Idempotency-Key")).distinct().count(),
                "every retry carries the same Idempotency-Key");
        assertEquals(1, received.stream().map(LoggedRequest::getBodyAsString).distinct().count());
    }

    @Test
    void clientErrorIsNotRetried() {
        String path = "/dept/reject/" + Tickets.nextNumber();
        WireMockResource.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(422)
                .withBody("{\"error\":\"unknown category\"}")));
        UUID id = Deliveries.accept(service, Tickets.dispatched("CD-HRSS", "WEBHOOK", WireMockResource.url(path)));

        Delivery dead = Deliveries.awaitStatus(id, DeliveryStatus.DEAD_LETTERED, Duration.ofSeconds(20));

        assertEquals(1, dead.attempts);
        assertEquals(422, dead.lastResponseCode);
        assertTrue(dead.lastError.contains("unknown category"), dead.lastError);
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void exhaustedDeliveryIsDeadLetteredListedAndReplayedOnce() throws Exception {
        String path = "/dept/down/" + Tickets.nextNumber();
        var wm = WireMockResource.server();
        wm.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(500)));
        TicketDispatched ticket = Tickets.dispatched("CD-HRSS", "WEBHOOK", WireMockResource.url(path));
        String key = ticket.ticketId().toString();

        UUID id = Deliveries.accept(service, ticket);
        Delivery dead = Deliveries.awaitStatus(id, DeliveryStatus.DEAD_LETTERED, Duration.ofSeconds(20));
        assertEquals(4, dead.attempts, "max-attempts of the test profile");
        wm.verify(4, postRequestedFor(urlPathEqualTo(path)));

        List<ConsumerRecord<String, String>> dlq = KafkaTestSupport.read(Topics.DELIVERIES_DLQ, r -> key.equals(r.key()),
                1, Duration.ofSeconds(20));
        assertEquals(1, dlq.size());
        assertEquals(EventTypes.DELIVERY_DEAD_LETTERED, KafkaTestSupport.header(dlq.get(0), "ce_type"));
        JsonNode reported = KafkaTestSupport.JSON.readTree(KafkaTestSupport.read(Topics.DELIVERIES,
                r -> key.equals(r.key()), 1, Duration.ofSeconds(20)).get(0).value());
        assertEquals("DEAD_LETTERED", reported.get("status").asText());
        assertEquals(4, reported.get("attempts").asInt());
        assertTrue(reported.get("lastError").asText().startsWith("HTTP 500"));

        given().queryParam("status", "DEAD_LETTERED").get("/api/deliveries").then().statusCode(200)
                .body("id", hasItem(id.toString()));

        // The department is back; a dispatcher replays the dead letter.
        wm.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
        given().queryParam("reason", "HRSS system restored").post("/api/deliveries/" + id + "/replay").then()
                .statusCode(200).body("status", equalTo("PENDING"));
        Delivery replayed = Deliveries.awaitStatus(id, DeliveryStatus.DELIVERED, Duration.ofSeconds(20));
        assertEquals(1, replayed.attempts, "a replay starts a fresh round");
        assertEquals(List.of(1, 2, 3, 4, 5), Deliveries.attempts(repository, id).stream().map(a -> a.attemptNo).toList(),
                "the history keeps every attempt, numbered on from the first round");
        assertEquals(1, wm.findAll(postRequestedFor(urlPathEqualTo(path))).stream()
                .map(r -> r.getHeader("Idempotency-Key")).distinct().count());

        List<ConsumerRecord<String, String>> outcomes = KafkaTestSupport.read(Topics.DELIVERIES,
                r -> key.equals(r.key()), 2, Duration.ofSeconds(20));
        assertEquals(EventTypes.DELIVERY_SUCCEEDED, KafkaTestSupport.header(outcomes.get(1), "ce_type"));

        // Replaying what is not a dead letter is refused.
        given().post("/api/deliveries/" + id + "/replay").then().statusCode(409)
                .contentType("application/problem+json").body("currentStatus", equalTo("DELIVERED"));
        given().post("/api/deliveries/" + UUID.randomUUID() + "/replay").then().statusCode(404);
        given().post("/api/deliveries/not-a-uuid/replay").then().statusCode(400).body("errors[0].field", equalTo("id"));
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void onlyDispatchersReplay() {
        given().post("/api/deliveries/" + UUID.randomUUID() + "/replay").then().statusCode(403);
    }

    @Test
    void openCircuitDefersDeliveriesWithoutBurningAttempts() {
        String path = "/dept/breaker/" + Tickets.nextNumber();
        var wm = WireMockResource.server();
        wm.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(503)));
        String endpoint = WireMockResource.url(path);

        // Three failures in a row (the test threshold) open the circuit.
        UUID first = Deliveries.accept(service, Tickets.dispatched("CD-HRSS", "WEBHOOK", endpoint));
        Instant openUntil = await().atMost(Duration.ofSeconds(10)).until(() -> circuitOpenUntil(endpoint), o -> o != null);
        int requestsWhenOpened = wm.findAll(postRequestedFor(urlPathEqualTo(path))).size();

        // While it is open, new deliveries to the endpoint wait instead of failing.
        UUID second = Deliveries.accept(service, Tickets.dispatched("CD-HRSS", "WEBHOOK", endpoint));
        // Deferred to the end of the cool-down (a retry would come within the 0.4 s backoff cap instead).
        await().atMost(Duration.ofSeconds(3)).until(() -> !Deliveries.load(second).nextAttemptAt.isBefore(openUntil));
        Delivery deferred = Deliveries.load(second);
        assertEquals(0, deferred.attempts, "deferral is free");
        assertEquals(DeliveryStatus.PENDING, deferred.status);
        assertEquals(requestsWhenOpened, wm.findAll(postRequestedFor(urlPathEqualTo(path))).size(),
                "nothing reaches an endpoint whose circuit is open");

        // The endpoint recovers: after the cool-down a trial succeeds and both are delivered.
        wm.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
        Delivery later = Deliveries.awaitStatus(second, DeliveryStatus.DELIVERED, Duration.ofSeconds(15));
        assertEquals(1, later.attempts);
        Deliveries.awaitStatus(first, DeliveryStatus.DELIVERED, Duration.ofSeconds(15));
    }

    private static Instant circuitOpenUntil(String endpoint) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var rows = Delivery.getEntityManager()
                    .createNativeQuery("select open_until from endpoint_circuit where endpoint_url = ?1 and open_until > now()",
                            Instant.class)
                    .setParameter(1, endpoint).getResultList();
            return rows.isEmpty() ? null : (Instant) rows.get(0);
        });
    }
    @Test
    void reDispatchSupersedesTheEarlierVersionStillBeingRetried() {
        String oldPath = "/dept/old/" + Tickets.nextNumber();
        String newPath = "/dept/new/" + Tickets.nextNumber();
        var wm = WireMockResource.server();
        wm.stubFor(post(urlPathEqualTo(oldPath)).willReturn(aResponse().withStatus(503)));
        wm.stubFor(post(urlPathEqualTo(newPath)).willReturn(aResponse().withStatus(200)));
        UUID ticketId = UUID.randomUUID();
        String number = Tickets.nextNumber();
        UUID v1 = Deliveries.accept(service, Tickets.dispatched(ticketId, number, 1, "CD-HRSS", "WEBHOOK",
                WireMockResource.url(oldPath)));
        await().atMost(Duration.ofSeconds(20)).until(() -> Deliveries.load(v1).attempts >= 1);

        UUID v2 = Deliveries.accept(service, Tickets.dispatched(ticketId, number, 2, "CD-WATER", "WEBHOOK",
                WireMockResource.url(newPath)));

        Deliveries.awaitStatus(v2, DeliveryStatus.DELIVERED, Duration.ofSeconds(20));
        Delivery old = Deliveries.awaitStatus(v1, DeliveryStatus.SUPERSEDED, Duration.ofSeconds(5));
        assertTrue(old.lastError.contains("version 2"), old.lastError);
        int sent = wm.findAll(postRequestedFor(urlPathEqualTo(oldPath))).size();
        // Several retry rounds later the old department has heard nothing more, and nothing was dead-lettered.
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertEquals(sent, wm.findAll(postRequestedFor(urlPathEqualTo(oldPath))).size());
        assertEquals(DeliveryStatus.SUPERSEDED, Deliveries.load(v1).status);
    }

    @Test
    void olderVersionArrivingLateIsNeverSent() {
        String path = "/dept/late/" + Tickets.nextNumber();
        WireMockResource.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
        UUID ticketId = UUID.randomUUID();
        String number = Tickets.nextNumber();
        UUID v3 = Deliveries.accept(service, Tickets.dispatched(ticketId, number, 3, "CD-HRSS", "WEBHOOK",
                WireMockResource.url(path)));
        UUID v2 = Deliveries.accept(service, Tickets.dispatched(ticketId, number, 2, "CD-HRSS", "WEBHOOK",
                WireMockResource.url(path)));

        Deliveries.awaitStatus(v3, DeliveryStatus.DELIVERED, Duration.ofSeconds(20));
        assertEquals(DeliveryStatus.SUPERSEDED, Deliveries.load(v2).status);
        // Even if an older row is somehow due again, the worker's claim skips it while a newer version exists.
        QuarkusTransaction.requiringNew().run(() -> Delivery.update(
                "status = ?1, nextAttemptAt = ?2 where id = ?3", DeliveryStatus.PENDING, Instant.now(), v2));
        UUID token = UUID.randomUUID();
        List<UUID> claimed = QuarkusTransaction.requiringNew().call(() -> repository.claimDue(Instant.now(),
                Instant.now().plusSeconds(30), token, 10_000)).stream().map(DeliveryRepository.Claim::id).toList();
        // Hand back whatever else this claim took, so the worker carries on with it at once.
        QuarkusTransaction.requiringNew().run(() -> Delivery.update(
                "claimToken = null, claimedUntil = null where claimToken = ?1", token));
        assertTrue(!claimed.contains(v2), "an older version must not be claimed");
        QuarkusTransaction.requiringNew().run(() -> Delivery.update("status = ?1 where id = ?2",
                DeliveryStatus.SUPERSEDED, v2));
        assertEquals(1, WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(path))).size());
    }
}
