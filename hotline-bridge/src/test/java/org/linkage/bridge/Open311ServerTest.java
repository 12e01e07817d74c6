package org.linkage.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.xml.XmlPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkage.bridge.repository.Open311Request;
import org.linkage.bridge.repository.Open311Update;
import org.linkage.events.EventTypes;
import org.linkage.events.TicketDispatched;
import org.linkage.events.TicketStatusChanged;
import org.linkage.events.Topics;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Open311 GeoReport v2 server, exercised with the spec's example requests (adapted to Chengdu). */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(WireMockResource.class)
class Open311ServerTest {
    private static final String KEY = "open311-demo-key";
    private static final String OTHER_KEY = "open311-other-key";
    private static final String ROUTER_REQUESTS = "/router/api/integration/requests";
    private static final String INTAKE_PREVIEW = "/intake/api/classifications/preview";

    @Test
    void servicesListsTheNonPoliceCategoriesInJsonAndXml() {
        given().queryParam("api_key", KEY).get("/open311/v2/services.json").then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("service_code", hasItem("NOISE"))
                .body("service_code", not(hasItem("CRIME")))
                .body("find { it.service_code == 'WAGES' }.service_name", containsString("欠薪"))
                .body("find { it.service_code == 'WAGES' }.metadata", equalToBool(false))
                .body("find { it.service_code == 'WAGES' }.type", org.hamcrest.Matchers.equalTo("realtime"));

        String xml = given().queryParam("api_key", KEY).get("/open311/v2/services.xml").then().statusCode(200)
                .contentType(containsString("xml")).extract().asString();
        XmlPath doc = new XmlPath(xml);
        assertTrue(doc.getList("services.service.service_code").contains("ROADS"));
        assertEquals("交通运输 Transport", doc.getString("services.service.find { it.service_code == 'ROADS' }.group"));
    }

    @Test
    void serviceDefinitionAndUnknownService() {
        given().queryParam("api_key", KEY).get("/open311/v2/services/NOISE.json").then().statusCode(200)
                .body("service_code", org.hamcrest.Matchers.equalTo("NOISE"))
                .body("attributes.size()", org.hamcrest.Matchers.equalTo(0));
        String xml = given().queryParam("api_key", KEY).get("/open311/v2/services/NOISE.xml").then().statusCode(200)
                .extract().asString();
        assertEquals("NOISE", new XmlPath(xml).getString("service_definition.service_code"));

        given().queryParam("api_key", KEY).get("/open311/v2/services/CRIME.json").then().statusCode(404)
                .body("[0].code", org.hamcrest.Matchers.equalTo(404))
                .body("[0].description", containsString("CRIME"));
    }

    @Test
    void apiKeyIsRequiredEverywhereAndErrorsFollowTheSpec() {
        given().get("/open311/v2/services.json").then().statusCode(401)
                .body("[0].code", org.hamcrest.Matchers.equalTo(401));
        given().queryParam("api_key", "stolen").get("/open311/v2/requests.json").then().statusCode(403)
                .body("[0].description", org.hamcrest.Matchers.equalTo("Invalid api_key received"));
        String xml = given().queryParam("api_key", "stolen").get("/open311/v2/services.xml").then().statusCode(403)
                .extract().asString();
        XmlPath doc = new XmlPath(xml);
        assertEquals("403", doc.getString("errors.error.code"));
        assertEquals("Invalid api_key received", doc.getString("errors.error.description"));
        given().formParam("service_code", "ROADS").formParam("description", "x").formParam("address_string", "x")
                .post("/open311/v2/requests.json").then().statusCode(401);
    }

