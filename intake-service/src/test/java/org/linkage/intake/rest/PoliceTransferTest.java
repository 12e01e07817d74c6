package org.linkage.intake.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.events.PoliceTransferCreated;
import org.linkage.intake.repository.PoliceTransferEntity;
import org.linkage.intake.repository.PoliceTransferRepository;
import org.linkage.intake.support.CallFixtures;
import org.linkage.intake.support.HandBacks;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@TestSecurity(user = "calltaker1", roles = "call-taker")
class PoliceTransferTest {
    @Inject
    ObjectMapper json;
    @Inject
    PoliceTransferRepository transfers;

    @Test
    void aHandBackAppearsInTheQueueMaskedAndIsAcceptedOnce() throws Exception {
        UUID transferId = publishTransfer();
        String path = "items.find { it.id == '" + transferId + "' }";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().queryParam("size", 100).when().get("/api/police-transfers").then().statusCode(200)
                        .body(path + ".state", equalTo("WAITING"))
                        .body(path + ".callerPhone", equalTo("139****8888"))
                        .body(path + ".reason", equalTo("来电人称对方持刀威胁")));

        given().contentType(ContentType.JSON).body(Map.of("incidentNumber", "JQ20261128000045", "note", "已派警"))
                .when().post("/api/police-transfers/{id}/acceptance", transferId)
                .then().statusCode(200)
                .body("state", equalTo("ACCEPTED"))
                .body("acceptedBy", equalTo("calltaker1"))
                .body("callerPhone", equalTo("13900008888"))
                .body("incidentNumber", equalTo("JQ20261128000045"));
        given().contentType(ContentType.JSON).body("{}").when().post("/api/police-transfers/{id}/acceptance", transferId)
                .then().statusCode(409).contentType("application/problem+json")
                .body("acceptedBy", equalTo("calltaker1"));
        given().queryParam("size", 100).when().get("/api/police-transfers")
                .then().body("items.id", not(hasItem(transferId.toString())));
        given().queryParam("state", "ACCEPTED").queryParam("size", 100).when().get("/api/police-transfers")
                .then().body("items.id", hasItem(transferId.toString()));
        given().when().get("/api/police-transfers/{id}/audit", transferId)
                .then().statusCode(200)
                .body("action", contains("RECEIVED", "ACCEPTED"))
                .body("actor", contains("system:intake-police-transfers", "calltaker1"));
    }

    @Test
    void aReplayedHandBackIsQueuedOnce() throws Exception {
        UUID transferId = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        HandBacks.publishReplayedThenMarker(json, transfer(transferId), transfer(marker));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("size", 100)
                .when().get("/api/police-transfers").then().body("items.id", hasItem(marker.toString())));
        given().queryParam("size", 100).when().get("/api/police-transfers").then()
                .body("items.findAll { it.id == '" + transferId + "' }.size()", equalTo(1));
        given().when().get("/api/police-transfers/{id}/audit", transferId).then().body("action", contains("RECEIVED"));
    }

    @Test
    void aHandBackOfOneOfOurCallsIsOnThatCallsAuditTrail() throws Exception {
        UUID callId = UUID.fromString(CallFixtures.postConfirmed(CallFixtures.WAGES).path("id"));
        UUID transferId = UUID.randomUUID();
        PoliceTransferCreated t = new PoliceTransferCreated(transferId, UUID.randomUUID(), "12345-20261128-000778",
                callId, "DISPATCHER", "欠薪纠纷已升级为斗殴", "工地双方打起来了", "武侯区天府大道北段1700号", "510107",
                "13812345678", "张三", "dispatcher1", Instant.parse("2026-11-28T04:00:00Z"));
        HandBacks.publish(json, t);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/api/calls/{id}/audit", callId).then().statusCode(200)
                        .body("find { it.action == 'HANDED_BACK' }.reason", equalTo("欠薪纠纷已升级为斗殴"))
                        .body("find { it.action == 'HANDED_BACK' }.actor", equalTo("system:intake-police-transfers")));
        given().queryParam("size", 100).when().get("/api/police-transfers").then()
                .body("items.find { it.id == '" + transferId + "' }.callId", equalTo(callId.toString()));
    }

    @Test
    void theQueuePagesOldestFirstAndTheAcceptedNewestFirst() {
        // Received long before anything else the tests queue, so these three head the WAITING queue.
        UUID first = insert(t -> t.receivedAt = Instant.parse("2001-01-01T00:00:01Z"));
        UUID second = insert(t -> t.receivedAt = Instant.parse("2001-01-01T00:00:02Z"));
        UUID third = insert(t -> t.receivedAt = Instant.parse("2001-01-01T00:00:03Z"));
        // Accepted far in the future, so these head the ACCEPTED list.
        UUID acceptedEarlier = insert(t -> accepted(t, "2100-01-01T00:00:01Z"));
        UUID acceptedLater = insert(t -> accepted(t, "2100-01-01T00:00:02Z"));

        given().queryParam("size", 2).when().get("/api/police-transfers")
                .then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(2))
                .body("total", greaterThanOrEqualTo(3))
                .body("items.id", contains(first.toString(), second.toString()))
                .body("items.callerPhone", everyItem(equalTo("139****6666")));
        given().queryParam("size", 2).queryParam("page", 1).when().get("/api/police-transfers")
                .then().body("items[0].id", equalTo(third.toString()));
        given().queryParam("state", "ACCEPTED").queryParam("size", 2).when().get("/api/police-transfers")
                .then().body("items.id", contains(acceptedLater.toString(), acceptedEarlier.toString()))
                .body("items.state", everyItem(equalTo("ACCEPTED")));
    }

    @Test
    @TestSecurity(user = "officer1", roles = "officer")
    void officersDoNotWorkTheQueue() {
        given().queryParam("size", 100).when().get("/api/police-transfers").then().statusCode(403);
    }

    private UUID insert(Consumer<PoliceTransferEntity> change) {
        PoliceTransferEntity t = new PoliceTransferEntity();
        t.id = UUID.randomUUID();
        t.origin = "DISPATCHER";
        t.reason = "排序测试";
        t.callerPhone = "13900006666";
        t.transferredAt = Instant.parse("2001-01-01T00:00:00Z");
        t.receivedAt = Instant.parse("2001-01-01T00:00:00Z");
        t.state = PoliceTransferEntity.State.WAITING;
        change.accept(t);
        QuarkusTransaction.requiringNew().run(() -> transfers.persist(t));
        return t.id;
    }

    private static void accepted(PoliceTransferEntity t, String at) {
        t.state = PoliceTransferEntity.State.ACCEPTED;
        t.acceptedBy = "calltaker-paging";
        t.acceptedAt = Instant.parse(at);
    }

    private UUID publishTransfer() throws Exception {
        UUID transferId = UUID.randomUUID();
        HandBacks.publish(json, transfer(transferId));
        return transferId;
    }

    private static PoliceTransferCreated transfer(UUID transferId) {
        return new PoliceTransferCreated(transferId, UUID.randomUUID(), "12345-20261128-000777", null, "DISPATCHER",
                "来电人称对方持刀威胁", "邻里纠纷升级，对方拿刀威胁", "金牛区一环路北一段", "510106", "13900008888", "王五",
                "dispatcher1", Instant.parse("2026-11-28T02:00:00Z"));
    }
}
