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
import org.linkage.events.EventTypes;
import org.linkage.events.Topics;
import org.linkage.intake.support.CallFixtures;
import org.linkage.intake.support.KafkaClient;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.intake.support.CallFixtures.call;
import static org.linkage.intake.support.CallFixtures.with;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@TestSecurity(user = "calltaker1", roles = "call-taker")
class ReferralPublishingTest {
    @Inject
    ObjectMapper json;

    @Test
    void aReferralReachesKafkaAsACloudEventKeyedByTheCall() throws Exception {
        Map<String, Object> body = with(with(call(CallFixtures.WAGES), "confirm", true), "callerPhone", "028-85551234");
        var created = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/calls").then().statusCode(201).extract();
        String callId = created.path("id");
        String callNumber = created.path("callNumber");
        String referralId = created.path("referral.referralId");

        ConsumerRecord<String, String> record = KafkaClient.find(Topics.REFERRALS, r -> callId.equals(r.key()),
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no referral published for " + callId));

        assertEquals(EventTypes.REFERRAL_CREATED, KafkaClient.header(record, "ce_type"));
        assertEquals(callNumber, KafkaClient.header(record, "ce_subject"));
        assertEquals("/linkage/intake", KafkaClient.header(record, "ce_source"));
        assertEquals(EventTypes.schemaOf(EventTypes.REFERRAL_CREATED), KafkaClient.header(record, "ce_dataschema"));
        assertNotNull(KafkaClient.header(record, "ce_id"));
        assertNotNull(KafkaClient.header(record, "ce_time"));

        JsonNode data = json.readTree(record.value());
        assertEquals(referralId, data.get("referralId").asText());
        assertEquals(callNumber, data.get("callNumber").asText());
        assertEquals("NON_POLICE", data.get("disposition").asText());
        assertEquals("WAGES", data.get("categoryCode").asText());
        assertEquals("NORMAL", data.get("urgency").asText());
        assertEquals("510107", data.get("districtCode").asText());
        // 12345 may need to call back, so the referral carries the number unmasked (normal form).
        assertEquals("028-85551234", data.get("callerPhone").asText());
        assertEquals("calltaker1", data.get("referredBy").asText());
        assertTrue(data.get("incidentNumber").isNull());
        // The router sends the caller's receipts: it needs the code they were given and whether they want texts.
        assertEquals(created.path("retrievalCode").toString(), data.get("retrievalCode").asText());
        assertEquals(false, data.get("receiptsOptOut").asBoolean());
    }

    @Test
    void aCallersReceiptOptOutTravelsOnTheReferral() throws Exception {
        Map<String, Object> body = with(with(call(CallFixtures.WAGES), "confirm", true), "receiptsOptOut", true);
        String callId = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/calls").then().statusCode(201).extract().path("id");
        ConsumerRecord<String, String> record = KafkaClient.find(Topics.REFERRALS, r -> callId.equals(r.key()),
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no referral published for " + callId));
        assertTrue(json.readTree(record.value()).get("receiptsOptOut").asBoolean());
    }

    @Test
    void aConfidentialCallIsMarkedOnTheCallAndOnItsReferral() throws Exception {
        Map<String, Object> body = with(with(call(CallFixtures.WAGES), "confirm", true), "confidential", true);
        var created = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/calls").then().statusCode(201).extract();
        String callId = created.path("id");
        assertEquals(Boolean.TRUE, created.path("confidential"));
        given().when().get("/api/calls/" + callId).then().statusCode(200)
                .body("confidential", org.hamcrest.Matchers.is(true));
        ConsumerRecord<String, String> record = KafkaClient.find(Topics.REFERRALS, r -> callId.equals(r.key()),
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no referral published for " + callId));
        JsonNode data = json.readTree(record.value());
        assertTrue(data.get("confidential").asBoolean());
        // The router needs the contact for 12345's own call-back; it is the router that keeps it from departments.
        assertEquals("13812345678", data.get("callerPhone").asText());
    }

    @Test
    void anOrdinaryCallIsNotConfidential() throws Exception {
        String callId = given().contentType(ContentType.JSON).body(with(call(CallFixtures.WAGES), "confirm", true))
                .when().post("/api/calls").then().statusCode(201).body("confidential", org.hamcrest.Matchers.is(false))
                .extract().path("id");
        ConsumerRecord<String, String> record = KafkaClient.find(Topics.REFERRALS, r -> callId.equals(r.key()),
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no referral published for " + callId));
        assertEquals(false, json.readTree(record.value()).get("confidential").asBoolean());
    }

    @Test
    @TestSecurity(user = "officer1", roles = "officer")
    void anOfficersConfidentialHandOverTravelsOnTheReferral() throws Exception {
        Map<String, Object> body = Map.of("content", "工地欠薪纠纷，现场已调解平息，举报人要求保密，需劳动部门跟进",
                "address", "成都市武侯区玉林街道某工地", "districtCode", "510107", "callerPhone", "13812345678",
                "callerName", "李女士", "categoryCode", "WAGES", "confidential", true);
        String callId = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/incidents/JQ20261128000777/referrals").then().statusCode(201)
                .body("confidential", org.hamcrest.Matchers.is(true)).extract().path("id");
        ConsumerRecord<String, String> record = KafkaClient.find(Topics.REFERRALS, r -> callId.equals(r.key()),
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no referral published for " + callId));
        JsonNode data = json.readTree(record.value());
        assertTrue(data.get("confidential").asBoolean());
        assertEquals("JQ20261128000777", data.get("incidentNumber").asText());
    }

    @Test
    void aPoliceCallPublishesNoReferral() {
        String callId = given().contentType(ContentType.JSON).body(with(call(CallFixtures.KNIFE), "confirm", true))
                .when().post("/api/calls").then().statusCode(201).extract().path("id");
        // A referral confirmed after it must arrive after it on the same relay, so seeing this one
        // proves the relay ran past the police call without publishing it.
        String later = given().contentType(ContentType.JSON).body(with(call(CallFixtures.WAGES), "confirm", true))
                .when().post("/api/calls").then().statusCode(201).extract().path("id");
        var seen = new java.util.HashSet<String>();
        KafkaClient.find(Topics.REFERRALS, r -> {
            seen.add(r.key());
            return later.equals(r.key());
        }, Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("the later referral never arrived"));
        assertTrue(!seen.contains(callId), "a police call was referred");
    }
}
