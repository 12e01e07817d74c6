package org.linkage.router.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.router.domain.BusinessCalendarTest.at;

class ClockPolicyTest {
    private final BusinessCalendar cal = BusinessCalendarTest.calendar2026();
    private final ClockPolicy policy = new ClockPolicy(2, Duration.ofDays(15), Duration.ofDays(366), TimeLimit.parse("5WD"));

    @Test
    void aPauseInOfficeHoursMovesTheDeadlineByTheWorkingTimeItTook() {
        // Paused Tue 2026-11-24 10:00 to 15:00: 2 h morning + 1.5 h afternoon = 210 working minutes, so the
        // Friday 17:30 deadline moves to Monday 14:00 (180 minutes on Monday morning, 30 after lunch).
        var resolveBy = at("2026-11-27T17:30");
        assertEquals(at("2026-11-30T14:00"), policy.resolveByAfterPause(resolveBy, at("2026-11-24T10:00"),
                at("2026-11-24T15:00"), cal));
    }

    @Test
    void aPauseOverAWeekendGivesNoWorkingTimeTheUnitDidNotLose() {
        // Fri 17:30 to Mon 09:00 holds no working time: the elapsed time counts instead (an urgent ticket's night).
        var resolveBy = at("2026-11-30T10:00");
        assertEquals(resolveBy.plus(Duration.ofHours(63).plusMinutes(30)), policy.resolveByAfterPause(resolveBy,
                at("2026-11-27T17:30"), at("2026-11-30T09:00"), cal));
        // Over the weekend but into Monday morning: only Monday's hour counts.
        assertEquals(at("2026-11-30T11:00"), policy.resolveByAfterPause(resolveBy, at("2026-11-27T17:30"),
                at("2026-11-30T10:00"), cal));
    }

    @Test
    void pausesAreLimitedInNumberAndInTotalTime() {
        var now = at("2026-11-24T10:00");
        assertEquals(Optional.empty(), policy.checkPause(0, Duration.ZERO, now, now.plus(Duration.ofDays(3))));
        var third = policy.checkPause(2, Duration.ofDays(1), now, now.plus(Duration.ofDays(1))).orElseThrow();
        assertTrue(third.limit());
        assertEquals("until", third.field());
        var tooLong = policy.checkPause(1, Duration.ofDays(10), now, now.plus(Duration.ofDays(6))).orElseThrow();
        assertTrue(tooLong.limit(), tooLong.message());
        assertEquals(Optional.empty(), policy.checkPause(1, Duration.ofDays(10), now, now.plus(Duration.ofDays(5))));
        assertFalse(policy.pauseAvailable(2, Duration.ZERO));
        assertFalse(policy.pauseAvailable(1, Duration.ofDays(15)));
        assertTrue(policy.pauseAvailable(1, Duration.ofDays(14)));
    }

    @Test
    void aPauseMustEndAhead() {
        var now = at("2026-11-24T10:00");
        var past = policy.checkPause(0, Duration.ZERO, now, now).orElseThrow();
        assertFalse(past.limit());
        assertEquals("until", past.field());
        assertEquals("until", policy.checkPause(0, Duration.ZERO, now, null).orElseThrow().field());
    }

    @Test
    void aPlanDateLiesAfterTodayAndWithinTheHorizon() {
        var today = LocalDate.parse("2026-11-24");
        assertEquals("planDate", policy.checkPark(today, today).orElseThrow().field());
        assertEquals("planDate", policy.checkPark(today.minusDays(3), today).orElseThrow().field());
        assertEquals("planDate", policy.checkPark(today.plusDays(367), today).orElseThrow().field());
        assertEquals("planDate", policy.checkPark(null, today).orElseThrow().field());
        assertEquals(Optional.empty(), policy.checkPark(today.plusDays(1), today));
        assertEquals(Optional.empty(), policy.checkPark(today.plusDays(366), today));
    }

    @Test
    void aParkedTicketReturnsAtTheStartOfItsPlanDateWithAFreshResolveTime() {
        var back = policy.parkReturnAt(LocalDate.parse("2027-01-11"), cal);
        assertEquals(at("2027-01-11T00:00"), back);
        assertEquals(at("2027-01-15T17:30"), policy.resolveByAfterPark(back, cal));
    }

    @Test
    void heldWorkingMinutesCountOnlyOfficeHours() {
        assertEquals(210, ClockPolicy.heldWorkingMinutes(at("2026-11-24T10:00"), at("2026-11-24T15:00"), cal));
        assertEquals(0, ClockPolicy.heldWorkingMinutes(at("2026-11-28T10:00"), at("2026-11-29T15:00"), cal));
        assertEquals(0, ClockPolicy.heldWorkingMinutes(at("2026-11-24T15:00"), at("2026-11-24T10:00"), cal));
    }
}
