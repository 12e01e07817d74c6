package org.linkage.bridge;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.bridge.domain.DeliveryStatus;
import org.linkage.bridge.domain.Open311Mapping;
import org.linkage.bridge.service.DeliveryService;
import org.linkage.bridge.service.Open311Clients;
import org.linkage.bridge.job.Open311Poller;
import org.linkage.events.TicketDispatched;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10, item 11: the bridge runs as several replicas (HPA 2–6), and each runs the Open311 status poll and the
 * Open311 client seed. Two of them at the same moment must neither ask a department twice nor stop a start.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(WireMockResource.class)
class TwoReplicasTest {
    @Inject
    DeliveryService service;
    @Inject
    Open311Poller poller;
    @Inject
    Open311Clients clients;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void twoPollRoundsAtTheSameMomentAskAboutEachRequestOnce() throws Exception {
        String base = "/open311/replicas-" + UUID.randomUUID();
        List<String> requestIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String requestId = Long.toString(System.nanoTime());
            requestIds.add(requestId);
            WireMockResource.server().stubFor(post(urlPathEqualTo(base + "/requests.json")).willReturn(aResponse()
                    .withStatus(201).withBody("[{\"service_request_id\":\"" + requestId + "\"}]")));
            TicketDispatched ticket = Tickets.dispatched("CD-ECO", "OPEN311", WireMockResource.url(base));
            Deliveries.awaitStatus(Deliveries.accept(service, ticket), DeliveryStatus.DELIVERED, Duration.ofSeconds(20));
            // a slow department: the other replica's round arrives while this one is still asking
            WireMockResource.server().stubFor(get(urlPathEqualTo(base + "/requests/" + requestId + ".json"))
                    .willReturn(aResponse().withFixedDelay(400)
                            .withBody("[{\"service_request_id\":\"" + requestId + "\",\"status\":\"open\"}]")));
        }

        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(poller::pollOnce);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(poller::pollOnce);
        a.get(60, TimeUnit.SECONDS);
        b.get(60, TimeUnit.SECONDS);

        for (String requestId : requestIds) {
            assertEquals(1, WireMockResource.server().findAll(
                    getRequestedFor(urlPathEqualTo(base + "/requests/" + requestId + ".json"))).size(),
                    "request " + requestId + " asked about once by the two rounds together");
        }
    }

    @Test
    void twoReplicasTakingTheSameDispatchAtOnceRecordOneDelivery() throws Exception {
        // Two replicas, each with the same ticket version (a rebalance hands the partition over mid-poll, or the
        // router re-publishes it under a new event id): the idempotency key lets one insert and the other wait for it.
        String path = "/dept/replicas/" + UUID.randomUUID();
        WireMockResource.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
        TicketDispatched ticket = Tickets.dispatched("CD-HRSS", "WEBHOOK", WireMockResource.url(path));
        CountDownLatch firstInserted = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        CompletableFuture<Optional<UUID>> first = CompletableFuture.supplyAsync(() ->
                QuarkusTransaction.requiringNew().call(() -> {
                    Optional<UUID> id = service.accept(ticket).map(d -> d.id);
                    firstInserted.countDown();
                    secondStarted.await(10, TimeUnit.SECONDS);
                    Thread.sleep(500); // the other replica is now waiting on the key
                    return id;
                }));
        firstInserted.await(10, TimeUnit.SECONDS);
        CompletableFuture<Optional<UUID>> second = CompletableFuture.supplyAsync(() ->
                QuarkusTransaction.requiringNew().call(() -> {
                    secondStarted.countDown();
                    return service.accept(ticket).map(d -> d.id);
                }));

        UUID id = first.get(30, TimeUnit.SECONDS).orElseThrow();
        assertTrue(second.get(30, TimeUnit.SECONDS).isEmpty(), "the second replica recognises the version");
        Deliveries.awaitStatus(id, DeliveryStatus.DELIVERED, Duration.ofSeconds(20));
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> true);
        assertEquals(1, WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(path))).size(),
                "sent once");
    }

    @Test
    void aSeedWhileAnotherReplicaSeedsTheSameClientStillStarts() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            c.createStatement().executeUpdate("delete from open311_client where client_id = 'demo'");
        }
        // The other replica, on a fresh database: it has inserted the client and not yet committed.
        Connection other = dataSource.getConnection();
        try {
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement(
                    "insert into open311_client (client_id, api_key_sha256, seeded_at) values ('demo', ?, ?)")) {
                insert.setString(1, Open311Mapping.hashKey("open311-demo-key"));
                insert.setObject(2, OffsetDateTime.now());
                insert.executeUpdate();
            }
            CompletableFuture<Void> seed = CompletableFuture.runAsync(clients::seed);
            Thread.sleep(1000); // this replica's seed is now waiting on the other's row
            other.commit();
            seed.get(30, TimeUnit.SECONDS);
        } finally {
            other.close();
        }

        given().queryParam("api_key", "open311-demo-key").get("/open311/v2/services.json").then().statusCode(200);
    }
}
