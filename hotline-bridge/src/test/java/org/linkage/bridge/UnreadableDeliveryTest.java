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
 * Issue 10, item 3: a delivery row that cannot be read or built is dead-lettered instead of being
 * leased again for ever.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(WireMockResource.class)
class UnreadableDeliveryTest {
    @Inject
    EntityManager em;
    @Inject
    DeliveryService service;
    @Inject
    DeliveryRepository repository;
    @Inject
    HttpSupport http;

    @Test
    void aRowWithAnUnknownAdapterIsDeadLetteredNotLeasedForEver() {
        UUID id = insertRow("CARRIER_PIGEON", "{}");
        await().atMost(Duration.ofSeconds(20)).until(() -> status(id), "DEAD_LETTERED"::equals);
    }

    @Test
    void aPayloadThatCannotBeBuiltIsDeadLetteredAfterOneAttempt() {
        UUID id = insertRow("OPEN311", "{not json");
        await().atMost(Duration.ofSeconds(20)).until(() -> status(id), "DEAD_LETTERED"::equals);
        List<DeliveryAttempt> attempts = Deliveries.attempts(repository, id);
        assertEquals(1, attempts.size());
        assertEquals("REJECTED", attempts.get(0).outcome);
    }

    private UUID insertRow(String adapter, String payload) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into delivery (id, ticket_id, ticket_number, ticket_version, department_code, adapter,
                            endpoint_url, payload, status, idempotency_key, next_attempt_at, created_at, updated_at)
                        values (?1, ?2, ?3, 1, 'CD-HRSS', ?4, ?5, ?6, 'PENDING', ?7, now(), now(), now())""")
                .setParameter(1, id).setParameter(2, UUID.randomUUID()).setParameter(3, Tickets.nextNumber())
                .setParameter(4, adapter).setParameter(5, WireMockResource.url("/dept/never"))
                .setParameter(6, payload).setParameter(7, "test-" + id)
                .executeUpdate());
        return id;
    }

    private String status(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select status from delivery where id = ?1").setParameter(1, id).getSingleResult());
    }
}
