package org.linkage.router.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.commons.audit.AuditRecord;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.events.ConsultationRequested;
import org.linkage.events.EventTypes;
import org.linkage.events.ReferralCreated;
import org.linkage.events.Topics;
import org.linkage.router.repository.ConsultationRequest;
import org.linkage.router.service.ConsultationDesk;
import org.linkage.router.support.KafkaSupport;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 12345 side of consultation requests (三方通话 in data, issue 12 part 5): a request from 110 shows on the
 * dispatchers' list, one dispatcher accepts or declines it in time, or the clock expires it exactly once
 * (首接负责), and each outcome goes back to intake on linkage.consultations.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class ConsultationDeskTest {
    @Inject
    ConsultationDesk desk;
    @Inject
    AuditTrail audit;

    private static ConsultationRequested request(Duration timeLeft) {
        Instant now = Instant.now();
        return new ConsultationRequested(UUID.randomUUID(), UUID.randomUUID(), "110-20261201-" + (int) (Math.random() * 1e6),
                "NON_POLICE", "PROPERTY", "小区门口业主和物业吵架，没有动手", "成都市武侯区某小区", "510107",
                "疑似物业纠纷，请12345判断", "calltaker1", now, now.plus(timeLeft));
    }

    private static ConsultationRequested sent(ConsultationRequested r) {
        KafkaSupport.send(Topics.REFERRALS, r.callId().toString(), UUID.randomUUID().toString(),
                EventTypes.CONSULTATION_REQUESTED, r);
        return r;
    }

    private static void awaitReceived(ConsultationRequested r) {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ConsultationRequest.findById(r.consultationId()) != null));
    }

    private static List<KafkaSupport.Event> decisions(ConsultationRequested r, int expected, Duration within) {
        return KafkaSupport.read(Topics.CONSULTATIONS, e -> r.callId().toString().equals(e.key())
                && EventTypes.CONSULTATION_DECIDED.equals(e.type()), expected, within);
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void aDispatcherSeesTheRequestAndAcceptsItOnce() {
        ConsultationRequested r = sent(request(Duration.ofMinutes(3)));
        awaitReceived(r);
        String id = r.consultationId().toString();
        String list = given().get("/api/consultations").then().statusCode(200)
                .body("id", hasItem(id)).extract().asString();
        assertTrue(list.contains("疑似物业纠纷，请12345判断"));

        given().contentType(ContentType.JSON).body(Map.of("accept", true, "categoryCode", "PROPERTY"))
                .post("/api/consultations/" + id + "/decision").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("decidedBy", equalTo("dispatcher1"))
                .body("acceptedCategory", equalTo("PROPERTY"));
        // a second click, or a colleague's, is refused: the call has been decided
        given().contentType(ContentType.JSON).body(Map.of("accept", false, "reason", "晚了"))
                .post("/api/consultations/" + id + "/decision").then().statusCode(409)
                .contentType(startsWith("application/problem+json")).body("status", equalTo("ACCEPTED"));
        given().get("/api/consultations").then().body("id", not(hasItem(id)));

        List<KafkaSupport.Event> sentBack = decisions(r, 1, Duration.ofSeconds(30));
        assertEquals(1, sentBack.size());
        assertEquals("ACCEPTED", sentBack.get(0).data().get("outcome").asText());
        assertEquals("dispatcher1", sentBack.get(0).data().get("decidedBy").asText());
        assertEquals("PROPERTY", sentBack.get(0).data().get("categoryCode").asText());
        List<AuditRecord> trail = QuarkusTransaction.requiringNew().call(() -> audit.of(ConsultationDesk.ENTITY, id));
        assertTrue(trail.stream().anyMatch(a -> "ACCEPTED".equals(a.action()) && "dispatcher1".equals(a.actor())),
                trail.toString());

        // intake then refers the call the ordinary way; its ticket is named on the request
        ReferralCreated referral = new ReferralCreated(UUID.randomUUID(), r.callId(), r.callNumber(), "NON_POLICE",
                "PROPERTY", "NORMAL", r.content(), r.address(), r.districtCode(), null, null, "13812345678", "李四",
                Instant.now(), null, "dispatcher1", Instant.now());
        KafkaSupport.send(Topics.REFERRALS, r.callId().toString(), UUID.randomUUID().toString(),
                EventTypes.REFERRAL_CREATED, referral);
        String ticketNumber = ReferralFlowTest.awaitTicket(referral.referralId()).ticketNumber;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/consultations/" + id).then()
                .body("ticketNumber", equalTo(ticketNumber)));
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void declineNeedsAReasonAndLeavesTheCallWith110() {
        ConsultationRequested r = sent(request(Duration.ofMinutes(3)));
        awaitReceived(r);
        String id = r.consultationId().toString();
        given().contentType(ContentType.JSON).body(Map.of("accept", false))
                .post("/api/consultations/" + id + "/decision").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body(containsString("reason"));
        given().contentType(ContentType.JSON).body(Map.of("accept", true, "categoryCode", "NO_SUCH_THING"))
                .post("/api/consultations/" + id + "/decision").then().statusCode(400)
                .body(containsString("categoryCode"));
        given().contentType(ContentType.JSON).body(Map.of("accept", false, "reason", "有打架迹象，属110处置"))
                .post("/api/consultations/" + id + "/decision").then().statusCode(200)
                .body("status", equalTo("DECLINED")).body("reason", equalTo("有打架迹象，属110处置"));
        List<KafkaSupport.Event> sentBack = decisions(r, 1, Duration.ofSeconds(30));
        assertEquals("DECLINED", sentBack.get(0).data().get("outcome").asText());
        assertEquals("有打架迹象，属110处置", sentBack.get(0).data().get("reason").asText());
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void nobodyDecidingInTimeExpiresTheRequestOnceEvenWithTwoReplicas() {
        ConsultationRequested r = sent(request(Duration.ofMillis(200)));
        awaitReceived(r);
        // two "replicas" run the expiry at once beside the scheduled one: the row is claimed by exactly one
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(desk::expireDue);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(desk::expireDue);
        a.join();
        b.join();
        String id = r.consultationId().toString();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/consultations/" + id).then()
                .body("status", equalTo("EXPIRED")).body("decidedBy", equalTo("system:consultation-expiry")));
        given().contentType(ContentType.JSON).body(Map.of("accept", true))
                .post("/api/consultations/" + id + "/decision").then().statusCode(409).body("status", equalTo("EXPIRED"));
        desk.expireDue();
        List<KafkaSupport.Event> sentBack = decisions(r, 2, Duration.ofSeconds(10));
        assertEquals(1, sentBack.size(), "expired once: " + sentBack);
        assertEquals("EXPIRED", sentBack.get(0).data().get("outcome").asText());
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void aRequestPastItsLimitCannotBeAcceptedBeforeTheClockRuns() {
        // received already late (the consumer was behind): the dispatcher's click must not beat 首接负责
        ConsultationRequested r = sent(request(Duration.ofMinutes(-1)));
        awaitReceived(r);
        given().contentType(ContentType.JSON).body(Map.of("accept", true))
                .post("/api/consultations/" + r.consultationId() + "/decision").then().statusCode(409)
                .body("status", equalTo("EXPIRED"));
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void aSupervisorFollowsButDoesNotDecide() {
        given().get("/api/consultations?status=EXPIRED").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("accept", true))
                .post("/api/consultations/" + UUID.randomUUID() + "/decision").then().statusCode(403);
        given().get("/api/consultations?status=SOMETHING").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "CD-HRSS"))
    void aDepartmentAgentSeesNoConsultations() {
        given().get("/api/consultations").then().statusCode(403);
    }
}
