package org.linkage.console.rest;

import java.util.Arrays;
import java.util.stream.Collectors;

/** RFC 4180 rows: a field with a comma, quote or line break is quoted, quotes doubled; a leading = + - @ is defused. */
final class Csv {
    private Csv() {
    }

    static String row(Object... fields) {
        return Arrays.stream(fields).map(Csv::field).collect(Collectors.joining(",")) + "\n";
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        // A spreadsheet runs a cell that starts like a formula; a department or category name must never do that.
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?\\d+(\\.\\d+)?")) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
