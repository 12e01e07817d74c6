package org.linkage.router.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.linkage.commons.outbox.Outbox;
import org.linkage.router.support.KafkaSupport;
import org.linkage.router.support.StatementCounter;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PoolWarnings;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A transaction's outbox rows are written with one statement as it commits, numbered in the order they were
 * published, so they reach Kafka in that order; a read of the outbox inside the transaction sees them once the
 * pending rows are written; a rollback leaves nothing to publish.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class OutboxBatchTest {
    static final String TOPIC = "linkage.tickets";
    static final String TYPE = "org.linkage.test.outbox-batch.v1";
    static final int EVENTS = 6;

    @Inject
    Outbox outbox;
    @Inject
    EntityManager em;

    @Test
    void aTransactionsEventsAreOneInsertAndReachKafkaInPublishOrder() {
        String marker = UUID.randomUUID().toString();
        String key = "batch-" + marker;
        List<UUID> published = new ArrayList<>();
        List<String> sql = new ArrayList<>();
        List<String> warnings = PoolWarnings.during(() -> sql.addAll(StatementCounter.statements(
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    for (int i = 0; i < EVENTS; i++) {
                        published.add(outbox.publish(TOPIC, key, TYPE, marker, Map.of("n", i, "marker", marker)));
                    }
                }))));
        long inserts = sql.stream().filter(s -> s.startsWith("insert into outbox_event")).count();
        System.out.printf("BENCH router outbox: a transaction of %d events, %d statement(s) inserting outbox rows,"
                + " %d statements in all%n", EVENTS, inserts, sql.size());
        assertEquals(1, inserts, "one insert for the transaction's outbox rows: " + sql);
        assertEquals(List.of(), warnings, "the insert at commit left the pool no connection handle to close");

        List<KafkaSupport.Event> sent = KafkaSupport.read(TOPIC, e -> marker.equals(e.subject()), EVENTS,
                Duration.ofSeconds(30));
        List<String> ids = sent.stream().map(KafkaSupport.Event::id).distinct().toList();
        assertEquals(published.stream().map(UUID::toString).toList(), ids, "every event once, in publish order");
        List<Integer> order = new ArrayList<>();
        for (KafkaSupport.Event e : sent) {
            if (order.isEmpty() || order.get(order.size() - 1) != e.data().path("n").asInt()) {
                order.add(e.data().path("n").asInt());
            }
        }
        assertEquals(List.of(0, 1, 2, 3, 4, 5), order);
    }

    @Test
    void theTransactionReadsItsOwnRowsInOrderAndARollbackWritesNone() {
        String marker = UUID.randomUUID().toString();
        List<UUID> inside = new ArrayList<>();
        List<UUID> published = new ArrayList<>();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                published.add(outbox.publish(TOPIC, "a-" + marker, TYPE, marker, Map.of("n", 0)));
                published.add(outbox.publish(TOPIC, "b-" + marker, TYPE, marker, Map.of("n", 1)));
                outbox.writePending();
                published.add(outbox.publish(TOPIC, "a-" + marker, TYPE, marker, Map.of("n", 2)));
                outbox.writePending();
                inside.addAll(rowsOf(marker));
                throw new IllegalStateException("undo");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertEquals(published, inside, "the transaction's own rows, numbered in publish order");
        assertEquals(List.of(), QuarkusTransaction.requiringNew().call(() -> rowsOf(marker)),
                "nothing of the rolled-back transaction stays");
        assertTrue(KafkaSupport.read(TOPIC, e -> marker.equals(e.subject()), 1, Duration.ofSeconds(3)).isEmpty(),
                "nothing of it is published");
    }

    @SuppressWarnings("unchecked")
    private List<UUID> rowsOf(String marker) {
        return em.createNativeQuery("select event_id from outbox_event where subject = ?1 order by seq", UUID.class)
                .setParameter(1, marker).getResultList();
    }
}