    @Test
    void postRequestFromTheSpecExampleFilesATicketOnTheOpen311Channel() throws Exception {
        String marker = UUID.randomUUID().toString();
        String description = "A large sinkhole is destroying the street 路面塌陷 " + marker;
        UUID ticketId = UUID.randomUUID();
        String number = Tickets.nextNumber();
        stubIntake(marker, "NON_POLICE", "ROADS");
        WireMockResource.server().stubFor(post(urlPathEqualTo(ROUTER_REQUESTS)).withRequestBody(containing(marker))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"ticketId\":\"" + ticketId + "\",\"ticketNumber\":\"" + number
                                + "\",\"status\":\"PENDING_DISPATCH\"}")));

        // The spec's example POST, with a Chengdu location and a Linkage service code.
        given().formParam("api_key", KEY).formParam("service_code", "ROADS")
                .formParam("lat", "30.5702").formParam("long", "104.0665")
                .formParam("address_string", "武侯区天府大道北段1700号").formParam("email", "smit333@sfgov.edu")
                .formParam("device_id", "tt222111").formParam("account_id", "123456")
                .formParam("first_name", "john").formParam("last_name", "smith").formParam("phone", "111111111")
                .formParam("description", description)
                .formParam("media_url", "http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg")
                .post("/open311/v2/requests.json").then().statusCode(201)
                .body("[0].service_request_id", org.hamcrest.Matchers.equalTo(number))
                .body("[0].account_id", nullValue());

        WireMockResource.server().verify(1, postRequestedFor(urlPathEqualTo(ROUTER_REQUESTS))
                .withHeader("Authorization", equalTo("Bearer " + WireMockResource.SERVICE_TOKEN))
                .withRequestBody(matchingJsonPath("$.channel", equalTo("OPEN311:demo")))
                .withRequestBody(matchingJsonPath("$.categoryCode", equalTo("ROADS")))
                .withRequestBody(matchingJsonPath("$.callerName", equalTo("john smith")))
                .withRequestBody(matchingJsonPath("$.latitude", equalTo("30.5702"))));

        // Readable at once, then closed with the department's answer once the router says so.
        given().queryParam("api_key", KEY).get("/open311/v2/requests/" + number + ".json").then().statusCode(200)
                .body("[0].status", org.hamcrest.Matchers.equalTo("open"))
                .body("[0].service_code", org.hamcrest.Matchers.equalTo("ROADS"))
                .body("[0].lat", org.hamcrest.Matchers.equalTo(30.5702f));
        KafkaTestSupport.produce(Topics.TICKETS, ticketId.toString(), EventTypes.TICKET_STATUS_CHANGED,
                new TicketStatusChanged(ticketId, number, null, null, "CLOSED", "CALLED_BACK", "510107-URBAN",
                        "武侯区综合行政执法局", null, null, "路面已修复 The road was repaired", "DELIVERED", "supervisor1",
                        Instant.now()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("api_key", KEY)
                .queryParam("service_request_id", number + ",NO-SUCH").queryParam("status", "closed")
                .get("/open311/v2/requests.json").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(1))
                .body("[0].status", org.hamcrest.Matchers.equalTo("closed"))
                .body("[0].status_notes", org.hamcrest.Matchers.equalTo("路面已修复 The road was repaired"))
                .body("[0].agency_responsible", org.hamcrest.Matchers.equalTo("武侯区综合行政执法局")));

        String xml = given().queryParam("api_key", KEY).get("/open311/v2/requests/" + number + ".xml").then()
                .statusCode(200).extract().asString();
        assertEquals("closed", new XmlPath(xml).getString("service_requests.request.status"));

        // The servicerequestupdates extension lists the change with its notes.
        given().queryParam("api_key", KEY).queryParam("service_request_id", number)
                .get("/open311/v2/servicerequestupdates.json").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(1))
                .body("[0].status", org.hamcrest.Matchers.equalTo("closed"))
                .body("[0].description", org.hamcrest.Matchers.equalTo("路面已修复 The road was repaired"))
                .body("[0].updated_datetime", containsString("+08:00"));
        String updates = given().queryParam("api_key", KEY).queryParam("service_request_id", number)
                .get("/open311/v2/servicerequestupdates.xml").then().statusCode(200).extract().asString();
        assertEquals(number, new XmlPath(updates).getString("service_request_updates.request_update.service_request_id"));
    }

    @Test
    void policeMatterIsHandedTo110WithATokenAndNoTicket() throws Exception {
        String marker = UUID.randomUUID().toString();
        stubIntake(marker, "POLICE", "CRIME");

        String token = given().formParam("api_key", KEY).formParam("service_code", "OTHER")
                .formParam("address_string", "锦江区春熙路").formParam("phone", "13900001111")
                .formParam("description", "有人持刀抢劫 Someone is robbing people with a knife " + marker)
                .post("/open311/v2/requests.json").then().statusCode(201)
                .body("[0].service_notice", containsString("110"))
                .body("[0].service_request_id", nullValue())
                .extract().path("[0].token");

        List<ConsumerRecord<String, String>> transfers = KafkaTestSupport.read(Topics.POLICE_TRANSFERS,
                r -> r.value().contains(marker), 1, Duration.ofSeconds(20));
        assertEquals(1, transfers.size());
        assertEquals(EventTypes.POLICE_TRANSFER_CREATED, KafkaTestSupport.header(transfers.get(0), "ce_type"));
        JsonNode transfer = KafkaTestSupport.JSON.readTree(transfers.get(0).value());
        assertEquals("OPEN311", transfer.get("origin").asText());
        assertEquals("13900001111", transfer.get("callerPhone").asText());
        assertTrue(transfer.get("ticketId").isNull());
        WireMockResource.server().verify(0, postRequestedFor(urlPathEqualTo(ROUTER_REQUESTS)).withRequestBody(containing(marker)));

        given().queryParam("api_key", KEY).get("/open311/v2/tokens/" + token + ".json").then().statusCode(200)
                .body("[0].token", org.hamcrest.Matchers.equalTo(token))
                .body("[0].service_request_id", nullValue());
        given().queryParam("api_key", KEY).get("/open311/v2/tokens/" + UUID.randomUUID() + ".json").then().statusCode(404);
        // A token is the filing client's: another client's key finds nothing.
        given().queryParam("api_key", OTHER_KEY).get("/open311/v2/tokens/" + token + ".json").then().statusCode(404);
    }

    @Test
    void badRequestsAnswerInTheSpecFormat() {
        given().formParam("api_key", KEY).formParam("service_code", "ROADS").formParam("description", "pothole")
                .post("/open311/v2/requests.json").then().statusCode(400)
                .body("[0].description", containsString("location"));
        given().formParam("api_key", KEY).formParam("service_code", "ROADS").formParam("description", "pothole")
                .formParam("lat", "north").formParam("long", "104.1").post("/open311/v2/requests.json").then()
                .statusCode(400).body("[0].description", containsString("lat"));
        given().formParam("api_key", KEY).formParam("service_code", "CRIME").formParam("description", "x")
                .formParam("address_string", "x").post("/open311/v2/requests.xml").then().statusCode(404)
                .body("errors.error.code", org.hamcrest.Matchers.equalTo("404"));
        given().queryParam("api_key", KEY).queryParam("start_date", "last week").get("/open311/v2/requests.json")
                .then().statusCode(400).body("[0].description", containsString("start_date"));
        given().queryParam("api_key", KEY).queryParam("status", "pending").get("/open311/v2/requests.json")
                .then().statusCode(400);
        given().queryParam("api_key", KEY).get("/open311/v2/requests/NO-SUCH-ID.json").then().statusCode(404)
                .body("[0].code", org.hamcrest.Matchers.equalTo(404));
    }

    @Test
    void clientsSeeOnlyTheirOwnRequestsAndNever110Tickets() throws Exception {
        // A ticket from a 110 referral: the bridge knows it (with the caller's data), no Open311 client may read it.
        TicketDispatched referral = Tickets.withCategory(Tickets.dispatched("510107-URBAN", "NONE", null), "CITY");
        // A request filed by "demo" whose dispatch event overtakes the answer to the filing.
        UUID ticketId = UUID.randomUUID();
        String number = Tickets.nextNumber();
        TicketDispatched filed = Tickets.withCategory(
                Tickets.dispatched(ticketId, number, 1, "510107-URBAN", "NONE", null), "CITY");
        KafkaTestSupport.produce(Topics.TICKETS, referral.ticketId().toString(), EventTypes.TICKET_DISPATCHED, referral);
        KafkaTestSupport.produce(Topics.TICKETS, ticketId.toString(), EventTypes.TICKET_DISPATCHED, filed);
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                Open311Request.count("ticketId in ?1", List.of(referral.ticketId(), ticketId))) == 2);
        String marker = UUID.randomUUID().toString();
        stubIntake(marker, "NON_POLICE", "CITY");
        WireMockResource.server().stubFor(post(urlPathEqualTo(ROUTER_REQUESTS)).withRequestBody(containing(marker))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"ticketId\":\"" + ticketId + "\",\"ticketNumber\":\"" + number
                                + "\",\"status\":\"DISPATCHED\"}")));
        given().formParam("api_key", KEY).formParam("service_code", "CITY").formParam("lat", "30.5702")
                .formParam("long", "104.0665").formParam("description", "占道经营 Street vendor " + marker)
                .post("/open311/v2/requests.json").then().statusCode(201)
                .body("[0].service_request_id", org.hamcrest.Matchers.equalTo(number));

        // The filing client, with the spec's filters.
        given().queryParam("api_key", KEY).queryParam("service_code", "CITY").queryParam("status", "open")
                .queryParam("start_date", "2026-01-01T00:00:00+08:00")
                .get("/open311/v2/requests.json").then().statusCode(200)
                .body("service_request_id", hasItem(number))
                .body("service_request_id", not(hasItem(referral.ticketNumber())));
        given().queryParam("api_key", KEY).queryParam("service_code", "NOISE").get("/open311/v2/requests.json")
                .then().statusCode(200).body("service_request_id", not(hasItem(number)));
        given().queryParam("api_key", KEY).queryParam("end_date", "2020-01-01T00:00:00Z").get("/open311/v2/requests.json")
                .then().statusCode(200).body("service_request_id", not(hasItem(number)));
        String body = given().queryParam("api_key", KEY).get("/open311/v2/requests/" + number + ".json")
                .then().statusCode(200).body("[0].requested_datetime", containsString("+08:00"))
                .extract().asString();
        assertTrue(!body.contains(filed.callerPhone()) && !body.contains(filed.callerName()),
                "Open311 never shows the caller");

        // The 110 ticket is not found by anyone, by id or in a list of ids.
        given().queryParam("api_key", KEY).get("/open311/v2/requests/" + referral.ticketNumber() + ".json")
                .then().statusCode(404);
        given().queryParam("api_key", KEY).queryParam("service_request_id", referral.ticketNumber())
                .get("/open311/v2/requests.json").then().statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(0));
        // Another client does not see demo's request.
        given().queryParam("api_key", OTHER_KEY).get("/open311/v2/requests/" + number + ".json").then().statusCode(404);
        given().queryParam("api_key", OTHER_KEY).queryParam("start_date", "2026-01-01T00:00:00+08:00")
                .get("/open311/v2/requests.json").then().statusCode(200)
                .body("service_request_id", not(hasItem(number)));

        // Status updates follow the same rule.
        for (TicketDispatched t : List.of(referral, filed)) {
            KafkaTestSupport.produce(Topics.TICKETS, t.ticketId().toString(), EventTypes.TICKET_STATUS_CHANGED,
                    new TicketStatusChanged(t.ticketId(), t.ticketNumber(), null, null, "SIGNED", "DISPATCHED",
                            "510107-URBAN", "武侯区综合行政执法局", null, null, null, "DELIVERED", "agent-wuhou",
                            Instant.now()));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                Open311Update.count("ticketId in ?1", List.of(referral.ticketId(), ticketId))) == 2);
        given().queryParam("api_key", KEY).queryParam("service_request_id", number)
                .get("/open311/v2/servicerequestupdates.json").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(1));
        given().queryParam("api_key", KEY).queryParam("service_request_id", referral.ticketNumber())
                .get("/open311/v2/servicerequestupdates.json").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(0));
        given().queryParam("api_key", OTHER_KEY).queryParam("service_request_id", number)
                .get("/open311/v2/servicerequestupdates.json").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(0));
    }

    private static org.hamcrest.Matcher<Object> equalToBool(boolean value) {
        return org.hamcrest.Matchers.equalTo(value);
    }

    private static void stubIntake(String marker, String disposition, String category) {
        WireMockResource.server().stubFor(post(urlPathEqualTo(INTAKE_PREVIEW)).withRequestBody(containing(marker))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"disposition\":\"" + disposition + "\",\"categoryCode\":\"" + category
                                + "\",\"confidence\":0.91,\"signals\":[],\"modelVersion\":\"test-1\"}")));
    }
}
