package org.linkage.intake.service;

import org.linkage.intake.messaging.PoliceTransferConsumer;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.commons.inbox.DeadLetters;
import org.linkage.commons.inbox.Inbox;
import org.linkage.events.EventTypes;
import org.linkage.events.PoliceTransferCreated;
import org.linkage.events.Topics;
import org.linkage.intake.repository.PoliceTransferRepository;
import org.linkage.testing.Management;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10, item 1: an operator lists a consumer's dead letters and replays one through the consumer
 * (admin only, problem+json errors, audited, counted in a gauge).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class DeadLetterAdminTest {
    @Inject
    Inbox inbox;
    @Inject
    DeadLetters deadLetters;
    @Inject
    ObjectMapper json;
    @Inject
    PoliceTransferRepository transfers;
    @Inject
    AuditTrail audit;

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void anAdminListsAndReplaysADeadLetterThroughItsConsumer() throws Exception {
        UUID transferId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        ConsumerRecord<String, String> record = handBack(transferId, eventId);
        // As if the hand-back had failed for good when it arrived (a bug since fixed, say).
        inbox.consume(PoliceTransferConsumer.CONSUMER, record, EventTypes.POLICE_TRANSFER_CREATED, PoliceTransferCreated.class,
                (event, created) -> {
                    throw new IllegalArgumentException("no such district");
                });
        DeadLetters.DeadLetter letter = deadLetters.list(PoliceTransferConsumer.CONSUMER, false, 1000).stream()
                .filter(d -> eventId.equals(d.eventId())).findFirst().orElseThrow();
        assertNull(QuarkusTransaction.requiringNew().call(() -> transfers.findById(transferId)));

        given().when().get("/api/admin/dead-letters?consumer=" + PoliceTransferConsumer.CONSUMER).then().statusCode(200)
                .body("eventId", hasItem(eventId));
        given().when().get(Management.url("/q/metrics")).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("linkage_inbox_dead_letters{consumer=\"" + PoliceTransferConsumer.CONSUMER + "\""));

        given().when().post("/api/admin/dead-letters/{id}/replay", letter.id()).then().statusCode(200)
                .body("replayedAt", notNullValue())
                .body("replayedBy", equalTo("admin1"));
        assertNotNull(QuarkusTransaction.requiringNew().call(() -> transfers.findById(transferId)),
                "the replayed hand-back was not queued");
        List<String> actions = QuarkusTransaction.requiringNew().call(() ->
                audit.of("dead-letter", letter.id()).stream().map(a -> a.action()).toList());
        assertTrue(actions.contains("dead-letter-replayed"), actions.toString());

        given().when().post("/api/admin/dead-letters/{id}/replay", letter.id()).then().statusCode(409)
                .contentType(startsWith("application/problem+json"));
        given().when().get("/api/admin/dead-letters/{id}", 987654321).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().when().get("/api/admin/dead-letters/x").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("id"));
        assertTrue(deadLetters.list(PoliceTransferConsumer.CONSUMER, false, 1000).stream().noneMatch(d -> d.id() == letter.id()));
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void aReplayThatStillFailsAnswers422AndKeepsTheLetter() {
        String eventId = UUID.randomUUID().toString();
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.POLICE_TRANSFERS, 0, offsets.incrementAndGet(),
                "k", "{not json");
        headers(record, eventId);
        inbox.consume(PoliceTransferConsumer.CONSUMER, record, EventTypes.POLICE_TRANSFER_CREATED, PoliceTransferCreated.class,
                (event, created) -> {
                });
        DeadLetters.DeadLetter letter = deadLetters.list(PoliceTransferConsumer.CONSUMER, false, 1000).stream()
                .filter(d -> eventId.equals(d.eventId())).findFirst().orElseThrow();
        given().when().post("/api/admin/dead-letters/{id}/replay", letter.id()).then().statusCode(422)
                .contentType(startsWith("application/problem+json"));
        assertEquals(2, deadLetters.get(letter.id()).attempts());
        assertNull(deadLetters.get(letter.id()).replayedAt());
    }

    @Test
    @TestSecurity(user = "calltaker1", roles = "call-taker")
    void onlyAnAdminSeesDeadLetters() {
        given().when().get("/api/admin/dead-letters").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
    }

    private static final AtomicLong offsets = new AtomicLong(1_000_000);

    private ConsumerRecord<String, String> handBack(UUID transferId, String eventId) throws Exception {
        PoliceTransferCreated created = new PoliceTransferCreated(transferId, UUID.randomUUID(), "12345-20261128-000901",
                null, "DISPATCHER", "对方持刀威胁", "邻里纠纷升级", "金牛区一环路北一段", "510106", "13900008888", "王五",
                "dispatcher1", Instant.parse("2026-11-28T02:00:00Z"));
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.POLICE_TRANSFERS, 0, offsets.incrementAndGet(),
                transferId.toString(), json.writeValueAsString(created));
        headers(record, eventId);
        return record;
    }

    private static void headers(ConsumerRecord<String, String> record, String eventId) {
        record.headers().add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", EventTypes.POLICE_TRANSFER_CREATED.getBytes(StandardCharsets.UTF_8));
    }
}
