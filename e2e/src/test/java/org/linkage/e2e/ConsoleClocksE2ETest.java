package org.linkage.e2e;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fair clocks in a real browser: the unit asks to pause (挂起) from the ticket's page, the dispatcher finds the
 * request on the desk and approves it, the ticket shows its clock stopped, 110's call hears the status, and the unit
 * resumes the clock.
 */
class ConsoleClocksE2ETest {

    @BeforeAll
    static void stack() {
        RunningStack.get();
    }

    @Test
    void aUnitAsksToPauseTheDispatcherApprovesFromTheDeskAndTheCallHearsOfIt() {
        String callId = Calls.submit(Calls.WAGES + "，等对方补材料 " + System.nanoTime(), "510107").getString("id");
        String ticketNumber = Calls.awaitDeliveredTicket(callId).getString("ticket.ticketNumber");
        String router = RunningStack.get().serviceUrl("router-service");
        given().auth().oauth2(Tokens.of("agent-hrss")).contentType("application/json").body(Map.of("note", "已签收"))
                .post(router + "/api/tickets/" + ticketNumber + "/sign").then().statusCode(200);

        Page agent = Browser.loggedIn("agent-hrss", "/tickets/" + ticketNumber);
        agent.waitForSelector("#clock[data-clock=RUNNING]");
        String until = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(2).truncatedTo(ChronoUnit.MINUTES)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        agent.fill("#pause-until", until);
        agent.fill("#pause-reason", "等待来电人提供劳动合同");
        agent.click("form[data-action=pause] button[type=submit]");
        agent.waitForSelector("#done");
        assertEquals("PAUSE", agent.getAttribute("#clock-pending", "data-kind"), "the request waits on the ticket");
        assertTrue(agent.textContent("#clock-pending").contains("等待来电人提供劳动合同"));
        agent.context().close();

        Page dispatcher = Browser.loggedIn("dispatcher1", "/dispatch");
        String row = "#q-pauses tr[data-ticket='" + ticketNumber + "']";
        dispatcher.waitForSelector(row);
        assertTrue(dispatcher.textContent(row).contains("等待来电人提供劳动合同"), "the desk shows why");
        dispatcher.click(row + " a");
        dispatcher.waitForSelector("form[data-action=clock-decision]");
        dispatcher.click("form[data-action=clock-decision] button[value=approve]");
        dispatcher.waitForSelector("#clock[data-clock=PAUSED]");
        assertTrue(dispatcher.textContent("#clock-state").contains("已挂起"));
        assertEquals("PAUSED", dispatcher.getAttribute("#ticket-status", "data-status"));
        Browser.screenshot(dispatcher, "ticket-paused-zh");
        dispatcher.context().close();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> "PAUSED".equals(Calls.get(callId).getString("ticket.status")));

        Page again = Browser.loggedIn("agent-hrss", "/tickets/" + ticketNumber);
        again.waitForSelector("form[data-action=resume]");
        again.click("form[data-action=resume] button[type=submit]");
        again.waitForSelector("#clock[data-clock=RUNNING]");
        assertTrue(again.textContent("section[aria-labelledby=h-history]").contains("恢复计时"),
                "the history shows the clock change to the unit");
        again.context().close();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> "IN_PROGRESS".equals(Calls.get(callId).getString("ticket.status")));
    }
}
