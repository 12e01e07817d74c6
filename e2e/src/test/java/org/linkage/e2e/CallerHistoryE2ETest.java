package org.linkage.e2e;

import com.microsoft.playwright.Page;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The caller's history across both lines, every hop real: a wage call becomes a ticket, the caller is unsatisfied at
 * the call-back and the ticket is reopened; when the same caller rings 110 again, intake reads the ticket from the
 * router with its own service account (Keycloak client credentials, role service:intake) and warns. Masked, refused
 * to a unit's agent, counted for supervisors.
 */
class CallerHistoryE2ETest {
    private static final String ROUTER_RULE = "REOPENED_UNSATISFIED_90D";

    @BeforeAll
    static void stack() {
        RunningStack.get();
    }

    private static String router() {
        return RunningStack.get().serviceUrl("router-service");
    }

    private static String submit(String phone, String content) {
        return given().auth().oauth2(Tokens.of("calltaker1")).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body(Map.of("callerPhone", phone, "callerName", "赵先生", "channel", "PHONE",
                        "address", "成都市武侯区玉林街道某工地", "districtCode", "510107", "content", content,
                        "receivedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), "confirm", true))
                .post(Calls.intake() + "/api/calls").then().statusCode(201).extract().path("id");
    }

    private static void asDispatcher(String ticket, String action, Map<String, Object> body) {
        given().auth().oauth2(Tokens.of("dispatcher1")).contentType(ContentType.JSON).body(body)
                .post(router() + "/api/tickets/" + ticket + "/" + action).then().statusCode(200);
    }

    @Test
    void aTicketReopenedAfterAnUnsatisfiedCallBackWarnsTheNextCallTaker() {
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String first = submit(phone, Calls.WAGES);
        String ticket = Calls.awaitDeliveredTicket(first).getString("ticket.ticketNumber");
        String agent = Tokens.of("agent-hrss");
        given().auth().oauth2(agent).contentType(ContentType.JSON).body(Map.of("note", "已签收"))
                .post(router() + "/api/tickets/" + ticket + "/sign").then().statusCode(200);
        given().auth().oauth2(agent).contentType(ContentType.JSON).body(Map.of("answer", "已约谈用工单位"))
                .post(router() + "/api/tickets/" + ticket + "/reply").then().statusCode(200);
        asDispatcher(ticket, "callback", Map.of("satisfied", false, "solved", false, "note", "工资仍未发放"));
        asDispatcher(ticket, "reopen", Map.of("reason", "来电人不满意，工资仍未发放"));

        String second = submit(phone, Calls.WAGES + "，这是第二次打电话了");
        String firstNumber = Calls.get(first).getString("callNumber");
        JsonPath history = await().atMost(Duration.ofSeconds(60)).until(() -> given()
                        .auth().oauth2(Tokens.of("calltaker1")).get(Calls.intake() + "/api/calls/" + second + "/history")
                        .then().statusCode(200).extract().jsonPath(),
                h -> h.getBoolean("hotline.available") && h.getList("hotline.tickets").size() == 1);
        assertEquals(List.of(firstNumber), history.getList("calls.callNumber"));
        assertEquals(ticket, history.getString("hotline.tickets[0].ticketNumber"));
        assertEquals(1, history.getInt("hotline.tickets[0].reopenedCount"));
        assertEquals(List.of(ticket), history.getList("warnings.find { it.ruleCode == '" + ROUTER_RULE + "' }.evidence"));
        String body = history.prettify();
        for (String secret : List.of(phone, phone.substring(0, 3) + "****" + phone.substring(7), "赵", "玉林街道")) {
            assertFalse(body.contains(secret), secret + " must not be in the history: " + body);
        }

        // a unit's agent may not look, and nobody but intake's own client may ask the router
        given().auth().oauth2(agent).get(Calls.intake() + "/api/calls/" + second + "/history").then().statusCode(403);
        String hash = "0".repeat(64);
        given().auth().oauth2(Tokens.of("calltaker1")).queryParam("callerHash", hash)
                .get(router() + "/api/caller-history").then().statusCode(403);
        given().auth().oauth2(Tokens.service("hotline-bridge")).queryParam("callerHash", hash)
                .get(router() + "/api/caller-history").then().statusCode(403);
        given().auth().oauth2(Tokens.service("intake-service")).queryParam("callerHash", hash)
                .get(router() + "/api/caller-history").then().statusCode(200);

        // supervisors see it counted under the matter and district
        List<Map<String, Object>> rows = given().auth().oauth2(Tokens.of("supervisor1"))
                .queryParam("from", Instant.now().minus(Duration.ofHours(1)).toString())
                .get(Calls.intake() + "/api/statistics/risk-warnings").then().statusCode(200)
                .body("rows.ruleCode", hasItem(ROUTER_RULE)).extract().jsonPath().getList("rows");
        assertTrue(rows.stream().anyMatch(r -> ROUTER_RULE.equals(r.get("ruleCode")) && "WAGES".equals(r.get("categoryCode"))
                && "510107".equals(r.get("districtCode"))), rows.toString());


        // the consoles: the call page's panel (来电历史 / 风险预警), the supervisor's counts
        Page callTaker = Browser.loggedIn("calltaker1", "/calls/" + second);
        callTaker.waitForSelector("#risk-warnings [data-rule=" + ROUTER_RULE + "]");
        String panel = callTaker.textContent("#caller-history");
        assertTrue(panel.contains("风险预警") && panel.contains("回访不满意后重办") && panel.contains(ticket), panel);
        assertTrue(callTaker.textContent("#history-calls").contains(firstNumber));
        assertFalse(panel.contains(phone) || panel.contains("赵"), "no number or name in the panel");
        Browser.screenshot(callTaker, "calltaker-caller-history-zh");
        Page supervisor = Browser.loggedIn("supervisor1", "/statistics");
        supervisor.waitForSelector("#risk-warnings-table");
        assertTrue(supervisor.textContent("#risk-warnings-table").contains("回访不满意后重办"));
    }

    @Test
    void aCallerWithoutEarlierContactsHasAnEmptyHistoryOnBothLines() {
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String only = submit(phone, Calls.WAGES);
        given().auth().oauth2(Tokens.of("calltaker1")).get(Calls.intake() + "/api/calls/" + only + "/history")
                .then().statusCode(200).body("matched", equalTo(true)).body("hotline.available", equalTo(true))
                .body("calls.size()", equalTo(0)).body("warnings.ruleCode", org.hamcrest.Matchers.not(hasItem(ROUTER_RULE)))
                .body("hotline.tickets.ticketNumber", org.hamcrest.Matchers.empty());
    }
}
