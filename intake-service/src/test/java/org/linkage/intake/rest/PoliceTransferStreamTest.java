package org.linkage.intake.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.smallrye.mutiny.subscription.BackPressureFailure;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.events.PoliceTransferCreated;
import org.linkage.intake.service.PoliceTransferChange;
import org.linkage.intake.service.PoliceTransferFeed;
import org.linkage.intake.service.PoliceTransferNotices;
import org.linkage.intake.support.HandBacks;
import org.linkage.intake.support.OtherReplica;
import org.linkage.intake.support.ShortLivedToken;
import org.linkage.intake.support.SseStream;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hand-back stream over a real HTTP connection. @TestSecurity authenticates every request the
 * server receives while the test method runs, whichever client sends it, so the raw HttpClient below
 * carries the method's identity without a token; without the annotation it is anonymous.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class PoliceTransferStreamTest {
    private static final Duration SOON = Duration.ofSeconds(20);

    @TestHTTPResource("/api/police-transfers/stream")
    URI stream;
    @Inject
    ObjectMapper json;
    @Inject
    PoliceTransferNotices notices;
    @Inject
    PoliceTransferFeed feed;

    @Test
    @TestSecurity(user = "calltaker1", roles = "call-taker")
    void aHandBackIsPushedOnceMaskedAndItsAcceptanceFollows() throws Exception {
        try (SseStream sse = SseStream.open(stream)) {
            assertEquals(200, sse.status());
            assertTrue(sse.header("Content-Type").startsWith("text/event-stream"), sse.header("Content-Type"));
            assertEquals("no", sse.header("X-Accel-Buffering"));
            sse.await(e -> "connected".equals(e.comment()), SOON);

            UUID transferId = UUID.randomUUID();
            UUID marker = UUID.randomUUID();
            HandBacks.publishReplayedThenMarker(json, transfer(transferId), transfer(marker));

            JsonNode pushed = json.readTree(sse.await(e -> isAbout(e, "police-transfer", transferId), SOON).data());
            assertEquals("WAITING", pushed.path("state").asText());
            assertEquals("139****7777", pushed.path("callerPhone").asText());
            assertEquals("赵*", pushed.path("callerName").asText());
            assertEquals("来电人称有人持刀", pushed.path("reason").asText());
            sse.await(e -> isAbout(e, "police-transfer", marker), SOON);
            List<SseStream.Event> again = sse.rest().stream().filter(e -> isAbout(e, "police-transfer", transferId))
                    .toList();
            assertEquals(List.of(), again, "the replayed record was pushed a second time");

            given().contentType(ContentType.JSON).body(Map.of("incidentNumber", "JQ20261128000901"))
                    .when().post("/api/police-transfers/{id}/acceptance", transferId)
                    .then().statusCode(200).body("callerPhone", equalTo("13900007777"));
            JsonNode accepted = json.readTree(sse.await(e -> isAbout(e, "police-transfer-accepted", transferId),
                    SOON).data());
            assertEquals("ACCEPTED", accepted.path("state").asText());
            assertEquals("calltaker1", accepted.path("acceptedBy").asText());
            // Every console hears of the acceptance; only the one who accepted sees the full number.
            assertEquals("139****7777", accepted.path("callerPhone").asText());

            // A second acceptance is refused (409) and rolled back: no second accepted event.
            given().contentType(ContentType.JSON).body("{}")
                    .when().post("/api/police-transfers/{id}/acceptance", transferId).then().statusCode(409);
            sse.await(e -> "heartbeat".equals(e.comment()), Duration.ofSeconds(5));
            assertEquals(List.of(), sse.rest().stream().filter(e -> isAbout(e, "police-transfer-accepted", transferId))
                    .toList());
        }
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void aQuietStreamStillSendsHeartbeats() throws Exception {
        try (SseStream sse = SseStream.open(stream)) {
            assertEquals(200, sse.status());
            sse.await(e -> "heartbeat".equals(e.comment()), Duration.ofSeconds(5));
            // An identity without an expiring token (no exp claim) keeps its stream.
            assertFalse(sse.ends(Duration.ofSeconds(ShortLivedToken.SECONDS + 2)), "the stream ended by itself");
        }
    }

    @Test
    @TestSecurity(user = ShortLivedToken.USER, roles = "call-taker", augmentors = ShortLivedToken.class)
    void theStreamEndsWhenTheTokenThatOpenedItExpires() throws Exception {
        try (SseStream sse = SseStream.open(stream)) {
            assertEquals(200, sse.status());
            sse.await(e -> "connected".equals(e.comment()), SOON);
            assertTrue(sse.ends(Duration.ofSeconds(ShortLivedToken.SECONDS + 8)), "still open after the token expired");
        }
    }

    @Test
    @TestSecurity(user = "calltaker1", roles = "call-taker")
    void aChangeCommittedOnAnotherReplicaReachesThisReplicasConsoles() throws Exception {
        try (SseStream sse = SseStream.open(stream); OtherReplica other = OtherReplica.connect()) {
            assertEquals(200, sse.status());
            sse.await(e -> "connected".equals(e.comment()), SOON);
            UUID transferId = UUID.randomUUID();

            other.queue(List.of(transferId));
            JsonNode pushed = json.readTree(sse.await(e -> isAbout(e, "police-transfer", transferId), SOON).data());
            assertEquals("WAITING", pushed.path("state").asText());
            assertEquals("139****8888", pushed.path("callerPhone").asText());

            other.accept(transferId, "calltaker2");
            JsonNode accepted = json.readTree(sse.await(e -> isAbout(e, "police-transfer-accepted", transferId),
                    SOON).data());
            assertEquals("ACCEPTED", accepted.path("state").asText());
            assertEquals("calltaker2", accepted.path("acceptedBy").asText());
        }
    }

    /**
     * Commit on another replica to the event read off this replica's stream, one change at a time. Printed
     * for the record; the bound only catches a push that waits for something (a poll, a heartbeat).
     */
    @Test
    @TestSecurity(user = "calltaker1", roles = "call-taker")
    void aCommittedChangeIsPushedWithinMilliseconds() throws Exception {
        try (SseStream sse = SseStream.open(stream); OtherReplica other = OtherReplica.connect()) {
            sse.await(e -> "connected".equals(e.comment()), SOON);
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                UUID transferId = UUID.randomUUID();
                long committing = System.nanoTime();
                other.queue(List.of(transferId));
                sse.await(e -> isAbout(e, "police-transfer", transferId), SOON);
                micros.add((System.nanoTime() - committing) / 1000);
            }
            List<Long> sorted = micros.stream().sorted().toList();
            System.out.printf("hand-back push latency, commit to client, %d changes: median %.1f ms, p90 %.1f ms,"
                            + " max %.1f ms%n", sorted.size(), sorted.get(sorted.size() / 2) / 1000.0,
                    sorted.get(sorted.size() * 9 / 10) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0);
            assertTrue(sorted.get(sorted.size() / 2) < 500_000, "median push latency " + sorted);
        }
    }

    @Test
    void aRolledBackChangeIsNeverPushed() throws Exception {
        UUID rolledBack = UUID.randomUUID();
        UUID committed = UUID.randomUUID();
        try (OtherReplica other = OtherReplica.connect()) {
            // Both stored and committed, so a notice that escaped its rollback would find its transfer and be pushed.
            other.storeSilently(rolledBack);
            other.storeSilently(committed);
            AssertSubscriber<PoliceTransferChange> console = feed.subscribe()
                    .subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
            assertThrows(QuarkusTransactionException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
                notices.send(PoliceTransferChange.Kind.QUEUED, rolledBack);
                QuarkusTransaction.setRollbackOnly();
            }));
            QuarkusTransaction.requiringNew().run(() -> notices.send(PoliceTransferChange.Kind.QUEUED, committed));
            // Notices arrive in commit order, so had the rolled-back one been delivered it would come first.
            await().atMost(Duration.ofSeconds(10)).until(() -> ids(console).contains(committed));
            assertEquals(List.of(committed), ids(console).stream()
                    .filter(id -> id.equals(rolledBack) || id.equals(committed)).toList());
            console.cancel();
        }
    }

    @Test
    void aConsoleThatStopsReadingIsDroppedWithoutHoldingUpTheOthers() throws Exception {
        AssertSubscriber<PoliceTransferChange> stuck = feed.subscribe()
                .subscribe().withSubscriber(AssertSubscriber.create(0));
        AssertSubscriber<PoliceTransferChange> reading = feed.subscribe()
                .subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        try (OtherReplica other = OtherReplica.connect()) {
            // Ten commits of 100 changes: more than a console's backlog in all, never more than it at once.
            for (int round = 0; round < 10; round++) {
                List<UUID> burst = IntStream.range(0, 100).mapToObj(i -> UUID.randomUUID()).toList();
                // The listener hands each change to every subscriber: it must not wait for the stuck one.
                other.queue(burst);
                await().atMost(Duration.ofSeconds(10)).until(() -> ids(reading).containsAll(burst));
            }
        }
        assertEquals(null, reading.getFailure());
        stuck.awaitFailure(Duration.ofSeconds(10));
        assertTrue(stuck.getFailure() instanceof BackPressureFailure, String.valueOf(stuck.getFailure()));
        reading.cancel();
    }

    /**
     * Changes committed while the listener is cut off are never heard on this replica, so its open streams
     * end (their consoles reconnect and re-read the list) and a stream opened after it listens again hears.
     */
    @Test
    @TestSecurity(user = "calltaker1", roles = "call-taker")
    void whenTheListenerIsCutOffStreamsEndAndReconnectedStreamsHearAgain() throws Exception {
        try (OtherReplica other = OtherReplica.connect()) {
            try (SseStream sse = SseStream.open(stream)) {
                sse.await(e -> "connected".equals(e.comment()), SOON);
                assertEquals(1, other.cutOffListener());
                assertTrue(sse.ends(Duration.ofSeconds(10)), "the stream outlived its replica's listener");
            }
            await().atMost(SOON).until(() -> {
                try (SseStream probe = SseStream.open(stream)) {
                    // 503 (a problem, with when to retry) until the listener is back
                    return probe.status() == 200;
                }
            });
            try (SseStream sse = SseStream.open(stream)) {
                assertEquals(200, sse.status());
                sse.await(e -> "connected".equals(e.comment()), SOON);
                UUID transferId = UUID.randomUUID();
                other.queue(List.of(transferId));
                sse.await(e -> isAbout(e, "police-transfer", transferId), SOON);
            }
        }
    }

    @Test
    void withoutATokenTheStreamIsRefused() throws Exception {
        try (SseStream sse = SseStream.open(stream)) {
            assertEquals(401, sse.status());
        }
    }

    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent")
    void departmentAgentsMayNotListen() throws Exception {
        try (SseStream sse = SseStream.open(stream)) {
            assertEquals(403, sse.status());
        }
    }

    private static boolean isAbout(SseStream.Event e, String name, UUID transferId) {
        return name.equals(e.name()) && e.data().contains("\"id\":\"" + transferId + "\"");
    }

    private static List<UUID> ids(AssertSubscriber<PoliceTransferChange> console) {
        return console.getItems().stream().map(c -> c.transfer().id).toList();
    }

    private static PoliceTransferCreated transfer(UUID transferId) {
        return new PoliceTransferCreated(transferId, UUID.randomUUID(), "12345-20261128-000901", null, "DISPATCHER",
                "来电人称有人持刀", "小区门口有人持刀吵架", "武侯区天府大道北段1700号", "510107", "13900007777", "赵六",
                "dispatcher1", Instant.parse("2026-11-28T03:00:00Z"));
    }
}
