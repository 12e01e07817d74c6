package org.linkage.intake.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.linkage.intake.support.CallFixtures;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.linkage.intake.support.CallFixtures.call;
import static org.linkage.intake.support.CallFixtures.with;

/** Bad input anywhere answers 400 problem+json naming the field, never 500. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@TestSecurity(user = "calltaker1", roles = {"call-taker", "officer"})
class BadInputTest {

    private static ValidatableResponse postCall(Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/calls").then();
    }

    private static void rejects(ValidatableResponse response, String field) {
        response.statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    @Test
    void malformedJson() {
        rejects(postCall("{\"content\": \"x\", "), "$");
        rejects(given().contentType(ContentType.JSON).body("[1,2]").when().post("/api/classifications/preview").then(), "$");
    }

    @Test
    void missingFields() {
        rejects(postCall(with(call("x"), "callerPhone", null)), "callerPhone");
        rejects(postCall(with(call("x"), "address", null)), "address");
        rejects(postCall(with(call("x"), "content", "   ")), "content");
        rejects(given().contentType(ContentType.JSON).body(Map.of()).when().post("/api/classifications/preview").then(),
                "text");
    }

    @Test
    void aMissingBody() {
        given().contentType(ContentType.JSON).when().post("/api/calls")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void oversizedFields() {
        rejects(postCall(call("很".repeat(4001))), "content");
        rejects(postCall(with(call("x"), "callerName", "名".repeat(101))), "callerName");
        rejects(postCall(with(call("x"), "address", "址".repeat(501))), "address");
        rejects(given().contentType(ContentType.JSON).body(Map.of("text", "字".repeat(4001)))
                .when().post("/api/classifications/preview").then(), "text");
        rejects(given().contentType(ContentType.JSON).header("Idempotency-Key", "k".repeat(201)).body(call("x"))
                .when().post("/api/calls").then(), "Idempotency-Key");
        rejects(given().contentType(ContentType.JSON).header("Idempotency-Key", "key with spaces").body(call("x"))
                .when().post("/api/calls").then(), "Idempotency-Key");
    }

    @Test
    void wrongTypes() {
        rejects(postCall(with(call("x"), "latitude", "north")), "latitude");
        rejects(postCall(with(call("x"), "receivedAt", "yesterday")), "receivedAt");
        rejects(postCall(with(call("x"), "channel", "PIGEON")), "channel");
        rejects(postCall(with(call("x"), "confirm", "perhaps")), "confirm");
        rejects(postCall(with(call("x"), "content", Map.of("a", 1))), "content");
    }

    @Test
    void valuesOutOfRange() {
        rejects(postCall(with(call("x"), "latitude", 91.0)), "latitude");
        rejects(postCall(with(call("x"), "longitude", null)), "longitude");
        rejects(postCall(with(call("x"), "receivedAt", "2099-01-01T00:00:00+08:00")), "receivedAt");
    }

    @Test
    void phonesThatAreNotMainlandNumbers() {
        for (String phone : new String[]{"12345", "23812345678", "+1 415 555 0100", "1381234567a", "0281234"}) {
            postCall(with(call("x"), "callerPhone", phone)).statusCode(400)
                    .body("errors.field", hasItem("callerPhone"))
                    .body("errors.message", hasItem(containsString("mainland")));
        }
    }

    @Test
    void districtCodes() {
        rejects(postCall(with(call("x"), "districtCode", "51-0107")), "districtCode");
        rejects(postCall(with(call("x"), "districtCode", "999999")), "districtCode");
        postCall(with(call(CallFixtures.NOISE), "districtCode", "CD-HIGHTECH")).statusCode(201);
    }

    @Test
    void messagesAreInChineseAndEnglish() {
        postCall(with(call("x"), "address", null)).statusCode(400)
                .body("errors.message", hasItem("不能为空 / must not be blank"));
    }

    @Test
    void pathAndQueryParameters() {
        rejects(given().when().get("/api/calls/not-a-uuid").then(), "id");
        rejects(given().when().post("/api/calls/42/confirmation").then(), "id");
        rejects(given().queryParam("size", 0).when().get("/api/calls").then(), "size");
        rejects(given().queryParam("size", "many").when().get("/api/calls").then(), "size");
        rejects(given().queryParam("page", -1).when().get("/api/calls").then(), "page");
        rejects(given().queryParam("from", "last week").when().get("/api/calls").then(), "from");
        rejects(given().queryParam("disposition", "MAYBE").when().get("/api/calls").then(), "disposition");
        rejects(given().queryParam("state", "LOST").when().get("/api/police-transfers").then(), "state");
        rejects(given().queryParam("size", 101).when().get("/api/police-transfers").then(), "size");
        rejects(given().queryParam("page", "first").when().get("/api/police-transfers").then(), "page");
    }

    @Test
    void overrideBodies() {
        UUID id = CallFixtures.post(call(CallFixtures.NOISE));
        rejects(given().contentType(ContentType.JSON).body(Map.of("disposition", "SOMETIMES", "reason", "x"))
                .when().post("/api/calls/{id}/override", id).then(), "disposition");
        rejects(given().contentType(ContentType.JSON).body(Map.of("categoryCode", "NOISE", "reason", "x"))
                .when().post("/api/calls/{id}/override", id).then(), "disposition");
        rejects(given().contentType(ContentType.JSON).body("{")
                .when().post("/api/calls/{id}/override", id).then(), "$");
    }

    @Test
    void handOverBodies() {
        Map<String, Object> body = HandOverTest.handOver();
        body.put("callerPhone", "999");
        rejects(given().contentType(ContentType.JSON).body(body)
                .when().post("/api/incidents/JQ1/referrals").then(), "callerPhone");
        body = HandOverTest.handOver();
        body.remove("content");
        rejects(given().contentType(ContentType.JSON).body(body)
                .when().post("/api/incidents/JQ1/referrals").then(), "content");
    }

    @Test
    void unknownThingsAreNotFound() {
        given().when().get("/api/calls/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().when().post("/api/calls/{id}/confirmation", UUID.randomUUID()).then().statusCode(404);
    }
}
