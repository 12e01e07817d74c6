package org.linkage.intake.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Human-readable call numbers, read out to callers and quoted by the 12345 side: 110-20261128-000123. */
public final class CallNumbers {
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private CallNumbers() {
    }

    /** @param sequence a number unique across all calls (from a database sequence), never reused */
    public static String format(String line, LocalDate day, long sequence) {
        return line + "-" + DAY.format(day) + "-" + String.format("%06d", sequence);
    }
}
