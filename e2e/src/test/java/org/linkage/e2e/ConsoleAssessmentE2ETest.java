package org.linkage.e2e;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Assessment in a real browser: a unit appeals its ticket's counting from the ticket's page, the supervisor accepts
 * it from the queue, reads the month's ranking in its two tiers and takes the CSV, and flags a theme of the month.
 */
class ConsoleAssessmentE2ETest {

    @BeforeAll
    static void stack() {
        RunningStack.get();
    }

    @Test
    void aUnitAppealsTheSupervisorAcceptsAndTheRankingShowsIt() throws IOException {
        String callId = Calls.submit(Calls.WAGES + "，老板说不归人社管 " + System.nanoTime(), "510107").getString("id");
        String ticketNumber = Calls.awaitDeliveredTicket(callId).getString("ticket.ticketNumber");
        String router = RunningStack.get().serviceUrl("router-service");
        given().auth().oauth2(Tokens.of("agent-hrss")).contentType("application/json").body(Map.of("note", "已签收"))
                .post(router + "/api/tickets/" + ticketNumber + "/sign").then().statusCode(200);

        Page agent = Browser.loggedIn("agent-hrss", "/tickets/" + ticketNumber);
        agent.click("#appeal-link");
        agent.waitForSelector("form[action$='/appeal']");
        // "other" needs words: the router's refusal is shown next to the field, what was chosen stays
        agent.check("input[name=ground][value=OTHER]");
        agent.click("form[action$='/appeal'] button[type=submit]");
        agent.waitForSelector("#problem");
        assertTrue(agent.isChecked("input[name=ground][value=OTHER]"));
        agent.check("input[name=ground][value=WRONG_DISPATCH]");
        agent.fill("#appeal-reason", "属用工所在区劳动监察职责");
        agent.click("form[action$='/appeal'] button[type=submit]");
        agent.waitForSelector("#appeals [data-appeal-status=PENDING]");
        assertTrue(agent.textContent("#appeals").contains("派单错误"));
        assertEquals(0, agent.locator("#appeal-link").count(), "a ticket is appealed once");
        agent.context().close();

        Page sv = Browser.loggedIn("supervisor1", "/assessment/appeals");
        String card = "section[data-appeal]:has-text('" + ticketNumber + "')";
        sv.waitForSelector(card);
        sv.fill(card + " input[name=reason]", "核实属区级职责");
        sv.click(card + " button[value=accept]");
        sv.waitForSelector("#done");
        assertTrue(sv.textContent("#done").contains("申诉成立"));

        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        sv.navigate(Browser.console() + "/assessment/rankings?month=" + month);
        sv.waitForSelector("#tier-MUNICIPAL");
        assertTrue(sv.isVisible("#tier-DISTRICT"), "districts are ranked apart from municipal departments");
        assertTrue(sv.textContent("#tier-MUNICIPAL").contains("市级部门"));
        Browser.screenshot(sv, "supervisor-rankings-zh");
        Download csv = sv.waitForDownload(() -> sv.click("#rankings-csv"));
        byte[] bytes = Files.readAllBytes(csv.path());
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3),
                "a byte-order mark, so Excel shows the Chinese");
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains("层级,名次,单位代码") && text.contains("CD-HRSS"), text);

        // a theme in a month of its own, so a second run of the suite flags it afresh
        String themeMonth = YearMonth.of(2040 + (int) Math.floorMod(System.nanoTime(), 50L), 1 + (int) Math.floorMod(System.nanoTime(), 12L)).toString();
        sv.navigate(Browser.console() + "/assessment/themes?month=" + themeMonth);
        sv.fill("#t-category", "WAGES");
        sv.fill("#t-district", "510107");
        sv.fill("#t-note", "欠薪集中");
        sv.click("form:has(#t-category) button[type=submit]");
        sv.waitForSelector("#themes tr[data-theme]");
        assertTrue(sv.textContent("#themes").contains("武侯区"));
        sv.click("#themes tr[data-theme] a");
        sv.waitForSelector("#figures");
        assertEquals("0", sv.textContent("#f-tickets").strip());
        sv.context().close();
    }
}
