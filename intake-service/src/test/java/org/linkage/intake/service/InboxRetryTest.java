package org.linkage.intake.service;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkage.commons.inbox.DeadLetters;
import org.linkage.commons.inbox.Inbox;
import org.linkage.events.EventTypes;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The commons inbox as every consumer uses it: a passing fault is retried (not dead-lettered), the
 * effect lands once, a replay is skipped, unreadable data is dead-lettered at once, and a database fault is
 * waited out however long it lasts.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class InboxRetryTest {
    record Ping(String text) {
    }

    @Inject
    Inbox inbox;
    @Inject
    DeadLetters deadLetters;
    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry registry;

    @Test
    void aPassingFaultIsRetriedAndTheEffectLandsOnce() {
        ConsumerRecord<String, String> record = event(UUID.randomUUID().toString(), "{\"text\":\"hi\"}");
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger applied = new AtomicInteger();

        inbox.consume("inbox-test", record, EventTypes.TICKET_STATUS_CHANGED, Ping.class, (event, ping) -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("database restarting");
            }
            applied.incrementAndGet();
            assertEquals("hi", ping.text());
        });
        assertEquals(3, attempts.get());
        assertEquals(1, applied.get());

        inbox.consume("inbox-test", record, EventTypes.TICKET_STATUS_CHANGED, Ping.class, (event, ping) -> applied.incrementAndGet());
        assertEquals(1, applied.get(), "a replayed event was applied again");
    }

    @Test
    void aFailedAttemptLeavesNoTraceSoTheRetryStillApplies() {
        ConsumerRecord<String, String> record = event(UUID.randomUUID().toString(), "{\"text\":\"again\"}");
        AtomicInteger applied = new AtomicInteger();
        AtomicInteger attempts = new AtomicInteger();
        inbox.consume("inbox-test", record, EventTypes.TICKET_STATUS_CHANGED, Ping.class, (event, ping) -> {
            // The inbox row of the failed attempt must roll back with it, or the retry would be skipped as a replay.
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("lock time-out");
            }
            applied.incrementAndGet();
        });
        assertEquals(1, applied.get());
    }

    @Test
    void unreadableDataIsDeadLetteredAtOnce() {
        String id = UUID.randomUUID().toString();
        ConsumerRecord<String, String> record = event(id, "{not json");
        AtomicInteger applied = new AtomicInteger();
        // Kept for an operator and acknowledged, so it stops blocking the events behind it.
        inbox.consume("inbox-test-unreadable", record, EventTypes.TICKET_STATUS_CHANGED, Ping.class,
                (event, ping) -> applied.incrementAndGet());
        assertEquals(0, applied.get());
        List<DeadLetters.DeadLetter> kept = deadLetters.list("inbox-test-unreadable", false, 10);
        assertEquals(1, kept.size());
        assertEquals(id, kept.get(0).eventId());
        assertEquals(1, kept.get(0).attempts());
    }

    @Test
    void aFailureThatIsNotADatabaseFaultIsDeadLetteredAfterTheAttempts() {
        ConsumerRecord<String, String> record = event(UUID.randomUUID().toString(), "{\"text\":\"bug\"}");
        AtomicInteger attempts = new AtomicInteger();
        inbox.consume("inbox-test-bug", record, EventTypes.TICKET_STATUS_CHANGED, Ping.class, (event, ping) -> {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("no such district");
        });
        assertEquals(3, attempts.get(), "linkage.inbox.attempts in the test profile");
        assertEquals(1, deadLetters.list("inbox-test-bug", false, 10).size());
    }

    @Test
    void aDatabaseFaultIsWaitedOutBeyondTheAttemptsAndNeverDeadLettered() {
        ConsumerRecord<String, String> record = event(UUID.randomUUID().toString(), "{\"text\":\"outage\"}");
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger applied = new AtomicInteger();
        inbox.consume("inbox-test-outage", record, EventTypes.TICKET_STATUS_CHANGED, Ping.class, (event, ping) -> {
            if (attempts.incrementAndGet() < 6) {
                // As PostgreSQL answers while shutting down: SQLSTATE 57P01.
                throw new IllegalStateException("could not execute statement",
                        new SQLException("terminating connection due to administrator command", "57P01"));
            }
            applied.incrementAndGet();
        });
        assertEquals(6, attempts.get());
        assertEquals(1, applied.get());
        assertTrue(deadLetters.list("inbox-test-outage", true, 10).isEmpty());
    }

    @Test
    void aPollIsAppliedInOneTransactionOnceAndARedeliveredPollIsSkipped() {
        List<ConsumerRecord<String, String>> poll = List.of(event(UUID.randomUUID().toString(), "{\"text\":\"a\"}"),
                event(UUID.randomUUID().toString(), "{\"text\":\"b\"}"), event(UUID.randomUUID().toString(), "{\"text\":\"c\"}"));
        List<String> applied = new java.util.ArrayList<>();
        java.util.Set<Object> transactions = new java.util.HashSet<>();
        java.util.function.Consumer<ConsumerRecord<String, String>> perRecord = record -> inbox.consume("inbox-test-batch",
                record, EventTypes.TICKET_STATUS_CHANGED, Ping.class, (event, ping) -> {
                    applied.add(ping.text());
                    transactions.add(registry.getTransactionKey());
                });

        inbox.consumeAll("inbox-test-batch", poll, perRecord);
        assertEquals(List.of("a", "b", "c"), applied, "each record once, in the poll's order");
        assertEquals(1, transactions.size(), "the poll's records share one transaction");

        inbox.consumeAll("inbox-test-batch", poll, perRecord);
        assertEquals(3, applied.size(), "a redelivered poll was applied again");
    }

    @Test
    void anUnreadableRecordInAPollIsDeadLetteredAndTheOthersApplyOnce() {
        String bad = UUID.randomUUID().toString();
        List<ConsumerRecord<String, String>> poll = List.of(event(UUID.randomUUID().toString(), "{\"text\":\"first\"}"),
                event(bad, "{not json"), event(UUID.randomUUID().toString(), "{\"text\":\"last\"}"));
        AtomicInteger committed = new AtomicInteger();
        inbox.consumeAll("inbox-test-batch-bad", poll, record -> inbox.consume("inbox-test-batch-bad", record,
                EventTypes.TICKET_STATUS_CHANGED, Ping.class, (event, ping) -> registry.registerInterposedSynchronization(
                        new jakarta.transaction.Synchronization() {
                            @Override
                            public void beforeCompletion() {
                            }

                            @Override
                            public void afterCompletion(int status) {
                                if (status == jakarta.transaction.Status.STATUS_COMMITTED) {
                                    committed.incrementAndGet();
                                }
                            }
                        })));

        // The batch rolled back as a whole and was taken one record at a time: the good ones land exactly once.
        assertEquals(2, committed.get(), "effects that committed");
        List<DeadLetters.DeadLetter> kept = deadLetters.list("inbox-test-batch-bad", false, 10);
        assertEquals(1, kept.size());
        assertEquals(bad, kept.get(0).eventId());
    }

    @Test
    void otherTypesAreIgnored() {
        AtomicInteger applied = new AtomicInteger();
        inbox.consume("inbox-test", event(UUID.randomUUID().toString(), "{\"text\":\"x\"}"), EventTypes.REFERRAL_CREATED,
                Ping.class, (event, ping) -> applied.incrementAndGet());
        assertEquals(0, applied.get());
    }

    private static ConsumerRecord<String, String> event(String id, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("linkage.tickets", 0, 0, "key", value);
        for (Map.Entry<String, String> h : Map.of("ce_id", id, "ce_type", EventTypes.TICKET_STATUS_CHANGED).entrySet()) {
            record.headers().add(h.getKey(), h.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
