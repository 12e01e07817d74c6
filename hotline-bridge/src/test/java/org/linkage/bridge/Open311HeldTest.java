package org.linkage.bridge;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Issue 10, item 12: while intake's classifier is down an Open311 request is not filed unchecked (it
 * could be a police matter); it is held, answered with a token, and filed once the check has run.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(WireMockResource.class)
class Open311HeldTest {
    private static final String ROUTER_REQUESTS = "/router/api/integration/requests";
    private static final String INTAKE_PREVIEW = "/intake/api/classifications/preview";

    @Test
    void whileIntakeIsDownNothingIsFiledUncheckedAndTheRequestIsFiledOnceItIsBack() throws Exception {
        String marker = UUID.randomUUID().toString();
        String number = Tickets.nextNumber();
        var wm = WireMockResource.server();
        wm.stubFor(post(urlPathEqualTo(INTAKE_PREVIEW)).withRequestBody(containing(marker))
                .willReturn(aResponse().withStatus(503)));
        wm.stubFor(post(urlPathEqualTo(ROUTER_REQUESTS)).withRequestBody(containing(marker))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"ticketId\":\"" + UUID.randomUUID() + "\",\"ticketNumber\":\"" + number
                                + "\",\"status\":\"DISPATCHED\"}")));

        String token = given().formParam("api_key", "open311-demo-key").formParam("service_code", "NOISE")
                .formParam("address_string", "武侯区玉林街道").formParam("description", "楼上每晚吵闹 " + marker)
                .post("/open311/v2/requests.json").then().statusCode(201)
                .body("[0].service_request_id", nullValue())
                .body("[0].service_notice", containsString("110"))
                .extract().path("[0].token");
        Thread.sleep(2500); // a few re-checks, all refused
        wm.verify(0, postRequestedFor(urlPathEqualTo(ROUTER_REQUESTS)).withRequestBody(containing(marker)));

        wm.stubFor(post(urlPathEqualTo(INTAKE_PREVIEW)).withRequestBody(containing(marker))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"disposition\":\"NON_POLICE\",\"categoryCode\":\"NOISE\",\"confidence\":0.9,\"signals\":[],\"modelVersion\":\"t\"}")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().queryParam("api_key", "open311-demo-key").get("/open311/v2/tokens/" + token + ".json")
                        .then().statusCode(200).body("[0].service_request_id", equalTo(number)));
        wm.verify(1, postRequestedFor(urlPathEqualTo(ROUTER_REQUESTS)).withRequestBody(containing(marker)));
    }
}
