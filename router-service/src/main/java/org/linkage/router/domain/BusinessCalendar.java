package org.linkage.router.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Working time: Monday to Friday inside the working periods, except public holidays, plus the
 * make-up working weekend days (调休). Holidays and make-up days are data (one row per exception);
 * any date without an exception follows the weekday rule.
 * <p>
 * A limit of n working days is n times the working minutes of one day, so a ticket received at
 * 16:00 with 5 working days is due at 16:00 on the fifth working day after; one received after
 * hours starts counting at the next working period.
 */
public final class BusinessCalendar {
    public enum DayKind { HOLIDAY, WORKDAY }

    public record WorkPeriod(LocalTime start, LocalTime end) {
        public WorkPeriod {
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("a working period must end after it starts: " + start + "-" + end);
            }
        }

        /** Parses {@code 09:00-12:00}. */
        public static WorkPeriod parse(String text) {
            String[] parts = text.trim().split("-");
            if (parts.length != 2) {
                throw new IllegalArgumentException("working period '" + text + "' must look like 09:00-12:00");
            }
            return new WorkPeriod(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
        }

        long minutes() {
            return Duration.between(start, end).toMinutes();
        }
    }

    /** Far enough to cover any limit in use; a longer walk means a configuration mistake. */
    private static final int MAX_DAYS = 3660;

    private final Map<LocalDate, DayKind> exceptions;
    private final List<WorkPeriod> periods;
    private final ZoneId zone;
    private final long minutesPerDay;

    public BusinessCalendar(Map<LocalDate, DayKind> exceptions, List<WorkPeriod> periods, ZoneId zone) {
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("at least one working period is needed");
        }
        List<WorkPeriod> sorted = new ArrayList<>(periods);
        sorted.sort(Comparator.comparing(WorkPeriod::start));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
                throw new IllegalArgumentException("working periods overlap: " + sorted);
            }
        }
        this.exceptions = Map.copyOf(exceptions);
        this.periods = List.copyOf(sorted);
        this.zone = zone;
        this.minutesPerDay = sorted.stream().mapToLong(WorkPeriod::minutes).sum();
    }

    public ZoneId zone() {
        return zone;
    }

    public long minutesPerDay() {
        return minutesPerDay;
    }

    public boolean isWorkingDay(LocalDate day) {
        DayKind kind = exceptions.get(day);
        if (kind != null) {
            return kind == DayKind.WORKDAY;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    public Instant addWorkingDays(Instant start, long days) {
        return addWorkingMinutes(start, days * minutesPerDay);
    }

    /** The instant when {@code minutes} of working time have passed since {@code start}. */
    public Instant addWorkingMinutes(Instant start, long minutes) {
        if (minutes < 0) {
            throw new IllegalArgumentException("minutes must not be negative");
        }
        if (minutes == 0) {
            return start;
        }
        LocalDateTime cursor = LocalDateTime.ofInstant(start, zone);
        long remaining = minutes;
        LocalDate day = cursor.toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (WorkPeriod p : periods) {
                LocalDateTime from = max(day.atTime(p.start()), cursor);
                LocalDateTime to = day.atTime(p.end());
                if (!from.isBefore(to)) {
                    continue;
                }
                long available = Duration.between(from, to).toMinutes();
                if (remaining <= available) {
                    return from.plusMinutes(remaining).atZone(zone).toInstant();
                }
                remaining -= available;
            }
        }
        throw new IllegalStateException("no working time found within " + MAX_DAYS + " days of " + start);
    }

    /** Working minutes between two instants (0 when {@code to} is not after {@code from}). */
    public long workingMinutesBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        LocalDateTime start = LocalDateTime.ofInstant(from, zone);
        LocalDateTime end = LocalDateTime.ofInstant(to, zone);
        long total = 0;
        for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (WorkPeriod p : periods) {
                LocalDateTime a = max(day.atTime(p.start()), start);
                LocalDateTime b = min(day.atTime(p.end()), end);
                if (a.isBefore(b)) {
                    total += Duration.between(a, b).toMinutes();
                }
            }
        }
        return total;
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
