package org.linkage.router.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time limit as written in the catalogue and configuration: {@code 15M} / {@code 2H} are elapsed
 * minutes / hours (emergencies do not wait for office hours), {@code 4WH} working hours and
 * {@code 5WD} working days (which honour the business calendar).
 */
public record TimeLimit(long amount, Unit unit) {
    public enum Unit { MINUTES, HOURS, WORKING_HOURS, WORKING_DAYS }

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,5})(M|H|WH|WD)");

    public TimeLimit {
        if (amount <= 0) {
            throw new IllegalArgumentException("a time limit must be positive");
        }
    }

    public static TimeLimit parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.trim().toUpperCase(Locale.ROOT));
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("time limit '" + text + "' must look like 15M, 2H, 4WH or 5WD");
        }
        long amount = Long.parseLong(m.group(1));
        Unit unit = switch (m.group(2)) {
            case "M" -> Unit.MINUTES;
            case "H" -> Unit.HOURS;
            case "WH" -> Unit.WORKING_HOURS;
            default -> Unit.WORKING_DAYS;
        };
        return new TimeLimit(amount, unit);
    }

    public Instant from(Instant start, BusinessCalendar calendar) {
        return switch (unit) {
            case MINUTES -> start.plus(Duration.ofMinutes(amount));
            case HOURS -> start.plus(Duration.ofHours(amount));
            case WORKING_HOURS -> calendar.addWorkingMinutes(start, amount * 60);
            case WORKING_DAYS -> calendar.addWorkingDays(start, amount);
        };
    }

    @Override
    public String toString() {
        return amount + switch (unit) {
            case MINUTES -> "M";
            case HOURS -> "H";
            case WORKING_HOURS -> "WH";
            case WORKING_DAYS -> "WD";
        };
    }
}
