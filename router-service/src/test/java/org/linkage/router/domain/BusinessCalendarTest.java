package org.linkage.router.domain;

import org.junit.jupiter.api.Test;
import org.linkage.router.domain.BusinessCalendar.DayKind;
import org.linkage.router.domain.BusinessCalendar.WorkPeriod;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deadline arithmetic over the official 2026 calendar, office hours 09:00-12:00 and 13:30-17:30 (7 h a day). */
class BusinessCalendarTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** The 2026 calendar as in the reference (State Council notice of 2025-11-04). */
    static BusinessCalendar calendar2026() {
        Map<LocalDate, DayKind> days = new HashMap<>();
        off(days, "2026-01-01", "2026-01-03");
        off(days, "2026-02-15", "2026-02-23");
        off(days, "2026-04-04", "2026-04-06");
        off(days, "2026-05-01", "2026-05-05");
        off(days, "2026-06-19", "2026-06-21");
        off(days, "2026-09-25", "2026-09-27");
        off(days, "2026-10-01", "2026-10-07");
        for (String d : List.of("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10")) {
            days.put(LocalDate.parse(d), DayKind.WORKDAY);
        }
        return new BusinessCalendar(days, List.of(WorkPeriod.parse("09:00-12:00"), WorkPeriod.parse("13:30-17:30")), SHANGHAI);
    }

    private static void off(Map<LocalDate, DayKind> days, String from, String to) {
        for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
            days.put(d, DayKind.HOLIDAY);
        }
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    private final BusinessCalendar cal = calendar2026();

    @Test
    void fiveWorkingDaysFromFridayCountTheMakeUpSunday() {
        // Sun 09-20 is a make-up working day, so Thu 09-24 is the fifth working day after Fri 09-18.
        assertEquals(at("2026-09-24T16:00"), cal.addWorkingDays(at("2026-09-18T16:00"), 5));
    }

    @Test
    void midAutumnHolidayAndItsWeekendAreSkipped() {
        // Fri 09-25 (holiday), Sat 26, Sun 27 are off: Mon 28, Tue 29, Wed 30.
        assertEquals(at("2026-09-30T10:00"), cal.addWorkingDays(at("2026-09-24T10:00"), 3));
    }

    @Test
    void nationalDayWeekIsSkippedAndSaturdayTheTenthWorks() {
        Instant start = at("2026-09-30T15:00");
        assertEquals(at("2026-10-09T15:00"), cal.addWorkingDays(start, 2));
        assertEquals(at("2026-10-10T15:00"), cal.addWorkingDays(start, 3));
        assertEquals(at("2026-10-12T15:00"), cal.addWorkingDays(start, 4));
    }

    @Test
    void springFestivalMakeUpSaturdayWorksAndTheHolidayDoesNot() {
        assertEquals(at("2026-02-14T10:00"), cal.addWorkingDays(at("2026-02-13T10:00"), 1));
        assertEquals(at("2026-02-24T10:00"), cal.addWorkingDays(at("2026-02-13T10:00"), 2));
    }

    @Test
    void dayKindsFollowTheExceptionsThenTheWeekdayRule() {
        assertTrue(cal.isWorkingDay(LocalDate.parse("2026-01-04")), "Sun Jan 4 is a make-up working day");
        assertFalse(cal.isWorkingDay(LocalDate.parse("2026-01-02")), "Fri Jan 2 is a holiday");
        assertFalse(cal.isWorkingDay(LocalDate.parse("2026-11-28")), "an ordinary Saturday");
        assertTrue(cal.isWorkingDay(LocalDate.parse("2026-11-27")), "an ordinary Friday");
    }

    @Test
    void afterHoursStartCountsFromTheNextWorkingPeriod() {
        assertEquals(at("2026-11-30T17:30"), cal.addWorkingDays(at("2026-11-27T18:00"), 1));
        assertEquals(at("2026-11-30T09:30"), cal.addWorkingMinutes(at("2026-11-30T08:00"), 30));
    }

    @Test
    void lunchBreakIsNotWorkingTime() {
        assertEquals(at("2026-11-30T14:00"), cal.addWorkingMinutes(at("2026-11-30T11:30"), 60));
    }

    @Test
    void aLimitEndingExactlyAtCloseIsDueAtCloseNotNextMorning() {
        assertEquals(at("2026-11-30T17:30"), cal.addWorkingMinutes(at("2026-11-30T16:30"), 60));
    }

    @Test
    void workingMinutesBetweenIsTheInverseOfAdding() {
        assertEquals(5 * 420, cal.workingMinutesBetween(at("2026-09-18T16:00"), at("2026-09-24T16:00")));
        assertEquals(0, cal.workingMinutesBetween(at("2026-10-01T09:00"), at("2026-10-07T18:00")));
        assertEquals(90, cal.workingMinutesBetween(at("2026-11-30T11:00"), at("2026-11-30T14:00")));
        assertEquals(0, cal.workingMinutesBetween(at("2026-11-30T14:00"), at("2026-11-30T11:00")));
    }

    @Test
    void timeLimitsMixElapsedAndWorkingTime() {
        Instant fridayEvening = at("2026-11-27T20:00");
        assertEquals(at("2026-11-27T20:15"), TimeLimit.parse("15M").from(fridayEvening, cal), "emergencies run on elapsed time");
        assertEquals(at("2026-11-28T20:00"), TimeLimit.parse("24H").from(fridayEvening, cal));
        assertEquals(at("2026-11-30T14:30"), TimeLimit.parse("4WH").from(fridayEvening, cal));
        assertEquals(at("2026-12-04T17:30"), TimeLimit.parse("5WD").from(fridayEvening, cal));
        assertThrows(IllegalArgumentException.class, () -> TimeLimit.parse("5 days"));
        assertThrows(IllegalArgumentException.class, () -> TimeLimit.parse("0WD"));
    }

    @Test
    void overlappingPeriodsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new BusinessCalendar(Map.of(),
                List.of(WorkPeriod.parse("09:00-13:00"), WorkPeriod.parse("12:00-17:00")), SHANGHAI));
    }
}
