package org.linkage.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitUntilState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consoles in a real browser against the whole stack, logged in through Keycloak's own form: a wage-arrears
 * call typed by a call-taker becomes a ticket the unit's agent signs and answers, the dispatcher calls back and
 * closes, and the answer is on the call-taker's page. Another unit never sees it, not even by its URL.
 */
class ConsoleJourneyE2ETest {
    private static final String WAGES = "我在工地干了三个月活，老板一直拖欠工资不给，两万多块，找了好几次都说没钱";

    @BeforeAll
    static void stack() {
        RunningStack.get();
    }

    @Test
    void aWageCallGoesFromTheCallTakersKeyboardToTheUnitAndTheAnswerComesBack() {
        Page ct = Browser.loggedIn("calltaker1", "/calls/new");
        assertEquals("zh-Hans", ct.getAttribute("html", "lang"), "Chinese first");
        // Keyboard only: the phone field has the focus; Tab moves through the form in order.
        ct.keyboard().type("13812345678");
        ct.keyboard().press("Tab");
        ct.keyboard().type("王先生");
        ct.fill("#districtCode", "510107");
        ct.fill("#address", "成都市武侯区玉林街道某工地");
        ct.focus("#content");
        trackPreview(ct);
        ct.keyboard().type(WAGES, new com.microsoft.playwright.Keyboard.TypeOptions().setDelay(15));
        ct.waitForSelector("#preview [data-disposition=NON_POLICE]");
        ct.waitForFunction("() => window.__previewAt > window.__lastInputAt");
        double previewMs = ((Number) ct.evaluate("() => window.__previewAt - window.__lastInputAt - 300")).doubleValue();
        Browser.record("preview after debounce", Math.round(previewMs));
        assertTrue(ct.textContent("#preview").contains("欠薪与劳动纠纷"), "the preview names the category");
        assertTrue(ct.textContent("#preview .signals").contains("工资"), "and the signals that decided it");
        Browser.screenshot(ct, "calltaker-preview-zh");

        // One key confirms the suggestion (一键转接).
        Browser.timed("submit → call page", () -> {
            ct.keyboard().press("Enter");
            ct.waitForURL(url -> url.matches(".*/calls/[0-9a-f-]{36}.*"), new Page.WaitForURLOptions().setWaitUntil(WaitUntilState.COMMIT));
        });
        ct.waitForSelector("#retrieval-code");
        String callUrl = ct.url().replaceAll("\\?.*", "");
        String callNumber = ct.textContent("h1 .code").strip();
        assertEquals("CONFIRMED", ct.getAttribute("#call-decision", "data-decision"));

        // The call's row in "my calls" reaches DELIVERED by itself (the list refreshes while tickets move).
        ct.navigate(Browser.console() + "/calls");
        ct.waitForSelector("tr[data-call='" + callNumber + "'] [data-delivery=DELIVERED]",
                new Page.WaitForSelectorOptions().setTimeout(60_000));
        Browser.screenshot(ct, "calltaker-my-calls-zh");
        ct.navigate(callUrl);
        String ticket = ct.textContent("#ticket-number").strip();
        assertTrue(ticket.startsWith("12345-"), ticket);
        assertTrue(ct.textContent("#ticket-box").contains("成都市人力资源和社会保障局"));

        // The lead unit signs, then answers.
        Page agent = Browser.loggedIn("agent-hrss", "/tickets");
        assertTrue(agent.isVisible("tr[data-ticket='" + ticket + "']"), "the unit's inbox lists it");
        Browser.screenshot(agent, "agent-inbox-zh");
        agent.click("tr[data-ticket='" + ticket + "'] a");
        assertEquals(List.of("sign", "return"), actions(agent), "a dispatched ticket can be signed or returned, nothing else");
        agent.click("form[data-action=sign] button[type=submit]");
        agent.waitForSelector("#done");
        assertEquals("SIGNED", agent.getAttribute("#ticket-status", "data-status"));
        agent.fill("form[data-action=reply] textarea[name=answer]", "已督促施工单位支付拖欠工资两万元，来电人已确认收到。");
        agent.click("form[data-action=reply] button[type=submit]");
        agent.waitForSelector("#done");
        assertEquals("REPLIED", agent.getAttribute("#ticket-status", "data-status"));
        assertTrue(actions(agent).isEmpty(), "nothing more for the unit once it has answered");

        // Another unit sees nothing of it: not in its inbox, not by pasting the URL.
        Page other = Browser.loggedIn("agent-wuhou", "/tickets");
        assertEquals(0, other.locator("tr[data-ticket='" + ticket + "']").count());
        var response = other.navigate(Browser.console() + "/tickets/" + ticket);
        assertEquals(404, response.status());
        assertTrue(other.textContent("main").contains("无权查看"), "a plain sentence, not a stack trace");
        assertTrue(!other.content().contains(WAGES.substring(0, 10)), "not a word of the matter");

        // The dispatcher calls the caller back and closes.
        Page dispatcher = Browser.loggedIn("dispatcher1", "/dispatch");
        Browser.screenshot(dispatcher, "dispatcher-desk-zh");
        dispatcher.navigate(Browser.console() + "/tickets/" + ticket);
        dispatcher.check("form[data-action=callback] input[name=satisfied][value=yes]");
        dispatcher.check("form[data-action=callback] input[name=solved][value=yes]");
        dispatcher.click("form[data-action=callback] button[type=submit]");
        dispatcher.waitForSelector("#done");
        dispatcher.click("form[data-action=close] button[type=submit]");
        dispatcher.waitForSelector("#done");
        assertEquals("CLOSED", dispatcher.getAttribute("#ticket-status", "data-status"));

        // The answer is on the call-taker's page.
        ct.navigate(callUrl);
        ct.waitForFunction("() => document.querySelector('#ticket-status')?.dataset.status === 'CLOSED'", null,
                new Page.WaitForFunctionOptions().setTimeout(60_000).setPollingInterval(1000));
        assertTrue(ct.textContent("#final-answer").contains("已督促施工单位支付拖欠工资"), ct.textContent("#final-answer"));
        assertTrue(Files.exists(Browser.screenshot(ct, "calltaker-call-answered-zh")));
        for (Page p : List.of(ct, agent, other, dispatcher)) {
            p.context().close();
        }
    }

    static List<String> actions(Page page) {
        return page.locator("form.action-form").all().stream().map(f -> f.getAttribute("data-action")).toList();
    }

    /** Page-side clocks: the last input into the content (typed or composed), and the last preview swapped in. */
    static void trackPreview(Page page) {
        page.evaluate("() => { window.__lastInputAt = 0; window.__previewAt = 0;"
                + " document.querySelector('#content').addEventListener('input', () => window.__lastInputAt = performance.now());"
                + " document.body.addEventListener('htmx:afterSwap', e => { if (e.detail.target.id === 'preview') window.__previewAt = performance.now(); }); }");
    }
}
