package org.linkage.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The thin path of issue 2, every hop real: 110 call → referral → ticket → delivery → status on the call. */
class CallPathE2ETest {

    @BeforeAll
    static void stack() {
        RunningStack.get();
    }

    @Test
    void nonPoliceCallBecomesADeliveredTicketVisibleOnTheCall() {
        JsonPath call = Calls.submit(Calls.WAGES, "510107");
        assertEquals("NON_POLICE", call.getString("disposition"));
        assertNotNull(call.getString("referral.referralId"), "a confirmed non-police call is referred");
        String callId = call.getString("id");

        JsonPath done = Calls.awaitDeliveredTicket(callId);
        String ticketNumber = done.getString("ticket.ticketNumber");
        assertTrue(ticketNumber.startsWith("12345-"), ticketNumber);
        assertEquals("CD-HRSS", done.getString("ticket.departmentCode"), "wage arrears go to the HR and social security bureau");
        List<String> statuses = done.getList("ticket.statuses.status");
        assertTrue(statuses.contains("DISPATCHED"), statuses.toString());

        // The department system (the stack's inbox) received it, with the bridge's signature and idempotency key.
        List<Map<String, Object>> received = given().get(RunningStack.get().inbox().url() + "/departments")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.body != null && it.body.toString().contains('" + ticketNumber + "') }");
        assertEquals(1, received.size(), "delivered exactly once: " + received);
        assertEquals("CD-HRSS", received.get(0).get("department"));

        // The lead unit's agent sees the ticket; another unit's agent does not even learn it exists.
        String router = RunningStack.get().serviceUrl("router-service");
        given().auth().oauth2(Tokens.of("agent-hrss")).get(router + "/api/tickets/" + ticketNumber)
                .then().statusCode(200).body("ticketNumber", is(ticketNumber));
        given().auth().oauth2(Tokens.of("agent-wuhou")).get(router + "/api/tickets/" + ticketNumber)
                .then().statusCode(404);
    }

    @Test
    void theDepartmentsAnswerFlowsBackToTheCall() {
        String callId = Calls.submit(Calls.WAGES + "，工地在玉林", "510107").getString("id");
        String ticketNumber = Calls.awaitDeliveredTicket(callId).getString("ticket.ticketNumber");
        String router = RunningStack.get().serviceUrl("router-service");
        String agent = Tokens.of("agent-hrss");

        given().auth().oauth2(agent).contentType("application/json").body(Map.of("note", "已签收"))
                .post(router + "/api/tickets/" + ticketNumber + "/sign").then().statusCode(200);
        given().auth().oauth2(agent).contentType("application/json")
                .body(Map.of("answer", "已约谈用工单位，承诺本月25日前结清工资"))
                .post(router + "/api/tickets/" + ticketNumber + "/reply").then().statusCode(200);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> "REPLIED".equals(Calls.get(callId).getString("ticket.status")));
        JsonPath call = Calls.get(callId);
        assertEquals("已约谈用工单位，承诺本月25日前结清工资", call.getString("ticket.finalAnswer"));
        assertTrue(call.getList("ticket.statuses.status").contains("SIGNED"));
    }

    @Test
    void aPoliceCallStaysWithPoliceAndMakesNoReferral() {
        JsonPath call = Calls.submit(Calls.KNIFE_FIGHT, "510107");
        assertEquals("POLICE", call.getString("disposition"));
        given().auth().oauth2(Tokens.of("calltaker1")).get(Calls.intake() + "/api/calls/" + call.getString("id"))
                .then().statusCode(200)
                .body("referral", nullValue())
                .body("ticket", nullValue())
                .body("classification.signals", not(org.hamcrest.Matchers.empty()));
        // Nothing about it ever reaches the referral topic: checked against a later call that does.
        String later = Calls.submit(Calls.WAGES + "，第二次打电话", "510107").getString("id");
        Calls.awaitDeliveredTicket(later);
        assertTrue(Kafka.referralKeys().contains(later));
        assertTrue(!Kafka.referralKeys().contains(call.getString("id")), "a police call was referred to 12345");
    }

    @Test
    void theCallerPhoneIsMaskedOnTheCall() {
        JsonPath call = Calls.submit(Calls.WAGES, "510107");
        given().auth().oauth2(Tokens.of("calltaker1")).get(Calls.intake() + "/api/calls/" + call.getString("id"))
                .then().statusCode(200).body("callerPhone", is("138****5678"))
                .body("callNumber", startsWith("110-"));
        given().auth().oauth2(Tokens.of("calltaker1")).get(Calls.intake() + "/api/calls")
                .then().statusCode(200).body("items.callerPhone", hasItem("138****5678"))
                .body("items.callerPhone", not(hasItem("13812345678")));
    }
}
