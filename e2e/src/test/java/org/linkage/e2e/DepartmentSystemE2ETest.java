package org.linkage.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linkage.stack.DepartmentInbox;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A department's own case system, as docs/webhook-signing.md tells it to behave: it verifies what the
 * bridge delivers and answers through the signed status webhook; the answer reaches the 110 call.
 */
class DepartmentSystemE2ETest {
    /** The local-development key of CD-HRSS (hotline-bridge application.properties). */
    private static final String HRSS_KEY = "dev-hrss-key-2026";

    @BeforeAll
    static void stack() {
        RunningStack.get();
    }

    @Test
    void theDepartmentVerifiesTheDeliveryAndItsSignedAnswerReachesTheCall() {
        String callId = Calls.submit(Calls.WAGES + "，劳动监察请处理", "510107").getString("id");
        String ticketNumber = Calls.awaitDeliveredTicket(callId).getString("ticket.ticketNumber");

        List<DepartmentInbox.Received> deliveries = RunningStack.get().inbox().received().stream()
                .filter(r -> r.body().contains(ticketNumber)).toList();
        assertEquals(1, deliveries.size());
        DepartmentInbox.Received delivery = deliveries.get(0);
        // v2: the department checks the signature over its own code and the URL it is registered under, so the same
        // body replayed to another unit or address does not verify (docs/webhook-signing.md).
        String ownUrl = RunningStack.get().inbox().endpointTemplate().replace("{code}", "CD-HRSS");
        String expected = "v2=" + hmac(HRSS_KEY, "v2\n" + delivery.timestamp() + "\nCD-HRSS\n" + ownUrl + "\n"
                + delivery.body());
        assertTrue(List.of(delivery.signature().split(",")).contains(expected),
                "the delivery's signature does not verify with the department's key: " + delivery.signature());

        update(ticketNumber, "{\"ticketNumber\":\"" + ticketNumber + "\",\"action\":\"SIGN\",\"note\":\"已签收\"}", HRSS_KEY)
                .then().statusCode(200);
        update(ticketNumber, "{\"ticketNumber\":\"" + ticketNumber + "\",\"action\":\"REPLY\",\"answer\":\"已责令企业于12月5日前支付欠薪\","
                + "\"externalRef\":\"HRSS-2026-0042\"}", HRSS_KEY)
                .then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> "REPLIED".equals(Calls.get(callId).getString("ticket.status")));
        assertEquals("已责令企业于12月5日前支付欠薪", Calls.get(callId).getString("ticket.finalAnswer"));
    }

    @Test
    void anUpdateSignedWithTheWrongKeyChangesNothing() {
        String callId = Calls.submit(Calls.WAGES + "，伪造签名测试", "510107").getString("id");
        String ticketNumber = Calls.awaitDeliveredTicket(callId).getString("ticket.ticketNumber");

        update(ticketNumber, "{\"ticketNumber\":\"" + ticketNumber + "\",\"action\":\"SIGN\"}", "not-the-key")
                .then().statusCode(401).contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
        String router = RunningStack.get().serviceUrl("router-service");
        given().auth().oauth2(Tokens.of("agent-hrss")).get(router + "/api/tickets/" + ticketNumber)
                .then().statusCode(200).body("status", org.hamcrest.Matchers.is("DISPATCHED"));
    }

    private static io.restassured.response.Response update(String ticketNumber, String body, String key) {
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        return given().contentType("application/json")
                .header("X-Linkage-Timestamp", timestamp)
                .header("X-Linkage-Signature", "v1=" + hmac(key, timestamp + "." + body))
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post(RunningStack.get().serviceUrl("hotline-bridge") + "/api/webhooks/departments/CD-HRSS");
    }

    private static String hmac(String key, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
