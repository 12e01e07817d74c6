package org.linkage.router.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The fair-clock rules (挂起 / 挂账), from plain values:
 * <ul>
 *   <li><b>pause</b>: at most {@code maxPauses} pauses per ticket and {@code maxPausedTotal} of paused time in all
 *       (the time asked for counts against what is left); the requested end must lie ahead. When the pause ends, the
 *       resolve deadline moves later by the paused time: the working minutes it covered, or the elapsed time when it
 *       covered no working time (an urgent ticket paused at night), the same rule the supervision ladder's warning
 *       uses;</li>
 *   <li><b>park</b>: the plan date lies after today and at most {@code parkMaxAhead} ahead; the ticket returns at
 *       the start of its plan date with a fresh resolve deadline of {@code parkResolve}.</li>
 * </ul>
 * The working minutes a ticket spent paused or parked are left out of its reply time.
 */
public record ClockPolicy(int maxPauses, Duration maxPausedTotal, Duration parkMaxAhead, TimeLimit parkResolve) {

    /** Why a request is refused: the field it names, and whether it is a limit (409) rather than bad input (400). */
    public record Refusal(String field, boolean limit, String message) {
    }

    public ClockPolicy {
        if (maxPauses < 0) {
            throw new IllegalArgumentException("maxPauses must not be negative");
        }
        Objects.requireNonNull(maxPausedTotal, "maxPausedTotal");
        Objects.requireNonNull(parkMaxAhead, "parkMaxAhead");
        Objects.requireNonNull(parkResolve, "parkResolve");
    }

    /** Whether a ticket that has been paused {@code pauses} times for {@code used} in all may ask for another pause. */
    public boolean pauseAvailable(int pauses, Duration used) {
        return pauses < maxPauses && used.compareTo(maxPausedTotal) < 0;
    }

    /** Whether a pause from {@code now} until {@code until} may be asked for (and, at approval, still granted). */
    public Optional<Refusal> checkPause(int pauses, Duration used, Instant now, Instant until) {
        if (until == null) {
            return Optional.of(new Refusal("until", false, "the end of the pause is missing"));
        }
        if (!until.isAfter(now)) {
            return Optional.of(new Refusal("until", false, "the end of the pause must lie ahead, after " + now));
        }
        if (pauses >= maxPauses) {
            return Optional.of(new Refusal("until", true, "the ticket has been paused " + pauses
                    + " times, the most allowed"));
        }
        Duration left = maxPausedTotal.minus(used);
        if (Duration.between(now, until).compareTo(left) > 0) {
            return Optional.of(new Refusal("until", true, "the pause would exceed the paused time allowed ("
                    + maxPausedTotal + " in all, " + (left.isNegative() ? Duration.ZERO : left) + " left)"));
        }
        return Optional.empty();
    }

    /** The resolve deadline once a pause from {@code pausedAt} to {@code resumedAt} ends. */
    public Instant resolveByAfterPause(Instant resolveBy, Instant pausedAt, Instant resumedAt, BusinessCalendar calendar) {
        if (resolveBy == null || !resumedAt.isAfter(pausedAt)) {
            return resolveBy;
        }
        long working = calendar.workingMinutesBetween(pausedAt, resumedAt);
        return working > 0 ? calendar.addWorkingMinutes(resolveBy, working)
                : resolveBy.plus(Duration.between(pausedAt, resumedAt));
    }

    /** Whether a ticket may be parked until {@code planDate}, asked on {@code today} (the calendar's date). */
    public Optional<Refusal> checkPark(LocalDate planDate, LocalDate today) {
        if (planDate == null) {
            return Optional.of(new Refusal("planDate", false, "the plan date is missing"));
        }
        if (!planDate.isAfter(today)) {
            return Optional.of(new Refusal("planDate", false, "the plan date must lie after today " + today));
        }
        LocalDate latest = today.plusDays(parkMaxAhead.toDays());
        if (planDate.isAfter(latest)) {
            return Optional.of(new Refusal("planDate", false, "the plan date may lie at most " + parkMaxAhead.toDays()
                    + " days ahead, until " + latest));
        }
        return Optional.empty();
    }

    /** When a parked ticket returns: the start of its plan date in the calendar's zone. */
    public Instant parkReturnAt(LocalDate planDate, BusinessCalendar calendar) {
        return planDate.atStartOfDay(calendar.zone()).toInstant();
    }

    /** The fresh resolve deadline of a ticket back from parking at {@code returnedAt}. */
    public Instant resolveByAfterPark(Instant returnedAt, BusinessCalendar calendar) {
        return parkResolve.from(returnedAt, calendar);
    }

    /** The working minutes a held clock (paused or parked) covered, left out of the reply time. */
    public static long heldWorkingMinutes(Instant from, Instant to, BusinessCalendar calendar) {
        return to.isAfter(from) ? calendar.workingMinutesBetween(from, to) : 0;
    }
}
