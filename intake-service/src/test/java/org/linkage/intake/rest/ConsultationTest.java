package org.linkage.intake.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkage.events.ConsultationDecided;
import org.linkage.events.EventTypes;
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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.intake.support.CallFixtures.call;

/**
 * Consultation requests (三方通话 in data, issue 12 part 5): an unclear call goes to 12345 with a hand-over note;
 * 12345's answer (over Kafka, as the router sends it) either refers the call as the dispatcher's decision or leaves it
 * with 110, and the call shows who decided and when.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@TestSecurity(user = "calltaker1", roles = "call-taker")
class ConsultationTest {
    private static final String UNCLEAR = "小区门口有人在吵架，好像是物业和业主的纠纷，没看到动手";

    @Inject
    ObjectMapper json;

    private String heldCall() {
        return given().contentType(ContentType.JSON).body(call(UNCLEAR)).when().post("/api/calls").then()
                .statusCode(201).body("decision", equalTo("PENDING")).extract().path("id");
    }

    private Map<String, Object> requestConsultation(String callId) {
        return given().contentType(ContentType.JSON).body(Map.of("note", "疑似物业纠纷，请12345判断"))
                .when().post("/api/calls/" + callId + "/consultation").then().statusCode(201)
                .body("status", equalTo("PENDING")).body("requestedBy", equalTo("calltaker1"))
                .extract().as(Map.class);
    }

    private void decide(String callId, Map<String, Object> consultation, String outcome, String reason,
                        String categoryCode, String by) throws Exception {
        ConsultationDecided d = new ConsultationDecided(UUID.fromString((String) consultation.get("id")),
                UUID.fromString(callId), "110-TEST", outcome, categoryCode, reason, by, Instant.now());
        KafkaClient.publish(Topics.CONSULTATIONS, callId, UUID.randomUUID().toString(), EventTypes.CONSULTATION_DECIDED,
                d.subject(), json.writeValueAsString(d));
    }

    @Test
    void aRequestReaches12345WithTheNoteAndHoldsTheCallUntilItIsAnswered() throws Exception {
        String callId = heldCall();
        Map<String, Object> c = requestConsultation(callId);
        Instant expiresAt = Instant.parse((String) c.get("expiresAt"));
        Instant requestedAt = Instant.parse((String) c.get("requestedAt"));
        assertEquals(Duration.ofMinutes(3), Duration.between(requestedAt, expiresAt), "the default time limit");

        ConsumerRecord<String, String> record = KafkaClient.find(Topics.REFERRALS, r -> callId.equals(r.key())
                        && EventTypes.CONSULTATION_REQUESTED.equals(KafkaClient.header(r, "ce_type")),
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no consultation request published"));
        JsonNode data = json.readTree(record.value());
        assertEquals(c.get("id"), data.get("consultationId").asText());
        assertEquals("疑似物业纠纷，请12345判断", data.get("note").asText());
        assertEquals(UNCLEAR, data.get("content").asText());
        assertTrue(data.path("callerPhone").isMissingNode(), "no contact travels with the request");

        given().get("/api/calls/" + callId).then().statusCode(200)
                .body("consultation.status", equalTo("PENDING")).body("decision", equalTo("PENDING"))
                .body("audit.action", hasItem("CONSULTATION_REQUESTED"));
        // 110 does not decide the call while 12345 is being asked, nor ask twice
        given().post("/api/calls/" + callId + "/confirmation").then().statusCode(409)
                .contentType(startsWith("application/problem+json")).body("consultationStatus", equalTo("PENDING"));
        given().contentType(ContentType.JSON).body(Map.of("note", "再问一次"))
                .post("/api/calls/" + callId + "/consultation").then().statusCode(409);
    }

    @Test
    void aRequestWithoutANoteIsRefusedNamingTheField() {
        String callId = heldCall();
        given().contentType(ContentType.JSON).body(Map.of("note", " "))
                .post("/api/calls/" + callId + "/consultation").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body(org.hamcrest.Matchers.containsString("note"));
    }

    @Test
    void aDecidedCallCannotBeSentForConsultation() {
        String callId = CallFixtures.postConfirmed(CallFixtures.WAGES).path("id");
        given().contentType(ContentType.JSON).body(Map.of("note", "已转办"))
                .post("/api/calls/" + callId + "/consultation").then().statusCode(409);
    }

    @Test
    void anAcceptedCallIsReferredAsTheDispatchersDecisionOnce() throws Exception {
        String callId = heldCall();
        Map<String, Object> c = requestConsultation(callId);
        decide(callId, c, "ACCEPTED", null, "PROPERTY", "dispatcher1");
        decide(callId, c, "ACCEPTED", null, "PROPERTY", "dispatcher1"); // a second answer under a new event id

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/calls/" + callId).then()
                .body("consultation.status", equalTo("ACCEPTED"))
                .body("consultation.decidedBy", equalTo("dispatcher1"))
                .body("consultation.decidedAt", notNullValue())
                .body("disposition", equalTo("NON_POLICE"))
                .body("categoryCode", equalTo("PROPERTY"))
                .body("decidedBy", equalTo("dispatcher1"))
                .body("referral.referralId", notNullValue())
                .body("audit.findAll { it.action == 'CONSULTATION_ACCEPTED' }.actor", hasItem("dispatcher1")));
        ConsumerRecord<String, String> referral = KafkaClient.find(Topics.REFERRALS, r -> callId.equals(r.key())
                        && EventTypes.REFERRAL_CREATED.equals(KafkaClient.header(r, "ce_type")),
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("the accepted call was not referred"));
        JsonNode data = json.readTree(referral.value());
        assertEquals("dispatcher1", data.get("referredBy").asText());
        assertEquals("PROPERTY", data.get("categoryCode").asText());
        long audited = given().get("/api/calls/" + callId + "/audit").then().extract().jsonPath()
                .getList("findAll { it.action == 'REFERRED' }").size();
        assertEquals(1, audited, "referred once, whatever the replays");
    }

    @Test
    void aDeclinedCallStaysWith110ForTheCallTakerToDecide() throws Exception {
        String callId = heldCall();
        Map<String, Object> c = requestConsultation(callId);
        decide(callId, c, "DECLINED", "属于治安纠纷，应由110处置", null, "dispatcher1");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/calls/" + callId).then()
                .body("consultation.status", equalTo("DECLINED"))
                .body("consultation.reason", equalTo("属于治安纠纷，应由110处置"))
                .body("consultation.decidedBy", equalTo("dispatcher1"))
                .body("decision", equalTo("PENDING"))
                .body("referral", nullValue()));
        given().contentType(ContentType.JSON).body(Map.of("disposition", "POLICE", "categoryCode", "PUBLIC_ORDER",
                        "reason", "12345拒绝，按治安纠纷处置"))
                .post("/api/calls/" + callId + "/override").then().statusCode(200).body("decision", not("PENDING"));
    }

    @Test
    void anExpiredRequestLeavesTheCallWithTheLineThatReceivedIt() throws Exception {
        String callId = heldCall();
        Map<String, Object> c = requestConsultation(callId);
        decide(callId, c, "EXPIRED", null, null, "system:consultation-expiry");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/calls/" + callId).then()
                .body("consultation.status", equalTo("EXPIRED"))
                .body("audit.action", hasItem("CONSULTATION_EXPIRED")));
        // a late acceptance after the expiry changes nothing: 首接负责
        decide(callId, c, "ACCEPTED", null, null, "dispatcher1");
        given().post("/api/calls/" + callId + "/confirmation").then().statusCode(200);
        given().get("/api/calls/" + callId).then().body("consultation.status", equalTo("EXPIRED"))
                .body("decidedBy", equalTo("calltaker1"));
    }
}
