package org.linkage.intake.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.linkage.commons.security.Actor;
import org.linkage.commons.security.Roles;
import org.linkage.intake.repository.CallRepository;
import org.linkage.intake.service.CallQuery;
import org.linkage.intake.service.CallSearch;
import org.linkage.intake.support.CallFixtures;
import org.linkage.intake.support.CallRows;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.intake.support.CallFixtures.call;
import static org.linkage.intake.support.CallFixtures.with;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class CallSearchTest {
    @Inject
    CallRepository calls;
    @Inject
    CallSearch search;
    @Inject
    EntityManager em;

    @Test
    @TestSecurity(user = "calltaker-search", roles = "call-taker")
    void pagesNewestFirst() {
        String marker = CallFixtures.marker();
        for (int i = 0; i < 5; i++) {
            CallFixtures.post(with(call(CallFixtures.NOISE + marker + "#" + i), "receivedAt",
                    "2026-11-2" + i + "T09:30:00+08:00"));
        }
        given().queryParam("text", marker).queryParam("size", 2).queryParam("page", 0)
                .when().get("/api/calls")
                .then().statusCode(200)
                .body("total", equalTo(5)).body("size", equalTo(2))
                .body("items", hasSize(2))
                .body("items[0].excerpt", containsString(marker + "#4"))
                .body("items[1].excerpt", containsString(marker + "#3"));
        given().queryParam("text", marker).queryParam("size", 2).queryParam("page", 2)
                .when().get("/api/calls")
                .then().body("items", hasSize(1)).body("items[0].excerpt", containsString(marker + "#0"));
    }

    @Test
    @TestSecurity(user = "calltaker-search", roles = "call-taker")
    void filtersByTimeDispositionCategoryAndDistrict() {
        String marker = CallFixtures.marker();
        CallFixtures.post(with(with(call(CallFixtures.WAGES + marker), "receivedAt", "2026-10-01T10:00:00+08:00"),
                "districtCode", "510104"));
        CallFixtures.post(with(call(CallFixtures.KNIFE + marker), "receivedAt", "2026-10-02T10:00:00+08:00"));
        CallFixtures.post(with(call(CallFixtures.NOISE + marker), "receivedAt", "2026-10-03T10:00:00+08:00"));

        given().queryParam("text", marker).queryParam("disposition", "POLICE").when().get("/api/calls")
                .then().body("total", equalTo(1)).body("items[0].disposition", equalTo("POLICE"));
        given().queryParam("text", marker).queryParam("categoryCode", "WAGES").when().get("/api/calls")
                .then().body("total", equalTo(1)).body("items[0].categoryCode", equalTo("WAGES"));
        given().queryParam("text", marker).queryParam("districtCode", "510104").when().get("/api/calls")
                .then().body("total", equalTo(1)).body("items[0].districtCode", equalTo("510104"));
        given().queryParam("text", marker).queryParam("from", "2026-10-02T00:00:00+08:00")
                .queryParam("to", "2026-10-03T00:00:00+08:00").when().get("/api/calls")
                .then().body("total", equalTo(1)).body("items[0].disposition", equalTo("POLICE"));
        given().queryParam("text", marker).queryParam("decision", "PENDING").when().get("/api/calls")
                .then().body("total", equalTo(3));
    }

    @Test
    @TestSecurity(user = "calltaker-search", roles = "call-taker")
    void textSearchIgnoresTheCaseOfLatinLetters() {
        String marker = CallFixtures.marker();
        UUID id = CallFixtures.post(call("楼下KTV音响太吵，凌晨两点还在唱" + marker));
        for (String text : new String[]{"ktv音响太吵", "Ktv音响", marker.toLowerCase(), marker.toUpperCase()}) {
            given().queryParam("text", text).when().get("/api/calls")
                    .then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(id.toString()));
        }
        given().queryParam("text", "还在唱" + marker.toLowerCase()).when().get("/api/calls")
                .then().body("total", equalTo(1));
    }

    @Test
    void textSearchIsServedByTheTrigramIndexes() {
        Number scans = QuarkusTransaction.requiringNew().call(() -> {
            // A test table is small enough for a sequential scan to win; forbid that and plain index scans so
            // the planner may only use bitmap scans, which it can do only if the search matches V2's indexes.
            em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
            em.createNativeQuery("set local enable_indexscan = off").executeUpdate();
            search.search(new CallQuery(null, null, null, null, null, null, "拖欠工资三个月", null, 0, 20),
                    new Actor("supervisor1", Set.of(Roles.SUPERVISOR), null));
            return (Number) em.createNativeQuery("select pg_stat_get_xact_numscans('call_content_trgm'::regclass)")
                    .getSingleResult();
        });
        assertTrue(scans.longValue() > 0, "the content trigram index was not used");
    }

    @Test
    @TestSecurity(user = "calltaker-search", roles = "call-taker")
    void findsACallByTheCallersRetrievalCode() {
        String code = given().contentType("application/json").body(call(CallFixtures.NOISE))
                .when().post("/api/calls").then().statusCode(201).extract().path("retrievalCode");
        given().queryParam("retrievalCode", code.toLowerCase()).when().get("/api/calls")
                .then().body("total", equalTo(1));
    }

    @Test
    @TestSecurity(user = "calltaker-search", roles = "call-taker")
    void aCallerQuotingTheirCodeReachesTheirCallThroughAnyCallTaker() {
        UUID theirs = CallRows.insert(calls, c -> c.takenBy = "calltaker-yesterday");
        String code = theirs.toString().substring(0, 8).toUpperCase();
        given().when().get("/api/calls/by-retrieval-code/{code}", code.toLowerCase())
                .then().statusCode(200)
                .body("id", equalTo(theirs.toString()))
                .body("callerPhone", equalTo("139****1111"))
                .body("audit.find { it.action == 'RETRIEVED_BY_CODE' }.actor", equalTo("calltaker-search"));
        given().when().get("/api/calls/by-retrieval-code/{code}", "ZZZZ2222").then().statusCode(404);
        given().when().get("/api/calls/by-retrieval-code/{code}", "a;b").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("code"));
    }

    @Test
    @TestSecurity(user = "calltaker-search", roles = "call-taker")
    void callTakersSeeOnlyTheCallsTheyTook() {
        String marker = CallFixtures.marker();
        UUID mine = CallFixtures.post(call(CallFixtures.NOISE + marker));
        UUID theirs = insertCallOf("someone-else", CallFixtures.NOISE + marker);
        given().queryParam("text", marker).when().get("/api/calls")
                .then().body("total", equalTo(1)).body("items.id", contains(mine.toString()));
        given().when().get("/api/calls/{id}", theirs).then().statusCode(404);
        given().when().get("/api/calls").then().body("items.takenBy", everyItem(equalTo("calltaker-search")));
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void supervisorsSeeEveryonesCalls() {
        String marker = CallFixtures.marker();
        insertCallOf("taker-a", CallFixtures.NOISE + marker);
        UUID b = insertCallOf("taker-b", CallFixtures.NOISE + marker);
        given().queryParam("text", marker).when().get("/api/calls").then().body("total", equalTo(2));
        given().when().get("/api/calls/{id}", b).then().statusCode(200).body("takenBy", equalTo("taker-b"));
    }

    private UUID insertCallOf(String user, String content) {
        return CallRows.insert(calls, c -> {
            c.takenBy = user;
            c.content = content;
        });
    }
}
