package org.linkage.e2e;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each role's own console, one independent scenario each, in a real browser against the whole stack. */
class ConsoleRolesE2ETest {

    @BeforeAll
    static void stack() {
        RunningStack.get();
    }

    @Test
    void aPoliceHandBackAppearsOnAnOpenCallTakerPageWithoutReloadAndAcceptingShowsTheContactOnce() {
        String callId = Calls.submit("楼下的路灯坏了好几天了，晚上黑漆漆的，麻烦修一下", "510107").getString("id");
        String ticket = Calls.awaitDeliveredTicket(callId).getString("ticket.ticketNumber");

        Page ct = Browser.open();
        ct.addInitScript("document.addEventListener('htmx:sseOpen', () => { window.__liveSince = performance.now(); })");
        Browser.loggedIn(ct, "calltaker1", "/handbacks");
        ct.waitForSelector("#handback-queue");
        assertEquals(0, ct.locator("tr[data-ticket='" + ticket + "']").count());
        ct.waitForFunction("() => window.__liveSince > 0"); // the page's stream is open before the hand-back is made
        ct.waitForTimeout(500);

        Page dispatcher = Browser.loggedIn("dispatcher1", "/tickets/" + ticket);
        dispatcher.fill("form[data-action=police-transfer] input[name=reason]", "来电人补充称有人持刀威胁，属警情");
        dispatcher.click("form[data-action=police-transfer] button[type=submit]");
        dispatcher.waitForSelector("#done");
        assertEquals("TRANSFERRED_TO_POLICE", dispatcher.getAttribute("#ticket-status", "data-status"));

        // No reload: the queue refreshes when the stream says a hand-back arrived.
        Browser.timed("hand-back → open page", () ->
                ct.waitForSelector("tr[data-ticket='" + ticket + "']", new Page.WaitForSelectorOptions().setTimeout(30_000)));
        String row = ct.textContent("tr[data-ticket='" + ticket + "']");
        assertTrue(row.contains("持刀威胁"), row);
        assertTrue(row.contains("138****5678"), "masked in the queue: " + row);
        Browser.screenshot(ct, "calltaker-handbacks-zh");

        ct.fill("tr[data-ticket='" + ticket + "'] input[name=incidentNumber]", "JJ-20261201-" + (System.nanoTime() % 100000));
        ct.click("tr[data-ticket='" + ticket + "'] button[type=submit]");
        ct.waitForSelector("#accepted-contact");
        assertTrue(ct.textContent("#accepted-contact").contains("13812345678"), "the full contact, once");
        ct.reload();
        assertFalse(ct.content().contains("13812345678"), "and not again");
        ct.context().close();
        dispatcher.context().close();
    }

    @Test
    void theSupervisorsStatisticsDrawTheirChartsAndMapAndExportCsv() {
        Calls.awaitDeliveredTicket(Calls.submit("小区旁边工地晚上十二点还在施工，噪音太大了睡不着", "510104").getString("id"));
        Page sv = Browser.loggedIn("supervisor1", "/statistics");
        sv.waitForSelector("#chart-rates[data-drawn=true] svg");
        sv.waitForSelector("#chart-trend[data-drawn=true] svg");
        sv.waitForSelector("#hotspot-map[data-drawn=true] .leaflet-interactive");
        assertTrue(sv.locator("#rank-table tbody tr").count() >= 1);
        Browser.screenshot(sv, "supervisor-statistics-zh");
        Download csv = sv.waitForDownload(() -> sv.click("text=导出 CSV"));
        String text = readString(csv);
        assertTrue(text.lines().count() >= 2 && text.contains(","), text);
        for (String table : List.of("overrides", "hotspots")) {
            Download more = sv.waitForDownload(() -> sv.click("a[href^='/statistics/" + table + ".csv']"));
            assertTrue(readString(more).lines().findFirst().orElse("").contains("categoryCode"), table);
        }
        sv.selectOption("#groupBy", "district");
        sv.click("form.filters button[type=submit]");
        sv.waitForSelector("#chart-rates[data-drawn=true] svg");
        assertTrue(sv.textContent("#rank-table").contains("区"), "districts by their Chinese names");

        sv.navigate(Browser.console() + "/supervision");
        assertTrue(sv.isVisible("#h-open"));
        Browser.screenshot(sv, "supervisor-board-zh");
        sv.context().close();
    }

