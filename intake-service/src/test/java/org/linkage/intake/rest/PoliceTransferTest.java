package org.linkage.intake.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventTypes;
import org.linkage.events.PoliceTransferCreated;
import org.linkage.events.Topics;
import org.linkage.intake.support.CallFixtures;
import org.linkage.intake.support.KafkaClient;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@TestSecurity(user = "calltaker1", roles = "call-taker")
class PoliceTransferTest {
    @Inject
    ObjectMapper json;

    @Test
    void aHandBackAppearsInTheQueueMaskedAndIsAcceptedOnce() throws Exception {
        UUID transferId = publishTransfer();
        String path = "find { it.id == '" + transferId + "' }";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/api/police-transfers").then().statusCode(200)
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
        given().when().get("/api/police-transfers").then().body("id", not(hasItem(transferId.toString())));
        given().queryParam("state", "ACCEPTED").when().get("/api/police-transfers")
                .then().body("id", hasItem(transferId.toString()));
        given().when().get("/api/police-transfers/{id}/audit", transferId)
                .then().statusCode(200)
                .body("action", contains("RECEIVED", "ACCEPTED"))
                .body("actor", contains("system:intake-police-transfers", "calltaker1"));
    }

    @Test
    void aReplayedHandBackIsQueuedOnce() throws Exception {
        UUID transferId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String data = json.writeValueAsString(transfer(transferId));
        KafkaClient.publish(Topics.POLICE_TRANSFERS, transferId.toString(), eventId,
                EventTypes.POLICE_TRANSFER_CREATED, "12345-20261128-000777", data);
        KafkaClient.publish(Topics.POLICE_TRANSFERS, transferId.toString(), eventId,
                EventTypes.POLICE_TRANSFER_CREATED, "12345-20261128-000777", data);
        // A later transfer on the same partition marks the point by which the replay was consumed.
        UUID marker = UUID.randomUUID();
        KafkaClient.publish(Topics.POLICE_TRANSFERS, transferId.toString(), UUID.randomUUID().toString(),
                EventTypes.POLICE_TRANSFER_CREATED, "marker", json.writeValueAsString(transfer(marker)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/api/police-transfers").then().body("id", hasItem(marker.toString())));
        given().when().get("/api/police-transfers").then()
                .body("findAll { it.id == '" + transferId + "' }.size()", equalTo(1));
        given().when().get("/api/police-transfers/{id}/audit", transferId).then().body("action", contains("RECEIVED"));
    }

    @Test
    void aHandBackOfOneOfOurCallsIsOnThatCallsAuditTrail() throws Exception {
        UUID callId = UUID.fromString(CallFixtures.postConfirmed(CallFixtures.WAGES).path("id"));
        UUID transferId = UUID.randomUUID();
        PoliceTransferCreated t = new PoliceTransferCreated(transferId, UUID.randomUUID(), "12345-20261128-000778",
                callId, "DISPATCHER", "欠薪纠纷已升级为斗殴", "工地双方打起来了", "武侯区天府大道北段1700号", "510107",
                "13812345678", "张三", "dispatcher1", Instant.parse("2026-11-28T04:00:00Z"));
        KafkaClient.publish(Topics.POLICE_TRANSFERS, transferId.toString(), UUID.randomUUID().toString(),
                EventTypes.POLICE_TRANSFER_CREATED, t.ticketNumber(), json.writeValueAsString(t));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/api/calls/{id}/audit", callId).then().statusCode(200)
                        .body("find { it.action == 'HANDED_BACK' }.reason", equalTo("欠薪纠纷已升级为斗殴"))
                        .body("find { it.action == 'HANDED_BACK' }.actor", equalTo("system:intake-police-transfers")));
        given().when().get("/api/police-transfers").then()
                .body("find { it.id == '" + transferId + "' }.callId", equalTo(callId.toString()));
    }

    @Test
    @TestSecurity(user = "officer1", roles = "officer")
    void officersDoNotWorkTheQueue() {
        given().when().get("/api/police-transfers").then().statusCode(403);
    }

    private UUID publishTransfer() throws Exception {
        UUID transferId = UUID.randomUUID();
        KafkaClient.publish(Topics.POLICE_TRANSFERS, transferId.toString(), UUID.randomUUID().toString(),
                EventTypes.POLICE_TRANSFER_CREATED, "12345-20261128-000777", json.writeValueAsString(transfer(transferId)));
        return transferId;
    }

    private static PoliceTransferCreated transfer(UUID transferId) {
        return new PoliceTransferCreated(transferId, UUID.randomUUID(), "12345-20261128-000777", null, "DISPATCHER",
                "来电人称对方持刀威胁", "邻里纠纷升级，对方拿刀威胁", "金牛区一环路北一段", "510106", "13900008888", "王五",
                "dispatcher1", Instant.parse("2026-11-28T02:00:00Z"));
    }
}
