package org.linkage.e2e;

import com.microsoft.playwright.Page;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issues 10 (item 6) and 12 over the whole stack: a unit's internal note reaches no outward channel (the call page
 * in 110, the caller's public look-up, the browser page), its public note and answer reach all of them, and the
 * caller reads the case on the console's /case page without logging in.
 */
class CaseFollowE2ETest {
    private static final String INTERNAL = "内部备注：老板电话13900001111，勿告知来电人";
    private static final String PUBLIC = "已约谈用工单位，正在核实工资发放";
    private static final String ANSWER = "用工单位已承诺本月25日前结清工资";

    @BeforeAll
    static void stack() {
        RunningStack.get();
    }

    @Test
    void aCallerFollowsTheCaseWithTheCodeAndNeverSeesAnInternalNote() {
        JsonPath call = Calls.submit(Calls.WAGES + "，想查办理进度", "510107");
        String callId = call.getString("id");
        String code = call.getString("retrievalCode");
        String ticketNumber = Calls.awaitDeliveredTicket(callId).getString("ticket.ticketNumber");
        String router = RunningStack.get().serviceUrl("router-service");
        String agent = Tokens.of("agent-hrss");
        given().auth().oauth2(agent).contentType("application/json").body(Map.of("note", INTERNAL))
                .post(router + "/api/tickets/" + ticketNumber + "/sign").then().statusCode(200);
        given().auth().oauth2(agent).contentType("application/json")
                .body(Map.of("note", PUBLIC, "visibility", "PUBLIC"))
                .post(router + "/api/tickets/" + ticketNumber + "/progress").then().statusCode(200);
        given().auth().oauth2(agent).contentType("application/json").body(Map.of("answer", ANSWER))
                .post(router + "/api/tickets/" + ticketNumber + "/reply").then().statusCode(200);

        // 110's call page: the public note and the answer, never the internal note.
        await().atMost(Duration.ofSeconds(60)).until(() -> "REPLIED".equals(Calls.get(callId).getString("ticket.status")));
        String onTheCall = Calls.get(callId).prettify();
        assertTrue(onTheCall.contains(PUBLIC), onTheCall);
        assertFalse(onTheCall.contains("13900001111"), onTheCall);

        // The public API on the bridge, no token.
        String bridge = RunningStack.get().serviceUrl("hotline-bridge");
        String lookup = await().atMost(Duration.ofSeconds(60)).until(() -> given().contentType("application/json")
                .body(Map.of("ticketNumber", ticketNumber, "retrievalCode", code))
                .post(bridge + "/api/public/cases/lookup").then().extract().asString(), b -> b.contains(ANSWER));
        assertTrue(lookup.contains(PUBLIC), lookup);
        for (String hidden : new String[] {"13900001111", "13812345678", "王先生", code}) {
            assertFalse(lookup.contains(hidden), "the public look-up shows " + hidden);
        }
        given().contentType("application/json").body(Map.of("ticketNumber", ticketNumber, "retrievalCode", "ZZZZ2345"))
                .post(bridge + "/api/public/cases/lookup").then().statusCode(404);

        // The console's public page, no login, Chinese first.
        Page page = Browser.open();
        page.navigate(Browser.console() + "/case");
        assertTrue(page.url().startsWith(Browser.console() + "/case"), "no login on the public page: " + page.url());
        assertEquals("zh-Hans", page.getAttribute("html", "lang"));
        page.fill("#case-number", ticketNumber);
        page.fill("#case-code", code.toLowerCase());
        page.click("#case-form button[type=submit]");
        page.waitForSelector("#case-answer");
        assertEquals(ANSWER, page.textContent("#case-answer").strip());
        assertTrue(page.textContent("#case-updates").contains(PUBLIC));
        assertFalse(page.content().contains("13900001111"));
        page.click("#case-lang");
        page.waitForURL(url -> url.endsWith("/case"));
        assertEquals("en", page.getAttribute("html", "lang"));
        page.context().close();
    }
}
