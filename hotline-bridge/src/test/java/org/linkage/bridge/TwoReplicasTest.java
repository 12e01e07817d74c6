package org.linkage.bridge;

import io.agroal.api.AgroalDataSource;
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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
