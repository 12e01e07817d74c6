package org.linkage.intake.rest;

import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.problem.RequestParams;

/**
 * The Idempotency-Key header of intake's POSTs and the paging parameters every list shares; other
 * parameters parse with commons' RequestParams.
 */
final class Params {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private Params() {
    }

    /** Zero-based page number, default 0. */
    static int page(String value) {
        return RequestParams.integer("page", value, 0, 0, 100_000);
    }

    /** Page size 1-100, default 20: a console screen, and a bound on what one request may read. */
    static int size(String value) {
        return RequestParams.integer("size", value, 20, 1, 100);
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
