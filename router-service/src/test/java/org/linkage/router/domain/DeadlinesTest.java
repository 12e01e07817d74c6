package org.linkage.router.domain;

import org.linkage.events.Urgency;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.router.domain.BusinessCalendarTest.at;

class DeadlinesTest {
    private final BusinessCalendar cal = BusinessCalendarTest.calendar2026();
    /** The shipped configuration. */
    private final Deadlines deadlines = new Deadlines(Map.of(
            Urgency.NORMAL, limits("1WD", "5WD"),
            Urgency.URGENT, limits("30M", "24H"),
            Urgency.EXTRA_URGENT, limits("15M", "2H")),
            TimeLimit.parse("2WD"), TimeLimit.parse("3WD"));
    // Monday 2026-11-23, 10:00 Beijing time, inside the morning working period.
    private final Instant monday = at("2026-11-23T10:00");

    @Test
    void aNormalTicketTakesTheRuleLimitsInWorkingTime() {
        Deadlines.OnDispatch due = deadlines.onDispatch(monday, Urgency.NORMAL, TimeLimit.parse("1WD"), TimeLimit.parse("5WD"), cal);
        assertEquals(at("2026-11-24T10:00"), due.signBy());
        assertEquals(at("2026-11-30T10:00"), due.resolveBy());
        assertEquals(at("2026-11-25T10:00"), due.returnBy(), "the return window is two working days");
    }

    @Test
    void anUrgentTicketIsNeverGivenMoreThanItsUrgencyAllows() {
        Deadlines.OnDispatch due = deadlines.onDispatch(monday, Urgency.URGENT, TimeLimit.parse("1WD"), TimeLimit.parse("5WD"), cal);
        assertEquals(at("2026-11-23T10:30"), due.signBy());
        assertEquals(at("2026-11-24T10:00"), due.resolveBy(), "24 elapsed hours");
    }

    @Test
    void aStrictRuleIsNotRelaxedByAMildUrgency() {
        Deadlines.OnDispatch due = deadlines.onDispatch(monday, Urgency.NORMAL, TimeLimit.parse("2H"), TimeLimit.parse("2WD"), cal);
        assertEquals(at("2026-11-23T12:00"), due.signBy());
        assertEquals(at("2026-11-25T10:00"), due.resolveBy());
    }

    @Test
    void emergencyLimitsRunOnElapsedTimeOutsideOfficeHours() {
        Instant fridayEvening = at("2026-11-27T20:00");
        Deadlines.OnDispatch due = deadlines.onDispatch(fridayEvening, Urgency.EXTRA_URGENT, TimeLimit.parse("1WD"),
                TimeLimit.parse("5WD"), cal);
        assertEquals(at("2026-11-27T20:15"), due.signBy());
        assertEquals(at("2026-11-27T22:00"), due.resolveBy());
    }

    @Test
    void aReopenedTicketGetsAFreshResolveDeadline() {
        assertEquals(at("2026-11-26T10:00"), deadlines.resolveByAfterReopen(monday, cal));
    }

    @Test
    void theReturnWindowIncludesItsLastInstant() {
        Instant returnBy = at("2026-11-25T10:00");
        assertTrue(Deadlines.mayReturn(returnBy, returnBy));
        assertFalse(Deadlines.mayReturn(returnBy, returnBy.plusSeconds(1)));
        assertTrue(Deadlines.mayReturn(null, returnBy), "a ticket without a return-by may always be returned");
    }

    @Test
    void anExtensionMustMoveTheDeadlineLater() {
        Instant resolveBy = at("2026-11-30T10:00");
        assertTrue(Deadlines.isExtension(resolveBy, resolveBy.plusSeconds(60)));
        assertFalse(Deadlines.isExtension(resolveBy, resolveBy));
        assertFalse(Deadlines.isExtension(resolveBy, resolveBy.minusSeconds(60)));
        assertTrue(Deadlines.isExtension(null, resolveBy));
        assertEquals(resolveBy, Deadlines.resolveByAfterExtension(resolveBy));
    }

    @Test
    void everyUrgencyNeedsLimits() {
        assertThrows(IllegalArgumentException.class, () -> new Deadlines(Map.of(Urgency.NORMAL, limits("1WD", "5WD")),
                TimeLimit.parse("2WD"), TimeLimit.parse("3WD")));
    }

    private static Deadlines.UrgencyLimits limits(String sign, String resolve) {
        return new Deadlines.UrgencyLimits(TimeLimit.parse(sign), TimeLimit.parse(resolve));
    }
}
