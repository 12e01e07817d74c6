package org.linkage.bridge;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.linkage.bridge.domain.SigningKeys;
import org.linkage.bridge.domain.WebhookSignature;
import org.linkage.bridge.repository.InboundUpdate;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Signed status webhooks from department systems, passed on to the router (a WireMock stand-in here). */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(WireMockResource.class)
class InboundWebhookTest {
    private static final SigningKeys HRSS = new SigningKeys("dev-hrss-key-2026", null);

    @Test
    void signedReplyIsPassedToTheRouterWithAServiceToken() {
        String number = Tickets.nextNumber();
        stubRouter(number, 200, "{\"ticketNumber\":\"" + number + "\",\"status\":\"REPLIED\"}");
        String body = "{\"ticketNumber\":\"" + number + "\",\"action\":\"REPLY\",\"answer\":\"已责令企业支付欠薪 Employer ordered to pay\","
                + "\"externalRef\":\"HRSS-9\",\"occurredAt\":\"2026-11-30T02:15:00Z\"}";

        send("CD-HRSS", body, HRSS, Instant.now().getEpochSecond())
                .statusCode(200).body("status", org.hamcrest.Matchers.equalTo("REPLIED"));

        WireMockResource.server().verify(1, postRequestedFor(urlPathEqualTo(routerPath(number)))
                .withHeader("Authorization", equalTo("Bearer " + WireMockResource.SERVICE_TOKEN))
                .withRequestBody(equalToJson("{\"departmentCode\":\"CD-HRSS\",\"action\":\"REPLY\",\"note\":null,"
                        + "\"answer\":\"已责令企业支付欠薪 Employer ordered to pay\",\"reason\":null,\"externalRef\":\"HRSS-9\","
                        + "\"occurredAt\":\"2026-11-30T02:15:00Z\"}")));
        assertEquals(List.of(200), outcomes(number));
    }

    @jakarta.inject.Inject
    org.linkage.bridge.service.DeliveryService deliveries;

