package org.linkage.router.rest;

import org.linkage.commons.problem.ProblemException;

/**
 * Numeric query parameters parsed here rather than by JAX-RS, which answers an unparsable number
 * with 404; a client that sends {@code size=abc} deserves a 400 naming {@code size}.
 */
final class QueryParams {
    private QueryParams() {
    }

    static int integer(String field, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badRequest(field, "must be a whole number from " + min + " to " + max);
    }

    static double decimal(String field, String value, double fallback, double min, double max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            double n = Double.parseDouble(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badRequest(field, "must be a number from " + min + " to " + max);
    }

    static boolean bool(String field, String value) {
        if (value == null || value.isBlank() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ProblemException.badRequest(field, "must be true or false");
    }
}
