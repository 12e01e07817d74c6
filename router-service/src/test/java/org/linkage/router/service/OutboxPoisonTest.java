package org.linkage.router.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.linkage.commons.outbox.Outbox;
import org.linkage.router.support.KafkaSupport;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One event Kafka will never take (larger than the producer's 1 MB limit) must not hold back the events written after
 * it: it is parked with the reason, and the rest is published.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class OutboxPoisonTest {

    static final String TOPIC = "linkage.tickets";

    @Inject
    Outbox outbox;
    @Inject
    EntityManager em;

    @Test
    void anEventKafkaRejectsForGoodIsParkedAndTheNextOnesStillGoOut() {
        String marker = UUID.randomUUID().toString();
        String tooLarge = "x".repeat(2 * 1024 * 1024);
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.publish(TOPIC, "poison-" + marker, "org.linkage.test.poison.v1", marker, Map.of("blob", tooLarge));
            outbox.publish(TOPIC, "after-" + marker, "org.linkage.test.after.v1", marker, Map.of("marker", marker));
        });

        var after = KafkaSupport.read(TOPIC, e -> marker.equals(e.subject()) && "org.linkage.test.after.v1".equals(e.type()),
                1, Duration.ofSeconds(40));
        assertTrue(after.size() >= 1, "the event behind the rejected one was not published");
        // It may go out twice (sent in the failed batch, then again one by one): at least once, under one id to dedupe on.
        assertEquals(1, after.stream().map(KafkaSupport.Event::id).distinct().count(), after.toString());

        Object[] parked = await().atMost(Duration.ofSeconds(10)).until(() -> parkedRow(marker), p -> p != null);
        assertEquals("org.linkage.test.poison.v1", parked[0]);
        assertTrue(String.valueOf(parked[1]).contains("RecordTooLarge"), String.valueOf(parked[1]));
        // the broker's ack comes before the delete commits, so the row may outlive the event on the topic by a moment
        await().atMost(Duration.ofSeconds(10)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from outbox_event where subject = ?1").setParameter(1, marker)
                .getSingleResult()).longValue()), waiting -> waiting == 0);
    }

    private Object[] parkedRow(String marker) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("select type, error from outbox_parked where subject = ?1")
                    .setParameter(1, marker).getResultList();
            return rows.isEmpty() ? null : (Object[]) rows.get(0);
        });
    }
}
