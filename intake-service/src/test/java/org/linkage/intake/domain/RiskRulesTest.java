package org.linkage.intake.domain;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each shipped rule firing and not firing, on the rules as shipped (risk/rules.csv). */
class RiskRulesTest {
    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    private final RiskRules rules = shipped();

    private static RiskRules shipped() {
        try (InputStream in = RiskRulesTest.class.getClassLoader().getResourceAsStream("risk/rules.csv")) {
            return RiskRules.read(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static CallerHistory.Current noise() {
        return new CallerHistory.Current("110-NOW", NOW, "NON_POLICE", "NOISE", "510107");
    }

    private static CallerHistory.EarlierCall call(String number, int daysAgo, String disposition, String category,
                                                  String district, String content) {
        return new CallerHistory.EarlierCall(number, NOW.minus(Duration.ofDays(daysAgo)), disposition, category,
                district, false, content);
    }

    private static CallerHistory.EarlierTicket ticket(String number, String callNumber, int daysAgo, String category,
                                                      int reopened, boolean handedToPolice) {
        return new CallerHistory.EarlierTicket(number, callNumber, NOW.minus(Duration.ofDays(daysAgo)), "DISPATCHED",
                category, "510107", reopened, handedToPolice);
    }

    private List<String> fired(CallerHistory.Current current, List<CallerHistory.EarlierCall> calls,
                               List<CallerHistory.EarlierTicket> tickets) {
        return rules.evaluate(current, calls, tickets).stream().map(RiskWarning::ruleCode).toList();
    }

    @Test
    void threeContactsOnOneMatterWithinThirtyDaysAcrossBothLines() {
        var calls = List.of(call("110-A", 3, "NON_POLICE", "NOISE", "510107", "吵"));
        // the ticket of call 110-A is the same contact; a direct 12345 contact is another
        var tickets = List.of(ticket("12345-A", "110-A", 3, "NOISE", 0, false),
                ticket("12345-B", null, 9, "NOISE", 0, false));
        var warning = rules.evaluate(noise(), calls, tickets).get(0);
        assertEquals("REPEAT_CALLS_30D", warning.ruleCode());
        assertEquals(List.of("110-A", "12345-B"), warning.evidence());
        assertTrue(warning.detail().contains("第3次"), warning.detail());

        assertTrue(fired(noise(), calls, List.of(ticket("12345-A", "110-A", 3, "NOISE", 0, false))).isEmpty(),
                "two contacts");
        assertTrue(fired(noise(), List.of(calls.get(0), call("110-B", 31, "NON_POLICE", "NOISE", "510107", "吵")),
                List.of()).isEmpty(), "the third is outside the window");
        assertTrue(fired(noise(), List.of(calls.get(0), call("110-C", 2, "NON_POLICE", "WAGES", "510107", "钱")),
                List.of()).isEmpty(), "another matter");
    }

    @Test
    void policeAttendanceOnTheSameMatterOrAPoliceCallInTheSameDistrict() {
        assertEquals(List.of("POLICE_ATTENDED_90D"),
                fired(noise(), List.of(call("110-J", 40, "JOINT", "NOISE", "510104", "吵架")), List.of()));
        assertEquals(List.of("POLICE_ATTENDED_90D"),
                fired(noise(), List.of(call("110-P", 40, "POLICE", "PUBLIC_ORDER", "510107", "打起来了")), List.of()));
        assertEquals(List.of("POLICE_ATTENDED_90D"),
                fired(noise(), List.of(), List.of(ticket("12345-T", null, 40, "NOISE", 0, true))));

        assertTrue(fired(noise(), List.of(call("110-P", 40, "POLICE", "PUBLIC_ORDER", "510104", "打")), List.of()).isEmpty(),
                "a police call in another district");
        assertTrue(fired(noise(), List.of(call("110-J", 91, "JOINT", "NOISE", "510107", "吵")), List.of()).isEmpty(),
                "outside 90 days");
        var jointNow = new CallerHistory.Current("110-NOW", NOW, "JOINT", "NOISE", "510107");
        assertTrue(fired(jointNow, List.of(call("110-J", 4, "JOINT", "NOISE", "510107", "吵")), List.of()).isEmpty(),
                "police attend this call anyway");
    }

    @Test
    void aTicketReopenedAfterAnUnsatisfiedCallBack() {
        assertEquals(List.of("REOPENED_UNSATISFIED_90D"),
                fired(noise(), List.of(), List.of(ticket("12345-R", "110-X", 50, "NOISE", 1, false))));
        assertTrue(fired(noise(), List.of(), List.of(ticket("12345-R", "110-X", 50, "NOISE", 0, false))).isEmpty());
        assertTrue(fired(noise(), List.of(), List.of(ticket("12345-R", "110-X", 50, "WAGES", 2, false))).isEmpty(),
                "another matter");
        assertTrue(fired(noise(), List.of(), null).isEmpty(), "12345 not reachable: nothing to judge on");
    }

    @Test
    void wordsOfThreatInAnEarlierCallWhateverTheMatter() {
        var warning = rules.evaluate(noise(), List.of(call("110-T", 60, "NON_POLICE", "WAGES", "510108",
                "老板不给钱我就放火烧了他的厂")), List.of()).get(0);
        assertEquals("THREAT_WORDS_90D", warning.ruleCode());
        assertEquals(List.of("110-T"), warning.evidence());
        assertTrue(warning.detail().contains("放火"), warning.detail());
        assertTrue(fired(noise(), List.of(call("110-T", 60, "NON_POLICE", "WAGES", "510108", "老板拖欠工资")),
                List.of()).isEmpty());
    }

    @Test
    void rulesAreData() {
        RiskRules own = RiskRules.read(new ByteArrayInputStream("""
                # a city's own
                code,kind,window_days,min_count,words,label_zh,label_en
                REPEAT_7D,REPEAT_CALLS,7,2,,一周内再次来电,Again within a week, same matter
                """.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Duration.ofDays(7), own.lookBack());
        assertEquals(List.of("REPEAT_7D"), own.evaluate(noise(),
                List.of(call("110-A", 3, "NON_POLICE", "NOISE", "510107", "吵")), List.of()).stream()
                .map(RiskWarning::ruleCode).toList());
        assertEquals(Duration.ofDays(90), rules.lookBack());
        assertThrows(IllegalArgumentException.class, () -> RiskRules.read(new ByteArrayInputStream(
                "T,THREAT_WORDS,30,1,,威胁,Threat".getBytes(StandardCharsets.UTF_8))), "a threat rule needs words");
        assertThrows(IllegalArgumentException.class, () -> RiskRules.read(new ByteArrayInputStream(
                "X,SOMETHING,30,1,,x,x".getBytes(StandardCharsets.UTF_8))));
    }
}
