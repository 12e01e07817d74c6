package org.linkage.intake.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.http.Method;
import org.junit.jupiter.api.Test;
import org.linkage.intake.support.CallFixtures;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who may call what. Without a token every endpoint answers 401; with the wrong role 403. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class SecurityTest {
    private static final String ANY = UUID.randomUUID().toString();

    record Call(Method method, String path, Object body) {
    }

    static final List<Call> ENDPOINTS = List.of(
            new Call(Method.POST, "/api/calls", CallFixtures.call(CallFixtures.NOISE)),
            new Call(Method.GET, "/api/calls", null),
            new Call(Method.GET, "/api/calls/" + ANY, null),
            new Call(Method.GET, "/api/calls/" + ANY + "/contact", null),
            new Call(Method.GET, "/api/calls/by-retrieval-code/ABCD2345", null),
            new Call(Method.GET, "/api/calls/" + ANY + "/audit", null),
            new Call(Method.POST, "/api/calls/" + ANY + "/confirmation", null),
            new Call(Method.POST, "/api/calls/" + ANY + "/override", Map.of("disposition", "POLICE", "reason", "x")),
            new Call(Method.POST, "/api/incidents/JQ1/referrals", HandOverTest.handOver()),
            new Call(Method.POST, "/api/classifications/preview", Map.of("text", "噪音")),
            new Call(Method.GET, "/api/categories", null),
            new Call(Method.GET, "/api/districts", null),
            new Call(Method.GET, "/api/police-transfers", null),
            new Call(Method.POST, "/api/police-transfers/" + ANY + "/acceptance", Map.of()),
            new Call(Method.GET, "/api/police-transfers/" + ANY + "/audit", null),
            new Call(Method.GET, "/api/statistics/overrides", null));

    private static int status(Call c) {
        var request = given();
        if (c.body() != null) {
            request = request.contentType(ContentType.JSON).body(c.body());
        }
        return request.when().request(c.method(), c.path()).then().extract().statusCode();
    }

    @Test
    void withoutATokenNothingAnswers() {
        for (Call c : ENDPOINTS) {
            assertEquals(401, status(c), c.method() + " " + c.path());
        }
    }

    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent")
    void aDepartmentAgentHasNoBusinessWithIntakeButItsReferenceData() {
        // Category and district names are public reference data the 12345 consoles show; calls are not.
        for (Call c : ENDPOINTS) {
            boolean reference = c.path().equals("/api/categories") || c.path().equals("/api/districts");
            assertEquals(reference ? 200 : 403, status(c), c.method() + " " + c.path());
        }
    }

    @Test
    @TestSecurity(user = "calltaker1", roles = "call-taker")
    void callTakers() {
        expect(Map.of(
                "POST /api/incidents/JQ1/referrals", 403,
                "GET /api/statistics/overrides", 403));
    }

    @Test
    @TestSecurity(user = "officer1", roles = "officer")
    void officers() {
        expect(Map.of(
                "GET /api/police-transfers", 403,
                "POST /api/police-transfers/" + ANY + "/acceptance", 403,
                "GET /api/police-transfers/" + ANY + "/audit", 403,
                "GET /api/statistics/overrides", 403));
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void supervisors() {
        expect(Map.of(
                "POST /api/calls", 403,
                "POST /api/calls/" + ANY + "/confirmation", 403,
                "POST /api/incidents/JQ1/referrals", 403,
                "POST /api/classifications/preview", 403,
                "POST /api/police-transfers/" + ANY + "/acceptance", 403));
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void admins() {
        expect(Map.of(
                "POST /api/calls", 403,
                "GET /api/calls/by-retrieval-code/ABCD2345", 403,
                "GET /api/calls/" + ANY + "/contact", 403,
                "POST /api/calls/" + ANY + "/confirmation", 403,
                "POST /api/calls/" + ANY + "/override", 403,
                "POST /api/incidents/JQ1/referrals", 403,
                "POST /api/classifications/preview", 403,
                "GET /api/police-transfers", 403,
                "POST /api/police-transfers/" + ANY + "/acceptance", 403));
    }

    @Test
    @TestSecurity(user = "intake-client", roles = "service:bridge")
    void services() {
        for (Call c : ENDPOINTS) {
            String key = c.method() + " " + c.path();
            boolean allowed = key.equals("POST /api/classifications/preview") || key.equals("GET /api/categories")
                    || key.equals("GET /api/districts");
            int status = status(c);
            if (allowed) {
                assertEquals(200, status, key);
            } else {
                assertEquals(403, status, key);
            }
        }
    }

    /** Every endpoint not named as forbidden must get past security (any answer but 401/403). */
    private static void expect(Map<String, Integer> forbidden) {
        for (Call c : ENDPOINTS) {
            String key = c.method() + " " + c.path();
            int status = status(c);
            if (forbidden.containsKey(key)) {
                assertEquals(403, status, key);
            } else if (status == 401 || status == 403) {
                throw new AssertionError(key + " refused with " + status);
            }
        }
    }
}
