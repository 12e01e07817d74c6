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
    @Inject
    jakarta.persistence.EntityManager em;

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
    void aRedeliveredPollThatWasHalfSeenAppliesOnlyItsNewRecords() {
        ConsumerRecord<String, String> a = event(UUID.randomUUID().toString(), "{\"text\":\"a\"}");
        ConsumerRecord<String, String> b = event(UUID.randomUUID().toString(), "{\"text\":\"b\"}");
        ConsumerRecord<String, String> c = event(UUID.randomUUID().toString(), "{\"text\":\"c\"}");
        ConsumerRecord<String, String> d = event(UUID.randomUUID().toString(), "{\"text\":\"d\"}");
        List<String> applied = new java.util.ArrayList<>();
        java.util.function.Consumer<ConsumerRecord<String, String>> perRecord = record -> inbox.consume("inbox-test-half",
                record, EventTypes.TICKET_STATUS_CHANGED, Ping.class, (event, ping) -> onCommit(applied, ping.text()));
        inbox.consumeAll("inbox-test-half", List.of(a, b), perRecord);
        assertEquals(List.of("a", "b"), applied);

        // After a crash before the offsets were committed, Kafka hands over the old records again with new ones.
        inbox.consumeAll("inbox-test-half", List.of(a, c, b, d), perRecord);
        assertEquals(List.of("a", "b", "c", "d"), applied, "only the records not seen before, in the poll's order");
        assertEquals(4, rows("inbox-test-half"), "one inbox row per event");
    }

    @Test
    void aRecordTwiceInOnePollAppliesOnce() {
        String id = UUID.randomUUID().toString();
        ConsumerRecord<String, String> x = event(id, "{\"text\":\"x\"}");
        ConsumerRecord<String, String> y = event(UUID.randomUUID().toString(), "{\"text\":\"y\"}");
        List<String> applied = new java.util.ArrayList<>();
        java.util.function.Consumer<ConsumerRecord<String, String>> perRecord = record -> inbox.consume("inbox-test-twice",
                record, EventTypes.TICKET_STATUS_CHANGED, Ping.class, (event, ping) -> onCommit(applied, ping.text()));
        inbox.consumeAll("inbox-test-twice", List.of(x, y, event(id, "{\"text\":\"x\"}")), perRecord);
        assertEquals(List.of("x", "y"), applied);
        inbox.consume("inbox-test-twice", x, EventTypes.TICKET_STATUS_CHANGED, Ping.class,
                (event, ping) -> onCommit(applied, ping.text()));
        assertEquals(2, applied.size(), "the event's inbox row was kept");
    }

    @Test
    void aPoisonedRecordInAHalfSeenPollIsDeadLetteredAndOnlyTheNewGoodOnesApply() {
        ConsumerRecord<String, String> seen = event(UUID.randomUUID().toString(), "{\"text\":\"seen\"}");
        String bad = UUID.randomUUID().toString();
        List<String> applied = new java.util.ArrayList<>();
        java.util.function.Consumer<ConsumerRecord<String, String>> perRecord = record -> inbox.consume("inbox-test-poison",
                record, EventTypes.TICKET_STATUS_CHANGED, Ping.class, (event, ping) -> onCommit(applied, ping.text()));
        inbox.consumeAll("inbox-test-poison", List.of(seen), perRecord);
        applied.clear();

        inbox.consumeAll("inbox-test-poison", List.of(seen, event(UUID.randomUUID().toString(), "{\"text\":\"one\"}"),
                event(bad, "{not json"), event(UUID.randomUUID().toString(), "{\"text\":\"two\"}")), perRecord);
        // The batch's claim and effects rolled back with it; taken one at a time, each good new record once.
        assertEquals(List.of("one", "two"), applied, "effects that committed");
        assertEquals(1, deadLetters.list("inbox-test-poison", false, 10).size());
        assertEquals(3, rows("inbox-test-poison"), "the seen record, one and two; the dead letter is kept elsewhere");
    }

    @Test
    void aPollClaimsRowsOnlyForTheRecordsTheConsumerTakes() {
        ConsumerRecord<String, String> taken = event(UUID.randomUUID().toString(), "{\"text\":\"taken\"}");
        ConsumerRecord<String, String> skipped = event(UUID.randomUUID().toString(), "{\"text\":\"skipped\"}");
        ConsumerRecord<String, String> otherType = new ConsumerRecord<>("linkage.tickets", 0, 0, "key", "{}");
        otherType.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        otherType.headers().add("ce_type", EventTypes.TICKET_DISPATCHED.getBytes(StandardCharsets.UTF_8));
        List<String> applied = new java.util.ArrayList<>();
        inbox.consumeAll("inbox-test-claims", List.of(taken, otherType, skipped), record -> {
            if (record != skipped) {
                inbox.consume("inbox-test-claims", record, EventTypes.TICKET_STATUS_CHANGED, Ping.class,
                        (event, ping) -> onCommit(applied, ping.text()));
            }
        });
        assertEquals(List.of("taken"), applied);
        assertEquals(1, rows("inbox-test-claims"), "no row for an ignored type nor for a record not taken");
        // So a record the consumer did not take then is still new to it later.
        inbox.consume("inbox-test-claims", skipped, EventTypes.TICKET_STATUS_CHANGED, Ping.class,
                (event, ping) -> onCommit(applied, ping.text()));
        assertEquals(List.of("taken", "skipped"), applied);
    }

    @Test
    void theInboxRowsOfAPollAreOneStatement() {
        List<ConsumerRecord<String, String>> poll = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            poll.add(event(UUID.randomUUID().toString(), "{\"text\":\"" + i + "\"}"));
        }
        AtomicInteger applied = new AtomicInteger();
        java.util.function.Consumer<ConsumerRecord<String, String>> perRecord = record -> inbox.consume("inbox-test-count",
                record, EventTypes.TICKET_STATUS_CHANGED, Ping.class, (event, ping) -> applied.incrementAndGet());
        List<String> batch = org.linkage.intake.support.StatementTally.onThisThread(
                () -> inbox.consumeAll("inbox-test-count", poll, perRecord));
        List<String> alone = org.linkage.intake.support.StatementTally.onThisThread(
                () -> inbox.consume("inbox-test-count", event(UUID.randomUUID().toString(), "{\"text\":\"z\"}"),
                        EventTypes.TICKET_STATUS_CHANGED, Ping.class, (event, ping) -> applied.incrementAndGet()));
        long inBatch = batch.stream().filter(sql -> sql.contains("processed_event")).count();
        System.out.printf("BENCH inbox: a poll of %d new events, %d statements (%d on processed_event); one event alone"
                + " %d statements%n", poll.size(), batch.size(), inBatch, alone.size());
        assertEquals(101, applied.get());
        assertEquals(101, rows("inbox-test-count"));
    }

    @Test
    void otherTypesAreIgnored() {
        AtomicInteger applied = new AtomicInteger();
        inbox.consume("inbox-test", event(UUID.randomUUID().toString(), "{\"text\":\"x\"}"), EventTypes.REFERRAL_CREATED,
                Ping.class, (event, ping) -> applied.incrementAndGet());
        assertEquals(0, applied.get());
    }

    /**
     * Adds {@code value} to {@code landed} once the current transaction has committed, in the order the effects ran:
     * only effects that really landed count.
     */
    @SuppressWarnings("unchecked")
    private void onCommit(List<String> landed, String value) {
        List<String> inThisTransaction = (List<String>) registry.getResource("landed-" + System.identityHashCode(landed));
        if (inThisTransaction == null) {
            List<String> values = new java.util.ArrayList<>();
            registry.putResource("landed-" + System.identityHashCode(landed), values);
            registry.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == jakarta.transaction.Status.STATUS_COMMITTED) {
                        landed.addAll(values);
                    }
                }
            });
            inThisTransaction = values;
        }
        inThisTransaction.add(value);
    }

    private long rows(String consumer) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from processed_event where consumer = ?1").setParameter(1, consumer)
                .getSingleResult()).longValue());
    }

    private static ConsumerRecord<String, String> event(String id, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("linkage.tickets", 0, 0, "key", value);
        for (Map.Entry<String, String> h : Map.of("ce_id", id, "ce_type", EventTypes.TICKET_STATUS_CHANGED).entrySet()) {
            record.headers().add(h.getKey(), h.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
