package org.linkage.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 会商 (the three-way call's data side) in two real browsers: a call-taker who cannot tell whose call it is asks 12345
 * from the call's page, a dispatcher decides on the live desk, and the call-taker's page shows the answer by itself.
 * Accepted, the call becomes a ticket like any referral; declined, it stays with 110 with the dispatcher's reason.
 */
class ConsoleConsultationE2ETest {

    @BeforeAll
    static void stack() {
        RunningStack.get();
    }

    /** A call recorded without a decision (the call-taker pressed "hold"), as the console's form does. */
    private static JsonPath heldCall(String content) {
        return given().auth().oauth2(Tokens.of("calltaker1")).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body(Map.of("callerPhone", "13912345678", "callerName", "周女士", "channel", "PHONE",
                        "address", "成都市成华区建设路某小区", "districtCode", "510108", "content", content,
                        "receivedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), "confirm", false))
                .post(Calls.intake() + "/api/calls").then().statusCode(201).extract().jsonPath();
    }

    /** The call-taker asks 12345 from the call's page; the box then waits for the answer. */
    private static Page askFromTheCallPage(String callId, String note) {
        Page ct = Browser.loggedIn("calltaker1", "/calls/" + callId);
        ct.fill("#consultationNote", note);
        ct.click("#consultation-submit");
        ct.waitForSelector("#consultation-box[data-consultation=PENDING]");
        assertTrue(ct.textContent("#consultation-box").contains(note), "the request shows what 110 told 12345");
        return ct;
    }

    /** The dispatcher's desk row of this call, once the live list shows it. */
    private static Locator deskRow(Page desk, String callNumber) {
        Locator row = desk.locator("#consult-rows tr", new Page.LocatorOptions().setHasText(callNumber));
        row.waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        return row;
    }

    @Test
    void anAcceptedConsultationBecomesATicketAndTheCallTakerSeesItWithoutReloading() {
        JsonPath call = heldCall("楼上那家人把水管接到公共楼道里了，物业说不归他们管，我也不晓得该找哪个 " + System.nanoTime());
        String callId = call.getString("id");
        String callNumber = call.getString("callNumber");
        Page ct = askFromTheCallPage(callId, "来电人诉求不清，疑似物业管理问题，请12345会商");

        Page desk = Browser.loggedIn("dispatcher1", "/consultations");
        Locator row = deskRow(desk, callNumber);
        assertTrue(row.textContent().contains("请12345会商"), "the dispatcher reads the call-taker's note");
        Browser.screenshot(desk, "dispatcher-consultations-zh");
        row.locator("select[name=categoryCode]").selectOption("PROPERTY");
        row.locator("button.consult-accept").click();
        desk.waitForURL(url -> url.endsWith("/consultations"));
        desk.waitForSelector("tr[data-consultation] >> text=" + callNumber);
        assertEquals(0, desk.locator("#consult-rows tr", new Page.LocatorOptions().setHasText(callNumber)).count(),
                "a decided request leaves the pending list");

        // The call-taker's page polls the box: no reload, the answer arrives.
        ct.waitForSelector("#consultation-box[data-consultation=ACCEPTED]", new Page.WaitForSelectorOptions().setTimeout(30_000));
        assertTrue(ct.textContent("#consultation-decided-by").contains("dispatcher1"), "who decided is on the call");
        JsonPath delivered = Calls.awaitDeliveredTicket(callId);
        assertEquals("NON_POLICE", delivered.getString("disposition"));
        assertEquals("PROPERTY", delivered.getString("categoryCode"), "in the category the dispatcher chose");
        assertEquals("dispatcher1", delivered.getString("decidedBy"), "decided by 12345, on the record of the call");
        assertTrue(delivered.getString("ticket.ticketNumber").startsWith("12345-"), "accepted, the call is a 12345 ticket");
        ct.context().close();
        desk.context().close();
    }

    @Test
    void aDeclinedConsultationLeavesTheCallWith110AndSaysWhy() {
        JsonPath call = heldCall("就是那个，隔壁两口子天天吵，今天吵得特别凶，我也说不清楚 " + System.nanoTime());
        String callId = call.getString("id");
        String callNumber = call.getString("callNumber");
        Page ct = askFromTheCallPage(callId, "家庭纠纷，未发现危险，是否由12345处理");

        Page desk = Browser.loggedIn("dispatcher1", "/consultations");
        Locator row = deskRow(desk, callNumber);
        String reason = "夫妻争吵激烈，可能升级，应由110先行处置";
        row.locator("input[name=reason]").fill(reason);
        row.locator("button.consult-decline").click();
        desk.waitForURL(url -> url.endsWith("/consultations"));

        ct.waitForSelector("#consultation-box[data-consultation=DECLINED]", new Page.WaitForSelectorOptions().setTimeout(30_000));
        assertTrue(ct.textContent("#consultation-box").contains(reason), "the call-taker reads why 12345 declined");
        // Declined, nothing went to 12345: the call is still 110's to decide, and it has no ticket.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> {
            JsonPath now = Calls.get(callId);
            return "PENDING".equals(now.getString("decision")) && now.getString("ticket.ticketNumber") == null;
        });
        assertNull(Calls.get(callId).getString("ticket.ticketNumber"));
        ct.context().close();
        desk.context().close();
    }
}
