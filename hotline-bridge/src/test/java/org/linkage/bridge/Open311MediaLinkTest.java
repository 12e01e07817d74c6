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
        String number = Tickets.nextNumber();
        WireMockResource.server().stubFor(post(urlPathEqualTo("/intake/api/classifications/preview"))
                .withRequestBody(containing(marker)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"disposition\":\"NON_POLICE\",\"categoryCode\":\"ROADS\",\"confidence\":0.9,"
                                + "\"signals\":[],\"modelVersion\":\"test-1\"}")));
        WireMockResource.server().stubFor(post(urlPathEqualTo("/router/api/integration/requests"))
                .withRequestBody(containing(marker)).willReturn(aResponse().withStatus(201)
                        .withHeader("Content-Type", "application/json").withBody("{\"ticketId\":\"" + UUID.randomUUID()
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
    }

    @Test
    void aLinkToAnInsideAddressIsLeftOutAndTheReportIsStillFiled() {
        String marker = UUID.randomUUID().toString();
        String number = file(marker);
        given().formParam("api_key", KEY).formParam("service_code", "ROADS").formParam("address_string", "武侯区天府大道北段1700号")
                .formParam("description", "井盖缺失 " + marker)
                .formParam("media_url", "https://169.254.169.254/latest/meta-data/")
                .post("/open311/v2/requests.json").then().statusCode(201)
                .body("[0].service_request_id", equalTo(number))
                .body("[0].service_notice", containsString("media_url was not kept"));
        given().queryParam("api_key", KEY).get("/open311/v2/requests/" + number + ".json").then().statusCode(200)
                .body("[0].media_url", nullValue());
    }
}
