package org.linkage.commons.problem;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

/**
 * Parses path and query parameters by hand: JAX-RS answers a failed conversion with a bare 404,
 * while a client needs a 400 problem naming the parameter. Absent or blank values give the fallback.
 */
public final class RequestParams {
    private RequestParams() {
    }

    public static UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.badRequest(name, "须为UUID / must be a UUID");
        }
    }

    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            // An unencoded '+' in a query string arrives as a space: "09:30:00 08:00" meant "+08:00".
            return OffsetDateTime.parse(value.strip().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name,
                    "须为带时区的ISO-8601时间 / must be an ISO-8601 date-time with offset, e.g. 2026-11-28T09:30:00+08:00");
        }
    }

    public static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest(name, "须为 " + min + " 到 " + max + " 之间的整数 / must be an integer from "
                + min + " to " + max);
    }

    public static double decimal(String name, String value, double fallback, double min, double max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            double n = Double.parseDouble(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest(name, "须为 " + min + " 到 " + max + " 之间的数 / must be a number from "
                + min + " to " + max);
    }

    public static boolean bool(String name, String value) {
        if (value == null || value.isBlank() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ProblemException.badRequest(name, "须为 true 或 false / must be true or false");
    }

    public static <E extends Enum<E>> E enumeration(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "须为以下之一 / must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static String text(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw ProblemException.badRequest(name, "长度不能超过 " + maxLength + " / at most " + maxLength + " characters");
        }
        return value.strip();
    }
}
