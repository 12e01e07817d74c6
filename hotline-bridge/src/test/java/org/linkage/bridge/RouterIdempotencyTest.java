package org.linkage.bridge;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.linkage.bridge.domain.SigningKeys;
import org.linkage.bridge.domain.WebhookSignature;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The router calls carry an Idempotency-Key, and a retry after a failed attempt sends the same key, so the
 * router can answer a repeat instead of filing a second ticket or applying an update twice.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(WireMockResource.class)
class RouterIdempotencyTest {
    private static final String ROUTER_REQUESTS = "/router/api/integration/requests";
    private static final SigningKeys HRSS = new SigningKeys("dev-hrss-key-2026", null);

    @Test
    void retriedOpen311RequestReusesItsKey() {
        String marker = UUID.randomUUID().toString();
        String number = Tickets.nextNumber();
        var wm = WireMockResource.server();
        wm.stubFor(post(urlPathEqualTo("/intake/api/classifications/preview")).withRequestBody(containing(marker))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"disposition\":\"NON_POLICE\",\"categoryCode\":\"NOISE\",\"confidence\":0.9,\"signals\":[],\"modelVersion\":\"t\"}")));
        // The first answer is lost (a 503 stands in for a dropped connection); the retry gets the ticket.
        String scenario = "open311-" + marker;
        wm.stubFor(post(urlPathEqualTo(ROUTER_REQUESTS)).withRequestBody(containing(marker)).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        wm.stubFor(post(urlPathEqualTo(ROUTER_REQUESTS)).withRequestBody(containing(marker)).inScenario(scenario)
                .whenScenarioStateIs("up").willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"ticketId\":\"" + UUID.randomUUID() + "\",\"ticketNumber\":\"" + number
                                + "\",\"status\":\"DISPATCHED\"}")));

        given().formParam("api_key", "open311-demo-key").formParam("service_code", "NOISE")
                .formParam("address_string", "武侯区玉林街道").formParam("description", "夜间噪音 " + marker)
                .post("/open311/v2/requests.json").then().statusCode(201)
                .body("[0].service_request_id", equalTo(number));

        List<String> keys = keys(wm.findAll(postRequestedFor(urlPathEqualTo(ROUTER_REQUESTS))
                .withRequestBody(containing(marker))));
        assertEquals(2, keys.size());
        assertEquals(keys.get(0), keys.get(1));
        assertNotNull(UUID.fromString(keys.get(0)));
    }

    @Test
    void retriedAndResentWebhookUpdatesShareOneKeyAndNewContentGetsANewOne() {
        String number = Tickets.nextNumber();
        String path = "/router/api/integration/tickets/" + number + "/updates";
        var wm = WireMockResource.server();
        String scenario = "update-" + number;
        wm.stubFor(post(urlPathEqualTo(path)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("up"));
        wm.stubFor(post(urlPathEqualTo(path)).inScenario(scenario).whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ticketNumber\":\"" + number + "\",\"status\":\"SIGNED\"}")));
        String sign = "{\"ticketNumber\":\"" + number + "\",\"action\":\"SIGN\",\"externalRef\":\"HR-1\"}";

        send(sign, Instant.now().getEpochSecond()).statusCode(200).body("status", equalTo("SIGNED"));
        // The department did not see that answer and sends the same update again, signed afresh.
        send(sign, Instant.now().getEpochSecond() - 1).statusCode(200);
        send(sign.replace("HR-1", "HR-2"), Instant.now().getEpochSecond()).statusCode(200);

        List<String> keys = keys(wm.findAll(postRequestedFor(urlPathEqualTo(path))));
        // Failed attempt, its retry and the re-sent webhook share a key; the update with new content has its own.
        assertEquals(4, keys.size());
        assertEquals(List.of(1L, 3L), keys.stream().collect(Collectors.groupingBy(k -> k, Collectors.counting()))
                .values().stream().sorted().toList());
    }

    private static io.restassured.response.ValidatableResponse send(String body, long ts) {
        return given().contentType("application/json; charset=utf-8")
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(ts))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.header(HRSS, ts, body))
                .body(body).post("/api/webhooks/departments/CD-HRSS").then();
    }

    private static List<String> keys(List<LoggedRequest> requests) {
        return requests.stream().map(r -> r.getHeader("Idempotency-Key")).toList();
    }
}
