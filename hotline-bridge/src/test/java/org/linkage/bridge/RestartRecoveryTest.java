package org.linkage.bridge;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkage.bridge.client.WebhookSender;
import org.linkage.bridge.domain.AttemptResult;
import org.linkage.bridge.domain.DeliveryStatus;
import org.linkage.bridge.repository.Delivery;
import org.linkage.bridge.repository.DeliveryRepository;
import org.linkage.bridge.service.DeliveryService;
import org.linkage.events.TicketDispatched;
import org.linkage.events.Topics;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bridge instance that dies mid-delivery: its claimed rows stay leased, then another worker takes
 * them over once the lease runs out. Nothing is lost, and the receiver sees one Idempotency-Key.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(WireMockResource.class)
class RestartRecoveryTest {
    @Inject
    DeliveryService service;
    @Inject
    WebhookSender webhook;
    @Inject
    DeliveryRepository repository;

    @Test
    void deliverySentByAWorkerThatDiedBeforeRecordingItIsCompletedOnceInEffect() {
        String path = "/dept/restart/" + Tickets.nextNumber();
        var wm = WireMockResource.server();
        wm.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
        TicketDispatched ticket = Tickets.dispatched("CD-HRSS", "WEBHOOK", WireMockResource.url(path));
        UUID deadWorker = UUID.randomUUID();
        UUID id = acceptClaimedBy(ticket, deadWorker);

        // The dead worker got as far as sending, then the process stopped before recording the result.
        Delivery claimed = Deliveries.load(id);
        assertEquals(AttemptResult.Outcome.SUCCESS, webhook.send(claimed).outcome());

        // While its lease lasts nobody else sends it (the live worker ticks every second).
        await().pollDelay(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(3)).until(() -> true);
        wm.verify(1, postRequestedFor(urlPathEqualTo(path)));
        assertEquals(DeliveryStatus.PENDING, Deliveries.load(id).status);

        expireLease(id);
        Delivery delivered = Deliveries.awaitStatus(id, DeliveryStatus.DELIVERED, Duration.ofSeconds(15));
        assertEquals(1, delivered.attempts);

        var received = wm.findAll(postRequestedFor(urlPathEqualTo(path)));
        assertEquals(2, received.size(), "at-least-once: the takeover sends again");
        assertEquals(1, received.stream().map(r -> r.getHeader("Idempotency-Key")).distinct().count(),
                "so the receiver acts once");

        // The dead worker's late report (had it only been slow) changes nothing and publishes nothing.
        service.finishAttempt(claimed, deadWorker, new AttemptResult(AttemptResult.Outcome.SUCCESS, 200, 5, "late", null),
                Instant.now());
        assertEquals(DeliveryStatus.DELIVERED, Deliveries.load(id).status);
        List<ConsumerRecord<String, String>> outcomes = KafkaTestSupport.read(Topics.DELIVERIES,
                r -> ticket.ticketId().toString().equals(r.key()), 2, Duration.ofSeconds(6));
        assertEquals(1, outcomes.size(), "one DeliveryOutcome for the ticket version");
    }

    @Test
    void deliveryClaimedByAWorkerThatDiedBeforeSendingIsNotLost() {
        String path = "/dept/restart/" + Tickets.nextNumber();
        var wm = WireMockResource.server();
        wm.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
        UUID id = acceptClaimedBy(Tickets.dispatched("CD-HRSS", "WEBHOOK", WireMockResource.url(path)), UUID.randomUUID());

        expireLease(id);

        Deliveries.awaitStatus(id, DeliveryStatus.DELIVERED, Duration.ofSeconds(15));
        wm.verify(1, postRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void concurrentClaimsTakeDisjointRows() throws Exception {
        // Rows due only in the far future, so the live worker leaves them alone while two "instances" claim: made so in
        // the transaction that accepts them, since the worker wakes on that commit.
        Instant future = Instant.now().plus(Duration.ofDays(3650));
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            TicketDispatched ticket = Tickets.dispatched("CD-HRSS", "WEBHOOK", WireMockResource.url("/dept/never"));
            ids.add(QuarkusTransaction.requiringNew().call(() -> {
                UUID id = service.accept(ticket).orElseThrow().id;
                Delivery.update("nextAttemptAt = ?1 where id = ?2", future, id);
                return id;
            }));
        }
        Instant claimAt = future.plusSeconds(1);
        CountDownLatch firstHoldsLocks = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        var first = CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> got = ids(repository.claimDue(claimAt, claimAt.plusSeconds(60), UUID.randomUUID(), 3));
            firstHoldsLocks.countDown();
            secondDone.await(10, TimeUnit.SECONDS);
            return got;
        }));
        firstHoldsLocks.await(10, TimeUnit.SECONDS);
        List<UUID> second = QuarkusTransaction.requiringNew().call(() ->
                ids(repository.claimDue(claimAt, claimAt.plusSeconds(60), UUID.randomUUID(), 10)));
        secondDone.countDown();
        List<UUID> firstGot = first.get(15, TimeUnit.SECONDS);

        assertEquals(3, firstGot.size());
        assertTrue(second.stream().noneMatch(firstGot::contains), "SKIP LOCKED: no row claimed twice");
        assertTrue(second.containsAll(ids.stream().filter(i -> !firstGot.contains(i)).toList()),
                "the second instance took the rest without waiting");
        // Leave nothing leased into the test database's future.
        QuarkusTransaction.requiringNew().run(() -> Delivery.update(
                "status = ?1, claimToken = null, claimedUntil = null where id in ?2", DeliveryStatus.DEAD_LETTERED, ids));
    }

    private UUID acceptClaimedBy(TicketDispatched ticket, UUID worker) {
        // Accepted and leased in one transaction, as claimDue would lease it, so the live worker cannot get in between.
        return QuarkusTransaction.requiringNew().call(() -> {
            UUID id = service.accept(ticket).orElseThrow().id;
            Delivery.update("claimToken = ?1, claimedUntil = ?2 where id = ?3", worker,
                    Instant.now().plus(Duration.ofMinutes(10)), id);
            return id;
        });
    }

    private static List<UUID> ids(List<DeliveryRepository.Claim> claims) {
        return claims.stream().map(DeliveryRepository.Claim::id).toList();
    }

    private static void expireLease(UUID id) {
        QuarkusTransaction.requiringNew().run(() ->
                Delivery.update("claimedUntil = ?1 where id = ?2", Instant.now().minusSeconds(1), id));
    }
}
