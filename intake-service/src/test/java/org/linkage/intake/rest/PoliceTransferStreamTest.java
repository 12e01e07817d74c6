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
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.events.PoliceTransferCreated;
import org.linkage.intake.repository.PoliceTransferEntity;
import org.linkage.intake.service.PoliceTransferChange;
import org.linkage.intake.service.PoliceTransferFeed;
import org.linkage.intake.support.HandBacks;
import org.linkage.intake.support.ShortLivedToken;
import org.linkage.intake.support.SseStream;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
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
    Event<PoliceTransferChange> changes;
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
    void aRolledBackChangeIsNeverPushed() {
        AssertSubscriber<PoliceTransferChange> console = feed.subscribe()
                .subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        PoliceTransferChange rolledBack = change();
        PoliceTransferChange committed = change();
        assertThrows(QuarkusTransactionException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            changes.fire(rolledBack);
            QuarkusTransaction.setRollbackOnly();
        }));
        QuarkusTransaction.requiringNew().run(() -> changes.fire(committed));
        // Observers run in commit order, so had the rolled-back change been pushed it would come first.
        await().atMost(Duration.ofSeconds(10)).until(() -> console.getItems().contains(committed));
        assertEquals(List.of(committed), console.getItems().stream()
                .filter(c -> c == rolledBack || c == committed).toList());
        console.cancel();
    }

    @Test
    void aConsoleThatStopsReadingIsDroppedWithoutHoldingUpTheOthers() {
        AssertSubscriber<PoliceTransferChange> stuck = feed.subscribe()
                .subscribe().withSubscriber(AssertSubscriber.create(0));
        AssertSubscriber<PoliceTransferChange> reading = feed.subscribe()
                .subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        // Ten commits of 100 changes: more than a console's backlog in all, never more than it at once.
        for (int round = 0; round < 10; round++) {
            List<PoliceTransferChange> burst = IntStream.range(0, 100).mapToObj(i -> change()).toList();
            // The commit notifies the observer on this thread once per change: it must not wait for the stuck one.
            QuarkusTransaction.requiringNew().run(() -> burst.forEach(changes::fire));
            await().atMost(Duration.ofSeconds(10)).until(() -> reading.getItems().containsAll(burst));
        }
        assertEquals(null, reading.getFailure());
        stuck.awaitFailure(Duration.ofSeconds(10));
        assertTrue(stuck.getFailure() instanceof BackPressureFailure, String.valueOf(stuck.getFailure()));
        reading.cancel();
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

    private static PoliceTransferChange change() {
        PoliceTransferEntity t = new PoliceTransferEntity();
        t.id = UUID.randomUUID();
        t.state = PoliceTransferEntity.State.WAITING;
        return new PoliceTransferChange(PoliceTransferChange.Kind.QUEUED, t);
    }

    private static PoliceTransferCreated transfer(UUID transferId) {
        return new PoliceTransferCreated(transferId, UUID.randomUUID(), "12345-20261128-000901", null, "DISPATCHER",
                "来电人称有人持刀", "小区门口有人持刀吵架", "武侯区天府大道北段1700号", "510107", "13900007777", "赵六",
                "dispatcher1", Instant.parse("2026-11-28T03:00:00Z"));
    }
}