    @Test
    void englishIsOneClickAwayAndEveryGlyphRenders() {
        Page page = Browser.loggedIn("supervisor1", "/supervision");
        assertTrue(page.textContent("h1").contains("督办看板"));
        page.click("a.lang");
        page.waitForSelector("html[lang=en]");
        assertTrue(page.textContent("h1").contains("Supervision board"), page.textContent("h1"));
        Browser.screenshot(page, "supervisor-board-en");
        page.navigate(Browser.console() + "/statistics");
        page.waitForSelector("#chart-rates[data-drawn=true] svg");
        assertTrue(page.textContent("main").contains("Signed on time"));
        Browser.screenshot(page, "supervisor-statistics-en");
        // Back to Chinese; the choice is remembered across pages.
        page.click("a.lang");
        page.waitForSelector("html[lang=zh-Hans]");
        assertTrue(noMissingGlyphs(page), "every Chinese character has a font");
        page.context().close();

        Page english = Browser.open("en-US", 1280, 800);
        Browser.loggedIn(english, "admin1", "/admin/departments");
        assertEquals("en", english.getAttribute("html", "lang"), "Accept-Language English gets English");
        assertTrue(english.textContent("main").contains("Units"));
        Browser.screenshot(english, "admin-departments-en");
        english.context().close();
    }

    @Test
    void anOfficerHandsOverAndAnAgentWorksFromAPhoneScreen() {
        Page officer = Browser.open("zh-CN", 390, 844);
        Browser.loggedIn(officer, "officer1", "/officer/handover");
        officer.fill("#incidentNumber", "JJ-" + System.currentTimeMillis());
        officer.fill("#content", "现场两户因装修噪音发生口角，已调解平息，需综合执法部门跟进装修时间管理");
        officer.fill("#address", "成都市锦江区春熙路某小区");
        officer.fill("#districtCode", "510104");
        officer.fill("#callerPhone", "13912345678");
        Browser.screenshot(officer, "officer-handover-phone-zh");
        assertTrue((Boolean) officer.evaluate("() => document.documentElement.scrollWidth <= 390"), "no sideways scrolling");
        officer.click("button[type=submit]");
        officer.waitForSelector("#call-decision");
        assertEquals("CONFIRMED", officer.getAttribute("#call-decision", "data-decision"), "the officer's hand-over is decided");
        assertTrue(officer.textContent("main").contains("联动"), "as a joint matter");
        officer.context().close();

        Page agent = Browser.open("zh-CN", 390, 844);
        Browser.loggedIn(agent, "agent-hrss", "/tickets");
        assertTrue((Boolean) agent.evaluate("() => document.documentElement.scrollWidth <= 390"), "the inbox fits a phone");
        Browser.screenshot(agent, "agent-inbox-phone-zh");
        agent.context().close();
    }

    @Test
    void badInputIsAnsweredNextToTheFieldAndNothingIsLost() {
        Page ct = Browser.loggedIn("calltaker1", "/calls/new");
        ct.fill("#callerPhone", "12345");
        ct.fill("#address", "成都市青羊区某街道");
        ct.fill("#content", "楼上漏水把我家天花板泡坏了，物业不管");
        ct.click("button[data-primary]");
        ct.waitForSelector("#err-callerPhone");
        assertTrue(ct.getAttribute("#callerPhone", "aria-invalid").equals("true"));
        assertEquals("楼上漏水把我家天花板泡坏了，物业不管", ct.inputValue("#content"), "what was typed is kept");
        assertFalse(ct.content().contains("Exception"), "no stack trace");
        ct.context().close();
    }

    @Test
    void theAdministratorSeesReferenceDataAndTheCalendarWarning() {
        Page admin = Browser.loggedIn("admin1", "/admin/calendar");
        String health = io.restassured.RestAssured.get(RunningStack.managementUrl("router-service") + "/q/health/well").asString();
        boolean missing = health.contains("\"DOWN\"");
        assertEquals(missing, admin.isVisible("#calendar-missing"), "the page shows the router's calendar warning exactly when it has one");
        Browser.screenshot(admin, "admin-calendar-zh");
        admin.navigate(Browser.console() + "/admin/catalogue?edit=WAGES");
        assertTrue(admin.textContent("main").contains("欠薪与劳动纠纷"));
        admin.navigate(Browser.console() + "/admin/districts");
        assertTrue(admin.textContent("main").contains("武侯区"));
        admin.context().close();
    }

    @Test
    void logoutEndsTheKeycloakSessionAndASecondTabSharesTheSession() {
        Page first = Browser.loggedIn("dispatcher1", "/dispatch");
        Page second = first.context().newPage();
        Response r = second.navigate(Browser.console() + "/deliveries");
        assertEquals(200, r.status(), "a second tab is already signed in");
        first.click("a.logout");
        first.waitForURL(url -> url.contains("/realms/linkage/") || url.startsWith(Browser.console()));
        first.navigate(Browser.console() + "/dispatch");
        first.waitForURL(url -> url.contains("/realms/linkage/"));
        assertTrue(first.isVisible("#username"), "after logout the login form is asked for again");
        first.context().close();
    }

