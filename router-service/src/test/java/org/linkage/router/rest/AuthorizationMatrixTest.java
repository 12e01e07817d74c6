package org.linkage.router.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.router.repository.Ticket;
import org.linkage.router.support.Fixtures;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The BOLA matrix: every ticket endpoint × each identity × a ticket of their own unit or another's.
 * A WAGES ticket in 武侯区 has lead CD-HRSS and supporting 510107-GOV; 510107-URBAN is a stranger to it.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class AuthorizationMatrixTest {
    enum Who { LEAD_AGENT, SUPPORTING_AGENT, FOREIGN_AGENT, DISPATCHER, SUPERVISOR, CALL_TAKER, ANONYMOUS }

    record Endpoint(String method, String path, String body, Set<String> roles, boolean leadOnly) {
    }

    static final String AGENT = "dept-agent";
    /** Every ticket endpoint; the merge target and the extension request exist, so only access decides. */
    static List<Endpoint> endpoints(String masterNumber, UUID extensionId) {
        return List.of(
            new Endpoint("GET", "", null, Set.of(AGENT, "dispatcher", "supervisor"), false),
            new Endpoint("GET", "/duplicates", null, Set.of("dispatcher", "supervisor"), false),
            new Endpoint("GET", "/extensions", null, Set.of(AGENT, "dispatcher", "supervisor"), false),
            new Endpoint("POST", "/progress", "{\"note\":\"n\"}", Set.of(AGENT), false),
            new Endpoint("POST", "/sign", "{}", Set.of(AGENT), true),
            new Endpoint("POST", "/reply", "{\"answer\":\"a\"}", Set.of(AGENT), true),
            new Endpoint("POST", "/return", "{\"reason\":\"r\"}", Set.of(AGENT), true),
            new Endpoint("POST", "/extensions", "{\"reason\":\"r\",\"newResolveBy\":\"2035-01-01T00:00:00Z\"}", Set.of(AGENT), true),
            new Endpoint("POST", "/extensions/" + extensionId + "/decision", "{\"approve\":true}", Set.of("supervisor"), false),
            new Endpoint("POST", "/supervision", "{\"step\":\"CHASE\"}", Set.of("supervisor"), false),
            new Endpoint("POST", "/callback", "{\"satisfied\":true,\"solved\":true}", Set.of("dispatcher"), false),
            new Endpoint("POST", "/close", "{}", Set.of("dispatcher"), false),
            new Endpoint("POST", "/reopen", "{\"reason\":\"r\"}", Set.of("dispatcher"), false),
            new Endpoint("POST", "/assign", "{\"departmentCode\":\"CD-HRSS\"}", Set.of("dispatcher"), false),
            new Endpoint("POST", "/redispatch", "{\"departmentCode\":\"CD-EDU\"}", Set.of("dispatcher"), false),
            new Endpoint("POST", "/uphold", "{}", Set.of("dispatcher"), false),
            new Endpoint("POST", "/merge", "{\"masterTicketNumber\":\"" + masterNumber + "\"}", Set.of("dispatcher"), false),
            new Endpoint("POST", "/police-transfer", "{\"reason\":\"r\"}", Set.of("dispatcher"), false),
            new Endpoint("GET", "/clock-requests", null, Set.of(AGENT, "dispatcher", "supervisor"), false),
            new Endpoint("POST", "/pause", "{\"reason\":\"r\",\"until\":\"2035-01-01T00:00:00Z\"}", Set.of(AGENT, "dispatcher"), true),
            new Endpoint("POST", "/park", "{\"reason\":\"r\",\"planDate\":\"" + java.time.LocalDate.now().plusDays(30) + "\"}",
                    Set.of(AGENT), true),
            new Endpoint("POST", "/resume", "{}", Set.of(AGENT, "dispatcher"), true),
            new Endpoint("POST", "/clock-decision", "{\"approve\":false}", Set.of("dispatcher", "supervisor"), false),
            new Endpoint("POST", "/terminate", "{\"ground\":\"UNLAWFUL_DEMAND\",\"reason\":\"r\"}", Set.of("dispatcher"), false));
    }

    @Inject
    Fixtures fixtures;
    @Inject
    org.linkage.commons.audit.AuditTrail audit;

    @Inject
    org.linkage.router.service.TicketService tickets;

    private void runMatrix(Who who) {
        Ticket t = fixtures.signed();
        assertEquals("CD-HRSS", t.leadDepartmentCode);
        Ticket master = fixtures.dispatched("WAGES", "510107", "另一件欠薪 " + UUID.randomUUID());
        UUID extension = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> tickets.requestExtension(
                t.ticketNumber, Fixtures.agent("CD-HRSS"), "需核查", java.time.Instant.parse("2035-01-01T00:00:00Z"))).id;
        String role = switch (who) {
            case LEAD_AGENT, SUPPORTING_AGENT, FOREIGN_AGENT -> AGENT;
            case DISPATCHER -> "dispatcher";
            case SUPERVISOR -> "supervisor";
            case CALL_TAKER -> "call-taker";
            case ANONYMOUS -> null;
        };
        for (Endpoint e : endpoints(master.ticketNumber, extension)) {
            var request = given().contentType(ContentType.JSON);
            if (e.body() != null) {
                request.body(e.body());
            }
            Response r = request.request(e.method(), "/api/tickets/" + t.ticketNumber + e.path());
            int status = r.statusCode();
            String where = who + " " + e.method() + " " + e.path() + " → " + status + " " + r.asString();
            if (role == null) {
                assertEquals(401, status, where);
            } else if (!e.roles().contains(role)) {
                assertEquals(403, status, where);
            } else if (who == Who.FOREIGN_AGENT) {
                assertEquals(404, status, where);
            } else if (who == Who.SUPPORTING_AGENT && e.leadOnly()) {
                assertEquals(403, status, where);
            } else {
                assertFalse(Set.of(401, 403, 404, 500).contains(status), where);
            }
            if (status >= 400) {
                assertTrue(r.contentType().startsWith("application/problem+json"), where);
            }
        }
    }

    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "CD-HRSS"))
    void leadAgent() {
        runMatrix(Who.LEAD_AGENT);
    }

    @Test
    @TestSecurity(user = "agent-wuhou-gov", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "510107-GOV"))
    void supportingAgent() {
        runMatrix(Who.SUPPORTING_AGENT);
    }

    @Test
    @TestSecurity(user = "agent-wuhou", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "510107-URBAN"))
    void foreignAgent() {
        runMatrix(Who.FOREIGN_AGENT);
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void dispatcher() {
        runMatrix(Who.DISPATCHER);
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void supervisor() {
        runMatrix(Who.SUPERVISOR);
    }

    @Test
    @TestSecurity(user = "calltaker1", roles = "call-taker")
    void callTaker() {
        runMatrix(Who.CALL_TAKER);
    }

    @Test
    void anonymous() {
        runMatrix(Who.ANONYMOUS);
        given().get("/api/tickets").then().statusCode(401);
        given().get("/api/statistics").then().statusCode(401);
        given().get("/api/admin/departments").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post("/api/integration/requests").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "agent-wuhou", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "510107-URBAN"))
    void foreignTicketsAreNeverListedOrCounted() {
        Ticket foreign = fixtures.dispatched();
        Ticket own = fixtures.dispatched("CITY", "510107", "人行道井盖缺失 " + UUID.randomUUID());
        List<Map<String, Object>> items = given().get("/api/tickets?size=500").then().statusCode(200)
                .extract().jsonPath().getList("items");
        List<Object> numbers = items.stream().map(i -> i.get("ticketNumber")).toList();
        assertTrue(numbers.contains(own.ticketNumber));
        assertFalse(numbers.contains(foreign.ticketNumber));
        int total = given().get("/api/tickets?size=1").then().extract().path("total");
        assertEquals(items.size(), total, "the total counts only the unit's own tickets");
        given().get("/api/tickets?departmentCode=CD-HRSS").then().statusCode(200).body("total", equalTo(0));
        given().get("/api/tickets/" + foreign.id).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "agent-wuhou-gov", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "510107-GOV"))
    void phoneIsMaskedForAUnitThatNeedNotCallBack() {
        Ticket t = fixtures.dispatched();
        given().get("/api/tickets/" + t.ticketNumber).then().statusCode(200)
                .body("callerPhone", equalTo("138****5678")).body("phoneMasked", equalTo(true));
    }

    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "CD-HRSS"))
    void leadUnitThatMustCallBackSeesThePhoneAndTheReadIsAudited() {
        Ticket t = fixtures.dispatched();
        given().get("/api/tickets/" + t.ticketNumber).then().statusCode(200)
                .body("callerPhone", equalTo("13812345678")).body("phoneMasked", equalTo(false));
        long audited = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> audit.of("ticket", t.id)).stream()
                .filter(a -> a.action().equals("PHONE_UNMASKED_READ") && a.actor().equals("agent-hrss")).count();
        assertEquals(1, audited);
        given().get("/api/tickets?size=5").then().statusCode(200).body("items[0].phoneMasked", equalTo(true));
    }
}
