package org.linkage.intake.service;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkage.commons.inbox.Inbox;
import org.linkage.events.EventTypes;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The commons inbox as every consumer uses it: a passing fault is retried (not dead-lettered), the
 * effect lands once, a replay is skipped, and unreadable data fails at once.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class InboxRetryTest {
    record Ping(String text) {
    }

    @Inject
    Inbox inbox;

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
    void unreadableDataFailsAtOnce() {
        ConsumerRecord<String, String> record = event(UUID.randomUUID().toString(), "{not json");
        AtomicInteger applied = new AtomicInteger();
        assertThrows(RuntimeException.class, () -> inbox.consume("inbox-test", record, EventTypes.TICKET_STATUS_CHANGED,
                Ping.class, (event, ping) -> applied.incrementAndGet()));
        assertEquals(0, applied.get());
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
