package org.linkage.bridge;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.bridge.domain.DeliveryStatus;
import org.linkage.bridge.repository.Delivery;
import org.linkage.bridge.service.DeliveryService;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A backlog (a department back after an outage) drains at a measured rate, every delivery sent
 * exactly once. The rate is printed for the report; the bound only catches a stalled worker.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(WireMockResource.class)
class ThroughputTest {
    private static final int BACKLOG = 300;

    @Inject
    DeliveryService service;

    @Test
    void backlogDrainsOnceEach() {
        String path = "/dept/backlog/" + UUID.randomUUID();
        WireMockResource.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
        String endpoint = WireMockResource.url(path);

        long start = System.nanoTime();
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> created = new ArrayList<>();
            for (int i = 0; i < BACKLOG; i++) {
                created.add(service.accept(Tickets.dispatched("CD-HRSS", "WEBHOOK", endpoint)).orElseThrow().id);
            }
            return created;
        });
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() ->
                QuarkusTransaction.requiringNew().call(() ->
                        Delivery.count("id in ?1 and status = ?2", ids, DeliveryStatus.DELIVERED)) == BACKLOG);
        double seconds = (System.nanoTime() - start) / 1e9;

        System.out.printf("THROUGHPUT: %d signed webhook deliveries (accept + send + outcome event) in %.1f s = %.0f/s%n",
                BACKLOG, seconds, BACKLOG / seconds);
        WireMockResource.server().verify(BACKLOG, postRequestedFor(urlPathEqualTo(path)));
    }
}
