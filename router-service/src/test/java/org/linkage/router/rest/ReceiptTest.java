package org.linkage.router.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventTypes;
import org.linkage.events.ReferralCreated;
import org.linkage.events.Topics;
import org.linkage.router.repository.Ticket;
import org.linkage.router.service.TicketService;
import org.linkage.router.support.Fixtures;
import org.linkage.router.support.KafkaSupport;
import org.linkage.router.support.SmsGatewayStub;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Receipts to callers through the http adapter, against a local SMS gateway: a ticket made from a referral and its
 * answer each text the caller once, even when the referral is replayed; an opted-out caller gets nothing; every
 * post is signed and a failing gateway is retried with the same Idempotency-Key.
 */
@QuarkusTest
@TestProfile(ReceiptTest.HttpGateway.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class ReceiptTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static class HttpGateway implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SmsGatewayStub.class));
        }
    }

    @Inject
    TicketService tickets;

    private static ReferralCreated referral(String code, boolean optOut) {
        return new ReferralCreated(UUID.randomUUID(), UUID.randomUUID(), "110-20261201-0001", "NON_POLICE", "WAGES",
                "NORMAL", "工地老板拖欠工资三个月 " + UUID.randomUUID(), "成都市武侯区某工地", "510107", null, null,
                "13812345678", "李四", Instant.now(), null, "calltaker1", Instant.now(), code, optOut);
    }

    private static List<JsonNode> postsAbout(String ticketNumber) {
        return SmsGatewayStub.RECEIVED.stream().map(r -> read(r.body()))
                .filter(b -> b.path("message").asText().contains(ticketNumber)).toList();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SmsGatewayStub.KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void aTicketAndItsAnswerTextTheCallerOnceEachSignedEvenWhenTheReferralIsReplayed() throws Exception {
        ReferralCreated r = referral("K7M2Q9XA", false);
        String eventId = UUID.randomUUID().toString();
        KafkaSupport.send(Topics.REFERRALS, r.callId().toString(), eventId, EventTypes.REFERRAL_CREATED, r);
        KafkaSupport.send(Topics.REFERRALS, r.callId().toString(), eventId, EventTypes.REFERRAL_CREATED, r);
        KafkaSupport.send(Topics.REFERRALS, r.callId().toString(), UUID.randomUUID().toString(),
                EventTypes.REFERRAL_CREATED, r);
        Ticket t = ReferralFlowTest.awaitTicket(r.referralId());

        await().atMost(Duration.ofSeconds(20)).until(() -> postsAbout(t.ticketNumber).size() == 1);
        Thread.sleep(2500);   // several worker rounds: a second text would have gone out by now
        List<SmsGatewayStub.Received> posts = SmsGatewayStub.RECEIVED.stream()
                .filter(p -> p.body().contains(t.ticketNumber)).toList();
        assertEquals(1, posts.size(), "one receipt for the ticket, however often the referral came");
        SmsGatewayStub.Received post = posts.get(0);
        assertEquals(hmac(post.timestamp(), post.body()), post.signature(), "signed over timestamp.body");
        JsonNode body = read(post.body());
        assertEquals("linkage.receipt.v1", body.path("schema").asText());
        assertEquals("13812345678", body.path("phone").asText());
        assertEquals("zh", body.path("language").asText());
        String message = body.path("message").asText();
        assertTrue(message.contains("已受理") && message.contains("K7M2Q9XA") && message.contains("/case"), message);

        // Staff see what was sent, without the caller's number or code in clear.
        given().get("/api/tickets/" + t.ticketNumber + "/receipts").then().statusCode(200)
                .body("kind", contains("CREATED"))
                .body("[0].status", equalTo("SENT"))
                .body("[0].attempts", equalTo(1))
                .body("[0].phone", not(equalTo("13812345678")))
                .body("[0].message", not(containsString("K7M2Q9XA")));

        QuarkusTransaction.requiringNew().run(() -> tickets.sign(t.ticketNumber, Fixtures.agent("CD-HRSS"), null));
        QuarkusTransaction.requiringNew().run(() -> tickets.reply(t.ticketNumber, Fixtures.agent("CD-HRSS"), "已协调支付"));
        await().atMost(Duration.ofSeconds(20)).until(() -> postsAbout(t.ticketNumber).size() == 2);
        String answered = postsAbout(t.ticketNumber).get(1).path("message").asText();
        assertTrue(answered.contains("答复") && answered.contains("成都市人力资源和社会保障局"), answered);
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void anOptedOutCallerGetsNoReceipt() throws Exception {
        ReferralCreated r = referral("P3R8T2WZ", true);
        KafkaSupport.send(Topics.REFERRALS, r.callId().toString(), UUID.randomUUID().toString(),
                EventTypes.REFERRAL_CREATED, r);
        Ticket t = ReferralFlowTest.awaitTicket(r.referralId());
        QuarkusTransaction.requiringNew().run(() -> tickets.sign(t.ticketNumber, Fixtures.agent("CD-HRSS"), null));
        QuarkusTransaction.requiringNew().run(() -> tickets.reply(t.ticketNumber, Fixtures.agent("CD-HRSS"), "已协调支付"));
        Thread.sleep(3000);
        assertEquals(0, postsAbout(t.ticketNumber).size());
        given().get("/api/tickets/" + t.ticketNumber + "/receipts").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void aFailingGatewayIsRetriedWithTheSameKeyUntilItTakesTheReceipt() {
        SmsGatewayStub.FAIL_NEXT.set(2);
        ReferralCreated r = referral("H4J6N8QB", false);
        KafkaSupport.send(Topics.REFERRALS, r.callId().toString(), UUID.randomUUID().toString(),
                EventTypes.REFERRAL_CREATED, r);
        Ticket t = ReferralFlowTest.awaitTicket(r.referralId());
        await().atMost(Duration.ofSeconds(30)).until(() -> SmsGatewayStub.RECEIVED.stream()
                .anyMatch(p -> p.body().contains(t.ticketNumber) && p.answered() == 202));
        List<SmsGatewayStub.Received> posts = SmsGatewayStub.RECEIVED.stream()
                .filter(p -> p.body().contains(t.ticketNumber)).toList();
        assertEquals(List.of(503, 503, 202), posts.stream().map(SmsGatewayStub.Received::answered).toList());
        assertEquals(1, posts.stream().map(SmsGatewayStub.Received::idempotencyKey).distinct().count());
        given().get("/api/tickets/" + t.ticketNumber + "/receipts").then().statusCode(200)
                .body("[0].status", equalTo("SENT"))
                .body("[0].attempts", equalTo(3));
    }
}
