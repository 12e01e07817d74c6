package org.linkage.intake.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.linkage.intake.support.CallFixtures;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.linkage.intake.support.CallFixtures.call;
import static org.linkage.intake.support.CallFixtures.with;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@TestSecurity(user = "calltaker-idem", roles = "call-taker")
class IdempotencyTest {

    @Test
    void aRetryWithTheSameKeyReturnsTheFirstRecord() {
        String key = UUID.randomUUID().toString();
        String marker = CallFixtures.marker();
        Map<String, Object> body = with(call(CallFixtures.WAGES + marker), "confirm", true);
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/calls").then().statusCode(201).extract().path("id");
        String again = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/calls").then().statusCode(200).extract().path("id");
        assertEquals(first, again);
        given().queryParam("text", marker).when().get("/api/calls")
                .then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void concurrentRetriesStillMakeOneRecord() {
        String key = UUID.randomUUID().toString();
        String marker = CallFixtures.marker();
        Map<String, Object> body = call(CallFixtures.NOISE + marker);
        var ids = IntStream.range(0, 4).mapToObj(i -> CompletableFuture.supplyAsync(() ->
                        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                                .when().post("/api/calls").then().extract().<String>path("id")))
                .toList().stream().map(CompletableFuture::join).distinct().toList();
        assertEquals(1, ids.size(), "all retries answered with the same call: " + ids);
        given().queryParam("text", marker).when().get("/api/calls").then().body("total", equalTo(1));
    }

    @Test
    void theSameKeyWithADifferentBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(call(CallFixtures.NOISE))
                .when().post("/api/calls").then().statusCode(201);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(call(CallFixtures.WAGES))
                .when().post("/api/calls")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("Idempotency-Key"))
                .body("detail", containsString("different request"));
    }

    @Test
    void withoutAKeyEverySubmitIsANewCall() {
        Map<String, Object> body = call(CallFixtures.NOISE);
        assertNotEquals(CallFixtures.post(body), CallFixtures.post(body));
    }
}
