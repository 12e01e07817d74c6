package org.linkage.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linkage.stack.DepartmentInbox;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Confidential cases (保密, issue 12 part 3) through the whole stack: a call-taker marks the call confidential, and what
 * the department's system receives names neither the caller nor their phone, though the catalogue asks the unit to
 * call back for wages; the unit's agent sees no contact; the dispatcher does, and 12345 calls back.
 */
class ConfidentialCaseE2ETest {
    private static final String PHONE = "13812345678";

    @BeforeAll
    static void stack() {
        RunningStack.get();
    }

    @Test
    void aConfidentialCallReachesTheDepartmentWithoutTheCallersNameOrPhone() {
        JsonPath call = Calls.submit(Calls.WAGES + "，实名举报但要求保密", "510107", true);
        assertTrue(call.getBoolean("confidential"));
        String ticketNumber = Calls.awaitDeliveredTicket(call.getString("id")).getString("ticket.ticketNumber");

        List<DepartmentInbox.Received> deliveries = RunningStack.get().inbox().received().stream()
                .filter(r -> r.body().contains(ticketNumber)).toList();
        assertEquals(1, deliveries.size());
        String body = deliveries.get(0).body();
        assertFalse(body.contains(PHONE), body);
        assertFalse(body.contains("138****5678"), body);
        assertFalse(body.contains("王"), body);
        JsonPath payload = JsonPath.from(body);
        assertNull((Object) payload.get("callerPhone"), body);
        assertNull((Object) payload.get("callerName"), body);
        assertTrue(payload.getBoolean("confidential"), body);
        assertEquals("保密件，由12345回访", payload.getString("contactNotice"));

        String router = RunningStack.get().serviceUrl("router-service");
        String agentView = given().auth().oauth2(Tokens.of("agent-hrss")).get(router + "/api/tickets/" + ticketNumber)
                .then().statusCode(200)
                .body("callerPhone", nullValue()).body("callerName", nullValue())
                .body("contactNotice", equalTo("保密件，由12345回访")).body("callbackRequired", is(false))
                .extract().asString();
        assertFalse(agentView.contains(PHONE) || agentView.contains("王"), agentView);
        given().auth().oauth2(Tokens.of("dispatcher1")).get(router + "/api/tickets/" + ticketNumber)
                .then().statusCode(200)
                .body("callerPhone", equalTo(PHONE)).body("hotlineCallsBack", is(true));
    }

    @Test
    void anOrdinaryWagesCallStillGivesTheUnitTheNumberToCallBack() {
        String callId = Calls.submit(Calls.WAGES + "，普通来电对照", "510107").getString("id");
        String ticketNumber = Calls.awaitDeliveredTicket(callId).getString("ticket.ticketNumber");
        String body = RunningStack.get().inbox().received().stream().filter(r -> r.body().contains(ticketNumber))
                .findFirst().orElseThrow().body();
        assertTrue(body.contains(PHONE), body);
    }
}
