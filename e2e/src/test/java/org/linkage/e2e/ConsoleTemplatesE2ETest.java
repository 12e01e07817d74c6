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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The screens of issue 13's faster answers and published reports in a real browser: a unit writes a reply template
 * and saves a second version of it, an administrator adds a question to a category, and a supervisor publishes last
 * month's ranking as the monthly report, reads it, takes its CSV, and is told why the running month cannot be
 * published.
 */
class ConsoleTemplatesE2ETest {

    @BeforeAll
    static void stack() {
        RunningStack.get();
    }

    @Test
    void aSupervisorPublishesLastMonthsReportAndTakesItsCsv() throws IOException {
        YearMonth now = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        String last = now.minusMonths(1).toString();
        Page sv = Browser.loggedIn("supervisor1", "/assessment/reports");
        sv.waitForSelector("#publish");
        // the running month is refused with the router's reason, next to the field
        sv.fill("#rr-month", now.toString());
        sv.click("#rr-submit");
        sv.waitForSelector("#problem");
        assertTrue(sv.textContent("#problem").contains("尚未结束"), sv.textContent("#problem"));

        // a reason every time, so a second run of the suite publishes a new version instead of being refused
        sv.fill("#rr-month", last);
        sv.fill("#rr-reason", "端到端测试发布 " + System.nanoTime());
        sv.click("#rr-submit");
        sv.waitForSelector("#published");
        assertTrue(sv.textContent("#published").contains("已发布"));
        String version = sv.textContent("#rr-version").strip();
        assertTrue(version.matches("v\\d+"), version);
        assertTrue(sv.isVisible("#rr-tier-MUNICIPAL") && sv.isVisible("#rr-tier-DISTRICT"),
                "both tiers, as published");
        assertTrue(sv.textContent("#rr-meta").contains("supervisor1"));
        Browser.screenshot(sv, "supervisor-ranking-report-zh");

        Download csv = sv.waitForDownload(() -> sv.click("#report-csv"));
        byte[] bytes = Files.readAllBytes(csv.path());
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF层级 Tier,名次 Rank,单位代码 Unit code"), text);

        sv.navigate(Browser.console() + "/assessment/reports");
        String row = "#reports tr[data-report='" + last + "-" + version + "']";
        sv.waitForSelector(row);
        assertEquals(1, sv.locator(row + "[data-latest]").count(), "the newest version is the one in force");
        sv.context().close();
    }

    @Test
    void aUnitWritesAReplyTemplateAndSavesANewVersion() {
        String title = "端到端模板 " + System.nanoTime();
        Page agent = Browser.loggedIn("agent-hrss", "/templates");
        agent.waitForSelector("#new-template");
        agent.fill("#rt-category", "WAGES");
        agent.fill("#rt-title", title);
        agent.fill("#rt-body", "您好！工单{ticketNumber}反映的欠薪问题已由{unitName}受理。");
        agent.click("#rt-create");
        agent.waitForSelector("#saved");
        String row = "#templates tr:has-text('" + title + "')";
        assertTrue(agent.textContent(row).contains("CD-HRSS"), "an agent's template is its own unit's");
        agent.click(row + " a");
        agent.waitForSelector("#edit-template");
        assertEquals("v1", agent.textContent("#rt-version").strip());
        agent.fill("#rt-body", "您好！工单{ticketNumber}反映的欠薪问题，{unitName}已督促用工单位于{deadline}前支付。");
        agent.click("#rt-save");
        agent.waitForSelector("#saved");
        assertEquals("v2", agent.textContent("#rt-version").strip());
        assertEquals(2, agent.locator("#versions li[data-version]").count(), "the first version is kept");
        assertTrue(agent.inputValue("#rt-body").contains("{deadline}"));
        Browser.screenshot(agent, "agent-reply-template-zh");
        agent.context().close();
    }

    @Test
    void anAdministratorAddsAQuestionToACategory() {
        Page admin = Browser.loggedIn("admin1", "/admin/questions/TOURISM");
        admin.waitForSelector("#question-set");
        String label = "预订平台 " + System.nanoTime();
        // an optional question, so no other test's call is refused for want of an answer; kept across runs
        String existing = "#question-set tr[data-row]:has(input[name$='_code'][value='bookingSite'])";
        String target = admin.locator(existing).count() > 0 ? existing
                : "#question-set tr[data-row]:has(input[name$='_code'][value=''])";
        String index = admin.locator(target).first().getAttribute("data-row");
        admin.fill("#q" + index + "-code", "bookingSite");
        admin.fill("#q" + index + "-labelZh", label);
        admin.fill("#q" + index + "-labelEn", "Booking site");
        admin.click("#qs-save");
        admin.waitForSelector("#saved");
        assertEquals(label, admin.inputValue("#q" + index + "-labelZh"));
        admin.navigate(Browser.console() + "/admin/questions");
        admin.waitForSelector("#question-sets tr[data-category=TOURISM]");
        assertTrue(admin.textContent("#question-sets tr[data-category=TOURISM]").contains(label));
        admin.context().close();
    }
}
