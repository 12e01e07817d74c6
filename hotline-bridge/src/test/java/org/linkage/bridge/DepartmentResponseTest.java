package org.linkage.bridge;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.linkage.bridge.client.HttpSupport;
import org.linkage.bridge.domain.AttemptResult;
import org.linkage.bridge.repository.DeliveryAttempt;
import org.linkage.bridge.repository.DeliveryRepository;
import org.linkage.bridge.service.DeliveryService;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10, item 4: a department that drips its answer is cut off by the attempt deadline (well inside
 * the lease, so the row is not claimed and sent again), and a huge answer is read only up to the cap.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(WireMockResource.class)
class DepartmentResponseTest {
    @Inject
    EntityManager em;
    @Inject
    DeliveryService service;
    @Inject
    DeliveryRepository repository;
    @Inject
    HttpSupport http;

    @Test
    void aDrippingAnswerEndsAtTheAttemptDeadline() {
        String path = "/dept/drip-" + UUID.randomUUID();
        // Headers at once, then the body a little at a time over 20 s (the test lease is 30 s).
        WireMockResource.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"externalRef\":\"" + "x".repeat(400) + "\"}")
                .withChunkedDribbleDelay(40, 20_000)));
        UUID id = Deliveries.accept(service, Tickets.dispatched("CD-HRSS", "WEBHOOK", WireMockResource.url(path)));
        List<DeliveryAttempt> attempts = await().atMost(Duration.ofSeconds(30))
                .until(() -> Deliveries.attempts(repository, id), a -> !a.isEmpty());
        DeliveryAttempt first = attempts.get(0);
        assertEquals("TIMEOUT", first.outcome, "a dripping body kept the worker until it ended");
        assertTrue(first.latencyMs < 8_000, "the attempt outlived its deadline: " + first.latencyMs + " ms");
    }

    @Test
    void aHugeAnswerIsReadOnlyUpToTheCap() {
        String path = "/dept/huge-" + UUID.randomUUID();
        WireMockResource.server().stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("x".repeat(8 * 1024 * 1024))));
        AtomicInteger read = new AtomicInteger(-1);
        AttemptResult result = http.exchange(http.request(WireMockResource.url(path)).GET().build(), body -> {
            read.set(body.length());
            return null;
        });
        assertEquals(AttemptResult.Outcome.SUCCESS, result.outcome());
        assertTrue(read.get() >= 0 && read.get() <= 65536, "read " + read.get() + " characters of the answer");
    }
}
