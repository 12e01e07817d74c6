package org.linkage.router.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.commons.privacy.CallerHash;
import org.linkage.events.EventTypes;
import org.linkage.events.ReferralCreated;
import org.linkage.events.Topics;
import org.linkage.router.repository.Ticket;
import org.linkage.router.support.KafkaSupport;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * GET /api/caller-history: intake's service account reads a caller's tickets by caller hash, without anything
 * personal; the hash arrives on ReferralCreated or is computed here for a request made straight to 12345; nobody
 * else may ask.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class CallerHistoryTest {
    @Inject
    CallerHash hashes;

    private static String randomHash() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    @TestSecurity(user = "service-account-intake-service", roles = "service:intake")
    void intakeReadsTheTicketsOfAHashCarriedOnTheReferralAndNothingPersonal() {
        String hash = randomHash();
        ReferralCreated base = ReferralFlowTest.referral("NOISE", "510107", "成都市武侯区某小区8栋");
        ReferralCreated r = new ReferralCreated(base.referralId(), base.callId(), base.callNumber(), base.disposition(),
                base.categoryCode(), base.urgency(), "楼上装修太吵，住户王家", base.address(), base.districtCode(), null,
                null, "13812349876", "李四", Instant.now(), null, "calltaker1", Instant.now(), "K7M2Q9XR", false, null, hash);
        KafkaSupport.send(Topics.REFERRALS, r.callId().toString(), UUID.randomUUID().toString(),
                EventTypes.REFERRAL_CREATED, r);
        Ticket t = ReferralFlowTest.awaitTicket(r.referralId());
        assertEquals(hash, t.callerHash, "the referral's hash, not one computed from the number");

        String body = given().queryParam("callerHash", hash).when().get("/api/caller-history").then().statusCode(200)
                .body("tickets.ticketNumber", contains(t.ticketNumber))
                .body("tickets[0].callNumber", equalTo(r.callNumber()))
                .body("tickets[0].callId", equalTo(r.callId().toString()))
                .body("tickets[0].categoryCode", equalTo("NOISE"))
                .body("tickets[0].reopenedCount", equalTo(0))
                .body("tickets[0].handedToPolice", equalTo(false))
                .extract().asString();
        for (String secret : List.of("13812349876", "1381234", "李四", "李*", "8栋", "装修", "K7M2Q9XR")) {
            assertFalse(body.contains(secret), secret + " must not leave the router: " + body);
        }
        given().queryParam("callerHash", randomHash()).when().get("/api/caller-history").then().statusCode(200)
                .body("tickets", empty());
        // a window that ends before the ticket was made does not hold it
        given().queryParam("callerHash", hash).queryParam("from", "2026-01-01T00:00:00Z")
                .queryParam("to", "2026-02-01T00:00:00Z").when().get("/api/caller-history").then()
                .body("tickets", empty());
    }

    @Test
    @TestSecurity(user = "hotline-bridge", roles = "service:bridge")
    void aRequestMadeStraightTo12345IsHashedHereAndTheBridgeMayNotReadHistory() {
        String number = given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("""
                        {"channel":"OPEN311:citizen-app","categoryCode":"NOISE","content":"广场舞音响太大",
                         "address":"成都市武侯区簇桥街道某广场","callerPhone":"+86 139 0000 4321"}""")
                .post("/api/integration/requests").then().statusCode(201).extract().path("ticketNumber");
        String stored = QuarkusTransaction.requiringNew().call(() -> Ticket.byNumber(number).orElseThrow().callerHash);
        assertEquals(hashes.of("13900004321").orElseThrow(), stored, "the same number in any form, the same hash");
        given().queryParam("callerHash", stored).when().get("/api/caller-history").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "CD-HRSS"))
    void aDepartmentAgentIsRefused() {
        given().queryParam("callerHash", randomHash()).when().get("/api/caller-history").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "calltaker1", roles = "call-taker")
    void aCallTakerAsksThroughIntakeNotHere() {
        given().queryParam("callerHash", randomHash()).when().get("/api/caller-history").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "service-account-intake-service", roles = "service:intake")
    void badInputIsAProblemNamingTheField() {
        given().queryParam("callerHash", "13812345678").when().get("/api/caller-history").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("callerHash"));
        given().when().get("/api/caller-history").then().statusCode(400).body("errors[0].field", equalTo("callerHash"));
        given().queryParam("callerHash", randomHash()).queryParam("from", "2020-01-01T00:00:00Z")
                .queryParam("to", "2026-01-01T00:00:00Z").when().get("/api/caller-history").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().queryParam("callerHash", randomHash()).queryParam("limit", "1000").when().get("/api/caller-history")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }
}
