package org.linkage.bridge;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Issue 13 part 1: an Open311 client's media_url is kept as a link and shown back, never fetched by the bridge; a link
 * not to keep (http, an address, a local name) is left out with a notice and the report is filed all the same.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(WireMockResource.class)
class Open311MediaLinkTest {
    private static final String KEY = "open311-demo-key";

    private static String file(String marker) {
        return file(marker, UUID.randomUUID());
    }

    private static String file(String marker, UUID ticketId) {
        String number = Tickets.nextNumber();
        WireMockResource.server().stubFor(post(urlPathEqualTo("/intake/api/classifications/preview"))
                .withRequestBody(containing(marker)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"disposition\":\"NON_POLICE\",\"categoryCode\":\"ROADS\",\"confidence\":0.9,"
                                + "\"signals\":[],\"modelVersion\":\"test-1\"}")));
        WireMockResource.server().stubFor(post(urlPathEqualTo("/router/api/integration/requests"))
                .withRequestBody(containing(marker)).willReturn(aResponse().withStatus(201)
                        .withHeader("Content-Type", "application/json").withBody("{\"ticketId\":\"" + ticketId
                                + "\",\"ticketNumber\":\"" + number + "\",\"status\":\"PENDING_DISPATCH\"}")));
        return number;
    }

    @Test
    void aPublicHttpsPhotoLinkIsKeptAndShownBackWithoutBeingFetched() {
        String marker = UUID.randomUUID().toString();
        // A host that resolves nowhere: were the bridge to fetch it, filing would fail or hang; it must not try.
        String link = "https://photos.linkage-test.invalid-tld-example.com/" + marker + ".jpg";
        String number = file(marker);
        given().formParam("api_key", KEY).formParam("service_code", "ROADS").formParam("address_string", "武侯区天府大道北段1700号")
                .formParam("description", "路面塌陷 " + marker).formParam("media_url", link)
                .post("/open311/v2/requests.json").then().statusCode(201)
                .body("[0].service_request_id", equalTo(number)).body("[0].service_notice", nullValue());
        given().queryParam("api_key", KEY).get("/open311/v2/requests/" + number + ".json").then().statusCode(200)
                .body("[0].media_url", equalTo(link));
        // The link goes on to the router's ticket, where the units and the console see it.
        WireMockResource.server().verify(1, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlPathEqualTo("/router/api/integration/requests")).withRequestBody(containing(marker))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.mediaUrl",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(link))));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"https://169.254.169.254/latest/meta-data/",
            "http://photos.linkage-test.example.com/x.jpg", "https://10.0.0.5/x.jpg", "https://router.internal/x.jpg"})
    void aLinkToAnInsideAddressOrWithoutHttpsIsLeftOutAndTheReportIsStillFiled(String link) {
        String marker = UUID.randomUUID().toString();
        String number = file(marker);
        given().formParam("api_key", KEY).formParam("service_code", "ROADS").formParam("address_string", "武侯区天府大道北段1700号")
                .formParam("description", "井盖缺失 " + marker)
                .formParam("media_url", link)
                .post("/open311/v2/requests.json").then().statusCode(201)
                .body("[0].service_request_id", equalTo(number))
                .body("[0].service_notice", containsString("media_url was not kept"));
        given().queryParam("api_key", KEY).get("/open311/v2/requests/" + number + ".json").then().statusCode(200)
                .body("[0].media_url", nullValue());
        // Nor does it reach the router's ticket: the request filed there carries no link at all.
        WireMockResource.server().verify(1, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlPathEqualTo("/router/api/integration/requests")).withRequestBody(containing(marker))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.notContaining("mediaUrl")));
    }

    private static void routerLinks(String number, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        WireMockResource.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock
                .get(urlPathEqualTo("/router/api/integration/tickets/" + number + "/attachment-links")).willReturn(answer));
    }

    @Test
    void theRequestShowsTheTicketsNewestPhotoAsTheRoutersExpiringLink() {
        String marker = UUID.randomUUID().toString();
        String own = "https://photos.linkage-test.invalid-tld-example.com/" + marker + ".jpg";
        String number = file(marker);
        String before = "https://router.linkage.example.gov.cn/links/attachments/3b9c6f1e-3d51-4a8e-9f0a-2c7d1e5b8a44"
                + "?expires=1765000000&signature=before";
        String proof = "https://router.linkage.example.gov.cn/links/attachments/4b9c6f1e-3d51-4a8e-9f0a-2c7d1e5b8a44"
                + "?expires=1765000000&signature=proof";
        String report = "https://router.linkage.example.gov.cn/links/attachments/5b9c6f1e-3d51-4a8e-9f0a-2c7d1e5b8a44"
                + "?expires=1765000000&signature=report";
        // Oldest first, as the router lists them: the caller's picture, the unit's on-site photo, then its report.
        routerLinks(number, aResponse().withHeader("Content-Type", "application/json").withBody("""
                [{"id":"3b9c6f1e-3d51-4a8e-9f0a-2c7d1e5b8a44","fileName":"塌陷.jpg","contentType":"image/jpeg",
                  "sizeBytes":9000,"url":"%s","expiresAt":"2025-12-06T05:46:40Z"},
                 {"id":"4b9c6f1e-3d51-4a8e-9f0a-2c7d1e5b8a44","fileName":"修复后.png","contentType":"image/png",
                  "sizeBytes":8000,"url":"%s","expiresAt":"2025-12-06T05:46:40Z"},
                 {"id":"5b9c6f1e-3d51-4a8e-9f0a-2c7d1e5b8a44","fileName":"验收.pdf","contentType":"application/pdf",
                  "sizeBytes":2500,"url":"%s","expiresAt":"2025-12-06T05:46:40Z"}]""".formatted(before, proof, report)));
        given().formParam("api_key", KEY).formParam("service_code", "ROADS").formParam("address_string", "武侯区天府大道北段1700号")
                .formParam("description", "路面塌陷 " + marker).formParam("media_url", own)
                .post("/open311/v2/requests.json").then().statusCode(201);

        given().queryParam("api_key", KEY).get("/open311/v2/requests/" + number + ".json").then().statusCode(200)
                .body("[0].media_url", equalTo(proof));
        given().queryParam("api_key", KEY).queryParam("service_request_id", number).get("/open311/v2/requests.json")
                .then().statusCode(200).body("[0].service_request_id", equalTo(number)).body("[0].media_url", equalTo(proof));
        String xml = given().queryParam("api_key", KEY).get("/open311/v2/requests/" + number + ".xml").then()
                .statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(proof,
                new io.restassured.path.xml.XmlPath(xml).getString("service_requests.request.media_url"));
        WireMockResource.server().verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/router/api/integration/tickets/" + number + "/attachment-links"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        "Bearer " + WireMockResource.SERVICE_TOKEN)));
    }

    @Test
    void whenTheRouterCannotBeAskedTheRequestIsAnsweredWithoutItsPhoto() {
        String marker = UUID.randomUUID().toString();
        String own = "https://photos.linkage-test.invalid-tld-example.com/" + marker + ".jpg";
        String withLink = file(marker);
        routerLinks(withLink, aResponse().withStatus(503));
        given().formParam("api_key", KEY).formParam("service_code", "ROADS").formParam("address_string", "武侯区天府大道北段1700号")
                .formParam("description", "路灯不亮 " + marker).formParam("media_url", own)
                .post("/open311/v2/requests.json").then().statusCode(201);
        // The client's own link is what the bridge holds; the router's links are simply not known now.
        given().queryParam("api_key", KEY).get("/open311/v2/requests/" + withLink + ".json").then().statusCode(200)
                .body("[0].service_request_id", equalTo(withLink)).body("[0].media_url", equalTo(own));

        String marker2 = UUID.randomUUID().toString();
        String without = file(marker2);
        routerLinks(without, aResponse().withFixedDelay(200).withStatus(502));
        given().formParam("api_key", KEY).formParam("service_code", "ROADS").formParam("address_string", "武侯区天府大道北段1700号")
                .formParam("description", "井盖缺失 " + marker2).post("/open311/v2/requests.json").then().statusCode(201);
        given().queryParam("api_key", KEY).get("/open311/v2/requests/" + without + ".json").then().statusCode(200)
                .body("[0].service_request_id", equalTo(without)).body("[0].media_url", nullValue());
    }

    @Test
    void theNewestUpdateCarriesTheProofPhoto() throws Exception {
        String marker = UUID.randomUUID().toString();
        UUID ticketId = UUID.randomUUID();
        String number = file(marker, ticketId);
        String proof = "https://router.linkage.example.gov.cn/links/attachments/6b9c6f1e-3d51-4a8e-9f0a-2c7d1e5b8a44"
                + "?expires=1765000000&signature=closed";
        routerLinks(number, aResponse().withHeader("Content-Type", "application/json").withBody("""
                [{"id":"6b9c6f1e-3d51-4a8e-9f0a-2c7d1e5b8a44","fileName":"修复后.jpg","contentType":"image/jpeg",
                  "sizeBytes":9000,"url":"%s","expiresAt":"2025-12-06T05:46:40Z"}]""".formatted(proof)));
        given().formParam("api_key", KEY).formParam("service_code", "ROADS").formParam("address_string", "武侯区天府大道北段1700号")
                .formParam("description", "路面塌陷 " + marker).post("/open311/v2/requests.json").then().statusCode(201);
        java.time.Instant at = java.time.Instant.now();
        KafkaTestSupport.produce(org.linkage.events.Topics.TICKETS, ticketId.toString(),
                org.linkage.events.EventTypes.TICKET_STATUS_CHANGED, new org.linkage.events.TicketStatusChanged(ticketId,
                        number, null, null, "SIGNED", "DISPATCHED", "510107-URBAN", "武侯区综合行政执法局", null, null, null,
                        "DELIVERED", "agent-wuhou", at.minusSeconds(60)));
        KafkaTestSupport.produce(org.linkage.events.Topics.TICKETS, ticketId.toString(),
                org.linkage.events.EventTypes.TICKET_STATUS_CHANGED, new org.linkage.events.TicketStatusChanged(ticketId,
                        number, null, null, "CLOSED", "CALLED_BACK", "510107-URBAN", "武侯区综合行政执法局", null, null,
                        "路面已修复", "DELIVERED", "supervisor1", at));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> given()
                .queryParam("api_key", KEY).queryParam("service_request_id", number)
                .get("/open311/v2/servicerequestupdates.json").then().statusCode(200)
                .body("size()", equalTo(2))
                .body("find { it.status == 'closed' }.media_url", equalTo(proof))
                .body("find { it.status == 'open' }.media_url", nullValue()));
    }
}
