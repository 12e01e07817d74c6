package org.linkage.bridge;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;

/** Issue 10, item 5: an Open311 phone is normalised where it enters, before it is filed or stored. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(WireMockResource.class)
class Open311PhoneTest {
    private static final String ROUTER_REQUESTS = "/router/api/integration/requests";

    @Test
    void anOpen311PhoneReachesTheRouterInNormalForm() {
        String marker = UUID.randomUUID().toString();
        var wm = WireMockResource.server();
        wm.stubFor(post(urlPathEqualTo("/intake/api/classifications/preview")).withRequestBody(containing(marker))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"disposition\":\"NON_POLICE\",\"categoryCode\":\"NOISE\",\"confidence\":0.9,\"signals\":[],\"modelVersion\":\"t\"}")));
        wm.stubFor(post(urlPathEqualTo(ROUTER_REQUESTS)).withRequestBody(containing(marker))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"ticketId\":\"" + UUID.randomUUID() + "\",\"ticketNumber\":\"" + Tickets.nextNumber()
                                + "\",\"status\":\"DISPATCHED\"}")));
        given().formParam("api_key", "open311-demo-key").formParam("service_code", "NOISE")
                .formParam("address_string", "武侯区玉林街道").formParam("description", "夜间噪音 " + marker)
                .formParam("phone", "+86 138-1234-5678")
                .post("/open311/v2/requests.json").then().statusCode(201);
        wm.verify(1, postRequestedFor(urlPathEqualTo(ROUTER_REQUESTS)).withRequestBody(containing(marker))
                .withRequestBody(matchingJsonPath("$.callerPhone", com.github.tomakehurst.wiremock.client.WireMock.equalTo("13812345678"))));
    }
}
