package org.linkage.router.job;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.router.config.ReceiptConfig;
import org.linkage.router.domain.ReceiptGateway;
import org.linkage.router.repository.Ticket;
import org.linkage.router.support.Fixtures;
import org.linkage.router.support.StatementCounter;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every outcome of a batch is recorded: sent receipts SENT once with their trail entry naming the ticket's number, a
 * passing fault left PENDING for a later attempt with no entry, a refused one FAILED with its entry; and recording
 * the batch takes a fixed handful of statements however many receipts it holds (before: four or five per receipt).
 * <p>
 * The receipts are due a day ahead and a worker of the test's own runs on a clock a day ahead, so that the
 * application's scheduled worker, on today's clock, does not take them first.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class ReceiptBatchTest {
    static final int SENT = 8;

    @Inject
    Fixtures fixtures;
    @Inject
    EntityManager em;
    @Inject
    ReceiptConfig config;
    @Inject
    AuditTrail audit;

    @Test
    void aBatchsOutcomesAreAllRecordedTogether() {
        Instant dueAt = Instant.now().plus(Duration.ofDays(1));
        List<Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < SENT + 2; i++) {
            tickets.add(fixtures.dispatched());
        }
        List<UUID> receipts = new ArrayList<>();
        for (int i = 0; i < tickets.size(); i++) {
            String word = i < SENT ? "SEND" : i == SENT ? "RETRY" : "REFUSE";
            receipts.add(insertReceipt(tickets.get(i).id, word + " " + tickets.get(i).ticketNumber, dueAt));
        }
        AtomicInteger asked = new AtomicInteger();
        ReceiptGateway gateway = out -> {
            asked.incrementAndGet();
            return out.message().startsWith("RETRY") ? ReceiptGateway.Outcome.retry("HTTP 503")
                    : out.message().startsWith("REFUSE") ? ReceiptGateway.Outcome.refused("HTTP 422 号码无效")
                    : ReceiptGateway.Outcome.sent();
        };
        Clock dayAhead = Clock.offset(Clock.systemUTC(), Duration.ofDays(1).plusMinutes(1));
        ReceiptWorker worker = new ReceiptWorker(config, gateway, em, audit, dayAhead);

        int[] attempted = new int[1];
        int statements = StatementCounter.count(() -> attempted[0] = worker.runOnce());
        System.out.printf("BENCH router receipts: a batch of %d receipts, %d statements on the worker's thread%n",
                attempted[0], statements);

        assertTrue(attempted[0] >= tickets.size(), "the batch held every due receipt: " + attempted[0]);
        for (int i = 0; i < tickets.size(); i++) {
            Object[] row = receipt(receipts.get(i));
            Ticket t = tickets.get(i);
            List<String[]> trail = trail(t.id, receipts.get(i));
            assertEquals(1, ((Number) row[1]).intValue(), "one attempt each");
            if (i < SENT) {
                assertEquals("SENT", row[0], "receipt " + i);
                assertNotNull(row[3], "sent at");
                assertEquals(1, trail.size(), "one trail entry for a sent receipt");
                assertEquals("RECEIPT_SENT", trail.get(0)[0]);
                assertEquals(t.ticketNumber, trail.get(0)[1], "the entry names the ticket's number");
            } else if (i == SENT) {
                assertEquals("PENDING", row[0], "a passing fault is tried again later");
                assertEquals("HTTP 503", row[2]);
                assertEquals(0, trail.size(), "a passing fault is not in the trail");
            } else {
                assertEquals("FAILED", row[0], "a refused receipt is given up");
                assertNull(row[3]);
                assertEquals(1, trail.size());
                assertEquals("RECEIPT_FAILED", trail.get(0)[0]);
                assertEquals(t.ticketNumber, trail.get(0)[1]);
            }
        }
        assertTrue(statements <= 8, "claim and record of the batch in a fixed number of statements, not per receipt: "
                + statements);
    }

    private UUID insertReceipt(UUID ticketId, String message, Instant dueAt) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into caller_receipt (id, ticket_id, kind, round, phone, language, message, status,
                            attempts, next_attempt_at, created_at)
                        values (?1, ?2, 'ANSWERED', 9, '13812345678', 'zh', ?3, 'PENDING', 0, ?4, now())""")
                .setParameter(1, id).setParameter(2, ticketId).setParameter(3, message)
                .setParameter(4, dueAt.atOffset(ZoneOffset.UTC)).executeUpdate());
        return id;
    }

    private Object[] receipt(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                        "select status, attempts, last_error, sent_at from caller_receipt where id = ?1", Object[].class)
                .setParameter(1, id).getSingleResult());
    }

    @SuppressWarnings("unchecked")
    private List<String[]> trail(UUID ticketId, UUID receiptId) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        select action, cast(details as jsonb) ->> 'ticketNumber' from audit_entry
                        where entity_type = 'ticket' and entity_id = ?1
                          and cast(details as jsonb) ->> 'receiptId' = ?2 order by at, id""", Object[].class)
                .setParameter(1, ticketId.toString()).setParameter(2, receiptId.toString()).getResultList());
        return rows.stream().map(r -> new String[]{(String) r[0], (String) r[1]}).toList();
    }
}
