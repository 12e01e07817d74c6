package org.linkage.console.rest;

import jakarta.ws.rs.core.MultivaluedHashMap;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What a person types becomes exactly what the router and intake expect, and exports open safely. */
class FormsTest {
    private static Form form(String... namesAndValues) {
        MultivaluedHashMap<String, String> fields = new MultivaluedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Form(fields);
    }

    @Test
    void aCallBackIsTwoYesOrNoAnswersAndANote() {
        Map<String, Object> body = TicketResource.body("callback", form("satisfied", "yes", "solved", "no", "note", " 已回访 "));
        assertEquals(Boolean.TRUE, body.get("satisfied"));
        assertEquals(Boolean.FALSE, body.get("solved"));
        assertEquals("已回访", body.get("note"), "trimmed");
        assertNull(TicketResource.body("callback", form()).get("satisfied"), "unanswered stays unanswered for the router to refuse");
    }

    @Test
    void anExtensionDateIsTypedInShanghaiTimeAndSentAsAnInstant() {
        Map<String, Object> body = TicketResource.body("extensions", form("newResolveBy", "2026-12-10T17:30", "reason", "需现场复核"));
        assertEquals("2026-12-10T09:30:00Z", body.get("newResolveBy"));
        assertThrows(java.time.format.DateTimeParseException.class,
                () -> TicketResource.body("extensions", form("newResolveBy", "10/12/2026")));
    }

    @Test
    void eachActionSendsOnlyItsOwnFields() {
        assertEquals(Map.of("answer", "已解决"), TicketResource.body("reply", form("answer", "已解决", "note", "x")));
        assertEquals(java.util.Set.of("reason"), TicketResource.body("police-transfer", form("reason", "持刀")).keySet());
        assertEquals(java.util.Set.of("departmentCode", "districtCode", "note"), TicketResource.body("assign", form("departmentCode", "CD-HRSS")).keySet());
        assertThrows(IllegalArgumentException.class, () -> TicketResource.body("delete", form()));
    }

    @Test
    void aBlankFieldIsAbsentAndTheTokenIsNeverEchoedBack() {
        Form f = form("callerName", "   ", "csrf-token", "secret", "address", "武侯区");
        assertNull(f.get("callerName"));
        assertEquals(Map.of("callerName", "   ", "address", "武侯区"), f.values());
    }

    @Test
    void csvQuotesWhatNeedsItAndDefusesFormulas() {
        assertEquals("a,\"b,c\",\"say \"\"hi\"\"\"\n", Csv.row("a", "b,c", "say \"hi\""));
        assertEquals("'=HYPERLINK(1)", Csv.field("=HYPERLINK(1)"));
        assertEquals("-12.5", Csv.field(-12.5), "numbers stay numbers");
        assertEquals("", Csv.field(null));
    }

    @Test
    void pagesKnowTheirNeighbours() {
        var first = new org.linkage.console.view.Page<>(java.util.List.of(), 0, 20, 41);
        assertNull(first.prevPage());
        assertEquals(1, first.nextPage());
        var last = new org.linkage.console.view.Page<>(java.util.List.of(), 2, 20, 41);
        assertEquals(1, last.prevPage());
        assertNull(last.nextPage());
    }

    @Test
    void calendarDaysAreADateAndAnOptionalName() {
        var days = AdminResource.parseDays("2027-01-01 元旦\n2027-02-06\n\n");
        assertEquals(2, days.size());
        assertEquals("元旦", days.get(0).get("name"));
        assertNull(days.get(1).get("name"));
    }

    @Test
    void clockFormsSendTheirEndAsAnInstantThePlanAsADateAndADecisionAsYesOrNo() {
        Map<String, Object> pause = TicketResource.body("pause", form("until", "2026-12-10T09:00", "reason", "等待来电人补充材料"));
        assertEquals("2026-12-10T01:00:00Z", pause.get("until"));
        assertEquals(Map.of("reason", "需纳入预算", "planDate", "2027-03-01"),
                TicketResource.body("park", form("reason", "需纳入预算", "planDate", "2027-03-01")));
        assertThrows(java.time.format.DateTimeParseException.class,
                () -> TicketResource.body("park", form("planDate", "明年三月")));
        assertEquals(java.util.Set.of("ground", "reason"), TicketResource.body("terminate",
                form("ground", "UNLAWFUL_DEMAND", "reason", "诉求无法律依据", "note", "x")).keySet());
        Map<String, Object> decision = TicketResource.body("clock-decision", form("decision", "reject", "requestId", "r-1"));
        assertEquals(false, decision.get("approve"));
        assertEquals("r-1", decision.get("requestId"));
        assertEquals(true, TicketResource.body("clock-decision", form("decision", "approve")).get("approve"));
    }

    @Test
    void anAppealIsAGroundAndWordsAndADecisionAlwaysCarriesItsReason() {
        assertEquals(Map.of("ground", "OTHER", "reason", "来电人已撤诉"),
                AppealResource.body(form("ground", "OTHER", "reason", " 来电人已撤诉 ", "note", "x")));
        Map<String, Object> accepted = AssessmentResource.decision(form("decision", "accept", "reason", "核实派单错误"));
        assertEquals(Boolean.TRUE, accepted.get("accept"));
        assertEquals("核实派单错误", accepted.get("reason"));
        assertEquals(Boolean.FALSE, AssessmentResource.decision(form("decision", "reject")).get("accept"));
        assertNull(AssessmentResource.decision(form("decision", "reject")).get("reason"), "missing for the router to refuse");
    }

    @Test
    void aMonthIsWhatTheMonthPickerSends() {
        assertEquals("2026-07", AssessmentResource.month("2026-07", "2026-11"));
        assertEquals("2026-11", AssessmentResource.month(" ", "2026-11"));
        assertEquals(java.util.Set.of("month", "categoryCode", "districtCode", "note"),
                AssessmentResource.theme(form("month", "2026-12", "categoryCode", "NOISE", "districtCode", "510108")).keySet());
    }

    @Test
    void anAnsweredQuestionSendsTheTickedArticlesOnceAndNoPhone() {
        Map<String, Object> body = AnswerResource.body(form("content", " 社保怎么交？ ", "categoryCode", "SOCIAL_SECURITY",
                "article", "12", "article", "7", "article", "12", "article", "x1", "q", "社保", "callerPhone", "13800000000"));
        assertEquals(java.util.List.of(12L, 7L), body.get("articleIds"), "each ticked article once, in order; junk dropped");
        assertEquals("社保怎么交？", body.get("content"));
        assertEquals("PHONE", body.get("channel"), "a question typed at the desk came by phone unless said otherwise");
        assertEquals(java.util.Set.of("channel", "content", "categoryCode", "districtCode", "articleIds", "note"), body.keySet());
    }
}
