package org.linkage.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventTypes;
import org.linkage.events.TicketDispatched;
import org.linkage.events.Topics;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The router's category questions through Open311: service definitions list them as GeoReport attributes, inbound
 * requests answer them as attribute[code] and are checked before anything is filed, and the answers reach the
 * department in the webhook payload. The router here is WireMock, answering as the real one does.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(WireMockResource.class)
class Open311AttributesTest {
    private static final String KEY = "open311-demo-key";
    private static final String ROUTER_REQUESTS = "/router/api/integration/requests";
    private static final String INTAKE_PREVIEW = "/intake/api/classifications/preview";
    private static final String QUESTIONS = """
            [{"categoryCode":"WAGES","version":2,"questions":[
               {"code":"employer","datatype":"TEXT","required":true,"labelZh":"用工单位","labelEn":"Employer","values":[]},
               {"code":"amount","datatype":"NUMBER","required":false,"labelZh":"拖欠金额（元）","labelEn":"Amount owed (yuan)","values":[]},
               {"code":"owedSince","datatype":"DATE","required":false,"labelZh":"开始拖欠日期","labelEn":"Owed since","values":[]},
               {"code":"sector","datatype":"CHOICE","required":false,"labelZh":"行业","labelEn":"Sector","values":[
                  {"key":"BUILDING","nameZh":"建筑","nameEn":"Construction"},{"key":"FACTORY","nameZh":"制造","nameEn":"Manufacturing"}]}]}]""";
    private UUID stub;

