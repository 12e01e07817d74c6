package org.linkage.intake.rest;

import org.linkage.commons.problem.ProblemException;

/** The Idempotency-Key header of intake's POSTs; other parameters parse with commons' RequestParams. */
final class Params {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private Params() {
    }

    /** RFC draft idempotency key: any printable ASCII, at most 200 characters; absent means "no retry protection". */
    static String idempotencyKey(String value) {
        if (value == null) {
            return null;
        }
        if (value.isEmpty() || value.length() > 200 || !value.chars().allMatch(c -> c >= 0x21 && c <= 0x7E)) {
            throw ProblemException.badRequest(IDEMPOTENCY_KEY,
                    "须为1到200个可打印ASCII字符 / must be 1 to 200 printable ASCII characters");
        }
        return value;
    }
}
