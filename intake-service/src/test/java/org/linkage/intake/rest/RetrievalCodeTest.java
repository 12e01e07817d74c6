package org.linkage.intake.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.linkage.intake.service.RetrievalCodeSource;
import org.linkage.intake.support.CallFixtures;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.linkage.intake.support.CallFixtures.call;
import static org.linkage.intake.support.CallFixtures.with;

/**
 * A retrieval code opens a caller's case (with the ticket number), so no two calls may share one. Codes are drawn at
 * random and the unique index is the only check: a draw that hits a code already given must still end in a call of
 * its own, with a code of its own, taken once.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@TestSecurity(user = "calltaker1", roles = "call-taker")
class RetrievalCodeTest {

    @Test
    void aCallWhoseCodeWasDrawnBeforeIsTakenWithAFreshCodeAndOnlyOnce() {
        String first = given().contentType(ContentType.JSON).body(call(CallFixtures.NOISE))
                .when().post("/api/calls").then().statusCode(201).extract().path("retrievalCode");
        String fresh = "Q7M2K9XR".equals(first) ? "Q7M2K9XS" : "Q7M2K9XR";
        // the next two draws repeat the first call's code, the third is new
        Drawn drawn = new Drawn(first, first, fresh);
        QuarkusMock.installMockForType(drawn, RetrievalCodeSource.class);

        String marker = CallFixtures.marker();
        var second = given().contentType(ContentType.JSON)
                .body(with(call(CallFixtures.WAGES + marker), "confirm", true))
                .when().post("/api/calls").then().statusCode(201)
                .body("retrievalCode", equalTo(fresh))
                .body("decision", equalTo("CONFIRMED"))
                .extract();
        assertEquals(0, drawn.left(), "codes drawn: two that clashed, then a new one");

        // one call, audited once, referred once
        given().queryParam("text", marker).when().get("/api/calls").then().statusCode(200)
                .body("items", hasSize(1));
        given().when().get("/api/calls/{id}/audit", second.<String>path("id")).then().statusCode(200)
                .body("action", contains("CREATED", "CLASSIFIED", "CONFIRMED", "REFERRED"));
        // the first call keeps its code, and each code finds its own call
        given().when().get("/api/calls/by-retrieval-code/{code}", first).then().statusCode(200)
                .body("retrievalCode", equalTo(first));
        given().when().get("/api/calls/by-retrieval-code/{code}", fresh).then().statusCode(200)
                .body("id", equalTo(second.path("id")));
    }

    /** Hands out the given codes in order (the real source draws them at random). */
    static class Drawn extends RetrievalCodeSource {
        private final Deque<String> codes;

        Drawn(String... codes) {
            this.codes = new ArrayDeque<>(List.of(codes));
        }

        @Override
        public synchronized String next() {
            return codes.isEmpty() ? super.next() : codes.pop();
        }

        synchronized int left() {
            return codes.size();
        }
    }
}