    @BeforeEach
    void theRouterAsksQuestionsForWages() {
        stub = UUID.randomUUID();
        WireMockResource.server().stubFor(get(urlPathEqualTo("/router/api/categories/questions")).atPriority(1)
                .withId(stub).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(QUESTIONS)));
    }

    @AfterEach
    void andNoLonger() {
        WireMockResource.server().removeStubMapping(WireMockResource.server().getStubMapping(stub).getItem());
    }

    @Test
    void theServiceDefinitionListsTheCategorysQuestionsAsAttributes() {
        // the first read of the router may time out on a cold, busy machine: the definition is then 503, never a guess
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("api_key", KEY)
                .get("/open311/v2/services/WAGES.json").then().statusCode(200));
        given().queryParam("api_key", KEY).get("/open311/v2/services/WAGES.json").then().statusCode(200)
                .body("service_code", org.hamcrest.Matchers.equalTo("WAGES"))
                .body("attributes.code", org.hamcrest.Matchers.equalTo(List.of("employer", "amount", "owedSince", "sector")))
                .body("attributes[0].required", org.hamcrest.Matchers.equalTo(true))
                .body("attributes[0].variable", org.hamcrest.Matchers.equalTo(true))
                .body("attributes[0].description", containsString("用工单位"))
                .body("attributes[1].datatype", org.hamcrest.Matchers.equalTo("number"))
                .body("attributes[2].datatype", org.hamcrest.Matchers.equalTo("datetime"))
                .body("attributes[3].datatype", org.hamcrest.Matchers.equalTo("singlevaluelist"))
                .body("attributes[3].values.key", org.hamcrest.Matchers.equalTo(List.of("BUILDING", "FACTORY")))
                .body("attributes[3].order", org.hamcrest.Matchers.equalTo(4));
        given().queryParam("api_key", KEY).get("/open311/v2/services.json").then().statusCode(200)
                .body("find { it.service_code == 'WAGES' }.metadata", org.hamcrest.Matchers.equalTo(true))
                .body("find { it.service_code == 'NOISE' }.metadata", org.hamcrest.Matchers.equalTo(false));
        String xml = given().queryParam("api_key", KEY).get("/open311/v2/services/WAGES.xml").then().statusCode(200)
                .extract().asString();
        assertEquals("employer", new io.restassured.path.xml.XmlPath(xml)
                .getString("service_definition.attributes.attribute[0].code"));
    }

    @Test
    void anInboundRequestMustAnswerTheQuestionsInTheirTypes() {
        String marker = UUID.randomUUID().toString();
        stubIntake(marker);
        String number = Tickets.nextNumber();
        WireMockResource.server().stubFor(post(urlPathEqualTo(ROUTER_REQUESTS)).withRequestBody(containing(marker))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"ticketId\":\"" + UUID.randomUUID() + "\",\"ticketNumber\":\"" + number
                                + "\",\"status\":\"DISPATCHED\"}")));

        request(marker, Map.of()).statusCode(400).body("[0].description", containsString("attribute[employer]"));
        request(marker, Map.of("attribute[employer]", "某劳务公司", "attribute[amount]", "两万"))
                .statusCode(400).body("[0].description", containsString("attribute[amount]"));
        request(marker, Map.of("attribute[employer]", "某劳务公司", "attribute[sector]", "FARM"))
                .statusCode(400).body("[0].description", containsString("attribute[sector]"));
        request(marker, Map.of("attribute[employer]", "某劳务公司", "attribute[shoe]", "42"))
                .statusCode(400).body("[0].description", containsString("attribute[shoe]"));
        WireMockResource.server().verify(0, postRequestedFor(urlPathEqualTo(ROUTER_REQUESTS)).withRequestBody(containing(marker)));

        request(marker, Map.of("attribute[employer]", "成都某劳务公司", "attribute[amount]", "20000",
                "attribute[sector]", "BUILDING")).statusCode(201)
                .body("[0].service_request_id", org.hamcrest.Matchers.equalTo(number));
        WireMockResource.server().verify(1, postRequestedFor(urlPathEqualTo(ROUTER_REQUESTS))
                .withRequestBody(matchingJsonPath("$.attributes.employer", equalTo("成都某劳务公司")))
                .withRequestBody(matchingJsonPath("$.attributes.amount", equalTo("20000")))
                .withRequestBody(matchingJsonPath("$.attributes.sector", equalTo("BUILDING"))));
    }

    @Test
    void theAnswersReachTheDepartmentInTheWebhook() throws Exception {
        String path = "/dept/hrss/" + Tickets.nextNumber();
        WireMockResource.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(201)));
        TicketDispatched base = Tickets.dispatched("CD-HRSS", "WEBHOOK", WireMockResource.url(path));
        TicketDispatched ticket = new TicketDispatched(base.ticketId(), base.ticketNumber(), base.version(), base.callId(),
                base.referralId(), base.categoryCode(), base.urgency(), base.content(), base.address(), base.districtCode(),
                base.latitude(), base.longitude(), base.callerPhone(), base.callerName(), base.department(),
                base.supportingDepartments(), base.signBy(), base.resolveBy(), base.dispatchedAt(), "K7M2Q9XR", null,
                Map.of("employer", "成都某劳务公司", "amount", "20000"));
        KafkaTestSupport.produce(Topics.TICKETS, ticket.ticketId().toString(), EventTypes.TICKET_DISPATCHED, ticket);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                !WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(path))).isEmpty());
        LoggedRequest received = WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(path))).get(0);
        JsonNode body = KafkaTestSupport.JSON.readTree(received.getBodyAsString());
        assertEquals("成都某劳务公司", body.get("attributes").get("employer").asText());
        assertEquals("20000", body.get("attributes").get("amount").asText());
        assertEquals(null, body.get("retrievalCode"), "the caller's code never reaches a department");
    }

    private static io.restassured.response.ValidatableResponse request(String marker, Map<String, String> attributes) {
        var spec = given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("api_key", KEY).formParam("service_code", "WAGES")
                .formParam("address_string", "成都市武侯区玉林北路1号")
                .formParam("description", "老板拖欠工资三个月 " + marker);
        attributes.forEach(spec::formParam);
        return spec.post("/open311/v2/requests.json").then();
    }

    private static void stubIntake(String marker) {
        WireMockResource.server().stubFor(post(urlPathEqualTo(INTAKE_PREVIEW)).withRequestBody(containing(marker))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"disposition\":\"NON_POLICE\",\"categoryCode\":\"WAGES\",\"confidence\":0.91,\"signals\":[],"
                                + "\"modelVersion\":\"test-1\"}")));
    }
}
