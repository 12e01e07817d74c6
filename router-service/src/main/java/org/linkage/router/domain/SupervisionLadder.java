package org.linkage.router.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When each supervision step falls due for one deadline: a warning once {@code warnShare} of the
 * allowed (working) time has gone, a chase at the deadline, supervision {@code superviseAfter} the
 * deadline, listed supervision {@code listedAfter} the supervision.
 */
public record SupervisionLadder(double warnShare, TimeLimit superviseAfter, TimeLimit listedAfter) {

    public SupervisionLadder {
        if (warnShare <= 0 || warnShare >= 1) {
            throw new IllegalArgumentException("the warning share must be between 0 and 1");
        }
    }

    public Instant dueAt(SupervisionStep step, Instant start, Instant deadline, BusinessCalendar calendar) {
        return switch (step) {
            case WARNING -> warningAt(start, deadline, calendar);
            case CHASE -> deadline;
            case SUPERVISE -> superviseAfter.from(deadline, calendar);
            case LISTED -> listedAfter.from(superviseAfter.from(deadline, calendar), calendar);
        };
    }

    /** Steps not yet taken whose time has come, in ladder order. */
    public List<SupervisionStep> dueSteps(Instant now, Instant start, Instant deadline, Set<SupervisionStep> done,
                                          BusinessCalendar calendar) {
        List<SupervisionStep> due = new ArrayList<>();
        for (SupervisionStep step : SupervisionStep.values()) {
            if (!done.contains(step) && !dueAt(step, start, deadline, calendar).isAfter(now)) {
                due.add(step);
            }
        }
        return due;
    }

    /** When the next step not yet taken falls due; empty once the ladder is finished. */
    public Optional<Instant> nextDue(Instant start, Instant deadline, Set<SupervisionStep> done,
                                     BusinessCalendar calendar) {
        for (SupervisionStep step : SupervisionStep.values()) {
            if (!done.contains(step)) {
                return Optional.of(dueAt(step, start, deadline, calendar));
            }
        }
        return Optional.empty();
    }

    // Counted in working minutes when the window has any, so a 5-working-day limit warns on the
    // fourth working day rather than over a weekend; a short elapsed limit at night (15 minutes at
    // 03:00 has no working time) falls back to elapsed time.
    private Instant warningAt(Instant start, Instant deadline, BusinessCalendar calendar) {
        long working = calendar.workingMinutesBetween(start, deadline);
        if (working > 0) {
            return calendar.addWorkingMinutes(start, Math.round(working * warnShare));
        }
        long seconds = Duration.between(start, deadline).getSeconds();
        return start.plusSeconds(Math.round(seconds * warnShare));
    }
}