    @Test
    void theSameReplyToATicketSentAgainAfterAReopenIsANewUpdateForTheRouter() {
        String number = Tickets.nextNumber();
        java.util.UUID ticketId = java.util.UUID.randomUUID();
        stubRouter(number, 200, "{\"ticketNumber\":\"" + number + "\",\"status\":\"REPLIED\"}");
        String reply = "{\"ticketNumber\":\"" + number + "\",\"action\":\"REPLY\",\"answer\":\"已支付 Paid\"}";
        Deliveries.accept(deliveries, Tickets.dispatched(ticketId, number, 1, "CD-HRSS", "NONE", null));
        send("CD-HRSS", reply, HRSS, Instant.now().getEpochSecond()).statusCode(200);
        send("CD-HRSS", reply, HRSS, Instant.now().getEpochSecond()).statusCode(200);   // a re-send: the same update
        // reopened: the ticket reached the department again as version 2, and the unit replies the same words
        Deliveries.accept(deliveries, Tickets.dispatched(ticketId, number, 2, "CD-HRSS", "NONE", null));
        send("CD-HRSS", reply, HRSS, Instant.now().getEpochSecond()).statusCode(200);

        List<String> keys = WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(routerPath(number)))).stream()
                .map(r -> r.getHeader("Idempotency-Key")).toList();
        assertEquals(3, keys.size());
        assertEquals(keys.get(0), keys.get(1), "a re-send of the same body must carry the same key");
        org.junit.jupiter.api.Assertions.assertNotEquals(keys.get(1), keys.get(2),
                "the same reply to the ticket's new version must be a new update");
    }

    @Test
    void previousKeyStillAcceptedDuringRotation() {
        String number = Tickets.nextNumber();
        stubRouter(number, 200, "{\"ticketNumber\":\"" + number + "\",\"status\":\"SIGNED\"}");
        send("CD-HRSS", sign(number), new SigningKeys("dev-hrss-key-2025", null), Instant.now().getEpochSecond())
                .statusCode(200);
    }

    @Test
    void badSignatureIsRefusedAndNothingApplied() {
        String number = Tickets.nextNumber();
        stubRouter(number, 200, "{}");
        send("CD-HRSS", sign(number), new SigningKeys("guessed-key", null), Instant.now().getEpochSecond())
                .statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("does not match"));
        // A body altered after signing fails too.
        long ts = Instant.now().getEpochSecond();
        given().contentType("application/json; charset=utf-8")
                .header(WebhookSignature.TIMESTAMP_HEADER, ts)
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.header(HRSS, ts, sign(number)))
                .body(sign(number).replace("SIGN", "RETURN"))
                .post("/api/webhooks/departments/CD-HRSS").then().statusCode(401);
        // And a signature made for another department's path.
        send("CD-ECO", sign(number), HRSS, ts).statusCode(401);

        WireMockResource.server().verify(0, postRequestedFor(urlPathEqualTo(routerPath(number))));
        assertEquals(List.of(401, 401, 401), outcomes(number));
    }

    @Test
    void defaultKeyDoesNotSpeakForADepartmentWithoutItsOwnKey() {
        // CD-ECO has no key of its own: its outgoing deliveries are signed with the default key, but
        // whoever holds that shared key must not be able to update tickets in CD-ECO's name.
        String number = Tickets.nextNumber();
        stubRouter(number, 200, "{\"ticketNumber\":\"" + number + "\",\"status\":\"SIGNED\"}");
        send("CD-ECO", sign(number), new SigningKeys("dev-default-webhook-key", null), Instant.now().getEpochSecond())
                .statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("own key"));

        WireMockResource.server().verify(0, postRequestedFor(urlPathEqualTo(routerPath(number))));
        assertEquals(List.of(401), outcomes(number));
    }

    @Test
    void anAddressThatKeepsBeingRefusedIsToldToWaitButASignedUpdateStillGoesThrough() throws Exception {
        while (Instant.now().getEpochSecond() % 60 > 45) {
            Thread.sleep(1000); // the limit counts per clock minute: start well inside one
        }
        // from a loopback address of its own, so the other tests' refusals and this one's never share a count
        var fromElsewhere = io.restassured.RestAssured.config().httpClient(io.restassured.config.HttpClientConfig
                .httpClientConfig().setParam("http.route.local-address", java.net.InetAddress.getByName("127.0.0.77")));
        String number = Tickets.nextNumber();
        stubRouter(number, 200, "{\"ticketNumber\":\"" + number + "\",\"status\":\"SIGNED\"}");
        long ts = Instant.now().getEpochSecond();
        // CD-WATER has no key of its own, so every update in its name is refused
        for (int i = 0; i < 20; i++) {
            send(fromElsewhere, "CD-WATER", sign(number), HRSS, ts).statusCode(401);
        }
        send(fromElsewhere, "CD-WATER", sign(number), HRSS, ts).statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]?"))
                .body("status", org.hamcrest.Matchers.equalTo(429));
        send(fromElsewhere, "CD-ECO", sign(number), HRSS, ts).statusCode(429);
        assertEquals(20, outcomes(number).size(), "a refusal past the limit was still recorded");
        WireMockResource.server().verify(0, postRequestedFor(urlPathEqualTo(routerPath(number))));
        // the limit never stands between a department and its own correctly signed update
        send(fromElsewhere, "CD-HRSS", sign(number), HRSS, ts).statusCode(200);
        // and other addresses are not affected
        send("CD-WATER", sign(number), HRSS, ts).statusCode(401);
    }

    @Test
    void staleOrMissingTimestampIsRefused() {
        String number = Tickets.nextNumber();
        stubRouter(number, 200, "{}");
        long sixMinutesAgo = Instant.now().minusSeconds(360).getEpochSecond();
        send("CD-HRSS", sign(number), HRSS, sixMinutesAgo).statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("5-minute window"));
        given().contentType("application/json").body(sign(number)).post("/api/webhooks/departments/CD-HRSS")
                .then().statusCode(401).body("detail", containsString("required"));
        WireMockResource.server().verify(0, postRequestedFor(urlPathEqualTo(routerPath(number))));
    }

    @Test
    void unknownTicketAndIllegalTransitionPassTheRoutersProblemThrough() {
        String unknown = Tickets.nextNumber();
        stubRouter(unknown, 404, "{\"title\":\"Not found\",\"status\":404,\"detail\":\"No ticket " + unknown
                + " assigned to CD-HRSS\"}");
        send("CD-HRSS", sign(unknown), HRSS, Instant.now().getEpochSecond()).statusCode(404)
                .contentType("application/problem+json").body("detail", containsString(unknown));

        String replied = Tickets.nextNumber();
        stubRouter(replied, 409, "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"Cannot SIGN a REPLIED ticket\","
                + "\"currentStatus\":\"REPLIED\"}");
        send("CD-HRSS", sign(replied), HRSS, Instant.now().getEpochSecond()).statusCode(409)
                .contentType("application/problem+json")
                .body("currentStatus", org.hamcrest.Matchers.equalTo("REPLIED"))
                .body("detail", containsString("REPLIED"));
        assertEquals(List.of(409), outcomes(replied));
    }

    @Test
    void badBodiesNameTheField() {
        long ts = Instant.now().getEpochSecond();
        send("CD-HRSS", "{\"ticketNumber\":", HRSS, ts).statusCode(400).contentType("application/problem+json");
        send("CD-HRSS", "{\"ticketNumber\":\"12345-1\",\"action\":\"CLOSE\"}", HRSS, ts).statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("action"));
        send("CD-HRSS", "{\"ticketNumber\":\"12345-1\",\"action\":\"REPLY\"}", HRSS, ts).statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("answer"));
        send("CD-HRSS", "{\"action\":\"SIGN\"}", HRSS, ts).statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("ticketNumber"));
        send("CD-HRSS", "{\"ticketNumber\":\"12345-1\",\"action\":\"SIGN\",\"occurredAt\":\"yesterday\"}", HRSS, ts)
                .statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("occurredAt"));
    }

    @Test
    void routerDownAnswers503AndAppliesNothing() {
        String number = Tickets.nextNumber();
        stubRouter(number, 500, "{\"title\":\"Internal error\",\"status\":500}");
        send("CD-HRSS", sign(number), HRSS, Instant.now().getEpochSecond()).statusCode(503)
                .contentType("application/problem+json");
        // Retried a little (transient), then refused cleanly.
        assertEquals(3, WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(routerPath(number)))).size());
    }

    private static String sign(String number) {
        return "{\"ticketNumber\":\"" + number + "\",\"action\":\"SIGN\"}";
    }

    private static ValidatableResponse send(String department, String body, SigningKeys keys, long ts) {
        return send(io.restassured.RestAssured.config(), department, body, keys, ts);
    }

    private static ValidatableResponse send(io.restassured.config.RestAssuredConfig config, String department, String body,
                                            SigningKeys keys, long ts) {
        return given().config(config).contentType("application/json; charset=utf-8")
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(ts))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.header(keys, ts, body))
                .body(body)
                .post("/api/webhooks/departments/" + department).then();
    }

    static String routerPath(String number) {
        return "/router/api/integration/tickets/" + number + "/updates";
    }

    static void stubRouter(String number, int status, String body) {
        WireMockResource.server().stubFor(post(urlPathEqualTo(routerPath(number))).willReturn(aResponse()
                .withStatus(status).withHeader("Content-Type", status >= 400 ? "application/problem+json" : "application/json")
                .withBody(body)));
    }

    private static List<Integer> outcomes(String number) {
        return QuarkusTransaction.requiringNew().call(() -> InboundUpdate.<InboundUpdate>list(
                "ticketNumber = ?1 order by id", number).stream().map(u -> u.outcomeStatus).toList());
    }
}
