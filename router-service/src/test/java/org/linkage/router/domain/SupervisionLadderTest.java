package org.linkage.router.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.linkage.router.domain.BusinessCalendarTest.at;
import static org.linkage.router.domain.SupervisionStep.*;

class SupervisionLadderTest {
    private final BusinessCalendar cal = BusinessCalendarTest.calendar2026();
    private final SupervisionLadder ladder = new SupervisionLadder(0.8, TimeLimit.parse("1WD"), TimeLimit.parse("2WD"));
    // Dispatched Mon 11-23 09:00 with 5 working days (35 working hours): due Fri 11-27 17:30.
    private final Instant start = at("2026-11-23T09:00");
    private final Instant deadline = cal.addWorkingDays(start, 5);

    @Test
    void stepsFallDueAtTheirWorkingTimePoints() {
        assertEquals(at("2026-11-27T17:30"), deadline);
        // 80% of 35 working hours = 28 h: four full days end Thu 17:30.
        assertEquals(at("2026-11-26T17:30"), ladder.dueAt(WARNING, start, deadline, cal));
        assertEquals(deadline, ladder.dueAt(CHASE, start, deadline, cal));
        assertEquals(at("2026-11-30T17:30"), ladder.dueAt(SUPERVISE, start, deadline, cal));
        assertEquals(at("2026-12-02T17:30"), ladder.dueAt(LISTED, start, deadline, cal));
    }

    @Test
    void dueStepsAreThoseWhoseTimeHasComeAndNotYetTaken() {
        Instant now = at("2026-11-28T10:00");
        assertEquals(List.of(WARNING, CHASE), ladder.dueSteps(now, start, deadline, Set.of(), cal));
        assertEquals(List.of(CHASE), ladder.dueSteps(now, start, deadline, EnumSet.of(WARNING), cal));
        assertEquals(at("2026-11-30T17:30"), ladder.nextDue(start, deadline, EnumSet.of(WARNING, CHASE), cal).orElseThrow());
        assertEquals(true, ladder.nextDue(start, deadline, EnumSet.allOf(SupervisionStep.class), cal).isEmpty());
    }

    @Test
    void aShortLimitAtNightWarnsOnElapsedTime() {
        Instant night = at("2026-11-28T03:00");
        assertEquals(at("2026-11-28T03:12"), ladder.dueAt(WARNING, night, at("2026-11-28T03:15"), cal));
    }
}