    @Test
    void everyPageAnswersQuickly() {
        record Visit(String user, List<String> paths) {
        }
        List<Visit> visits = List.of(
                new Visit("calltaker1", List.of("/calls/new", "/calls", "/handbacks")),
                new Visit("agent-hrss", List.of("/tickets")),
                new Visit("dispatcher1", List.of("/dispatch", "/tickets", "/deliveries")),
                new Visit("supervisor1", List.of("/supervision", "/statistics")),
                new Visit("admin1", List.of("/admin/departments", "/admin/districts", "/admin/catalogue", "/admin/calendar")));
        for (Visit v : visits) {
            Page page = Browser.loggedIn(v.user(), v.paths().get(0));
            for (int round = 0; round < 5; round++) {
                for (String path : v.paths()) {
                    Response response = Browser.timed("page " + path, () -> page.navigate(Browser.console() + path));
                    assertEquals(200, response.status(), path);
                    Browser.record("any page", Browser.lastMillis("page " + path));
                    // The page's answer: its whole HTML received, by the browser's navigation clock (before scripts
                    // such as the charts' library are fetched and run, which the load time above includes).
                    long answered = Math.round(((Number) page.evaluate(
                            "() => performance.getEntriesByType('navigation')[0].responseEnd")).doubleValue());
                    Browser.record("answer " + path, answered);
                    Browser.record("any page (answer)", answered);
                }
            }
            page.context().close();
        }
        // The call-taker's form: the preview after the typing pauses, and the submit itself.
        Page ct = Browser.loggedIn("calltaker1", "/calls/new");
        // What the form and the console said to each other, printed if a preview never comes.
        List<String> exchange = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        ct.onRequest(r -> { if (r.url().contains("/calls/preview")) exchange.add("request " + r.postData()); });
        ct.onResponse(r -> { if (r.url().contains("/calls/preview")) exchange.add("response " + r.status()); });
        ct.onRequestFailed(r -> exchange.add("failed " + r.url() + " " + r.failure()));
        ct.onConsoleMessage(m -> exchange.add("console " + m.text()));
        List<String> texts = List.of("楼上装修噪音太大了，天天早上七点就开始", "小区门口的路灯坏了一个星期了", "老板拖欠工资三个月不给",
                "水管爆了，楼道里到处是水", "出租车司机绕路多收了我五十块钱");
        for (String text : texts) {
            ct.navigate(Browser.console() + "/calls/new");
            ct.fill("#callerPhone", "13812345678");
            ct.fill("#address", "成都市武侯区某小区");
            ct.focus("#content");
            ConsoleJourneyE2ETest.trackPreview(ct);
            ct.keyboard().type(text, new com.microsoft.playwright.Keyboard.TypeOptions().setDelay(20));
            try {
                ct.waitForFunction("() => window.__previewAt > window.__lastInputAt");
            } catch (com.microsoft.playwright.TimeoutError e) {
                throw new AssertionError("no preview after typing '" + text + "': " + ct.evaluate("() => [window.__previewAt,"
                        + " window.__lastInputAt, document.querySelector('#preview').textContent]") + "; exchange: " + exchange, e);
            }
            exchange.clear();
            Browser.record("preview after debounce", Math.round(((Number) ct.evaluate(
                    "() => window.__previewAt - window.__lastInputAt - 300")).doubleValue()));
            ct.keyboard().press("Enter");
            ct.waitForSelector("#retrieval-code");
            // The browser's own clock of this navigation: the POST answered by its redirect, then the call's page.
            @SuppressWarnings("unchecked")
            List<Number> nav = (List<Number>) ct.evaluate("() => { const n = performance.getEntriesByType('navigation')[0];"
                    + " return [n.redirectEnd - n.redirectStart, n.responseEnd - n.redirectEnd]; }");
            Browser.record("submit (POST → 303)", Math.round(nav.get(0).doubleValue()));
            Browser.record("call page after submit", Math.round(nav.get(1).doubleValue()));
        }
        ct.context().close();
    }

    /** Every figure the console tests measured, once all of them ran (the README's table). */
    @org.junit.jupiter.api.AfterAll
    static void printTimings() {
        System.out.println(Browser.summary());
    }

    private static boolean noMissingGlyphs(Page page) {
        // Without a CJK font every character draws as the same empty box ("tofu"): draw two different characters
        // in the page's own font and compare the pixels.
        Object ok = page.evaluate("() => { const font = getComputedStyle(document.body).fontFamily;"
                + " const draw = (ch) => { const c = document.createElement('canvas'); c.width = c.height = 48;"
                + " const g = c.getContext('2d'); g.font = '40px ' + font; g.fillText(ch, 2, 40);"
                + " return Array.from(g.getImageData(0, 0, 48, 48).data).join(','); };"
                + " return draw('督') !== draw('办') && draw('办') !== draw('警'); }");
        return Boolean.TRUE.equals(ok);
    }

    private static String readString(Download download) {
        try {
            return Files.readString(download.path());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
