package org.linkage.bridge.domain;

/**
 * What one delivery attempt came to.
 *
 * @param responseCode null when no response arrived (time-out, connection refused)
 */
public record AttemptResult(Outcome outcome, Integer responseCode, long latencyMs, String externalRef, String error) {

    public enum Outcome {
        /** Accepted by the department system. */
        SUCCESS,
        /** Worth retrying: 5xx, 408, 429. */
        FAILED,
        /** Refused for good (another 4xx): retrying the same request cannot help. */
        REJECTED,
        TIMEOUT,
        UNREACHABLE,
        /**
         * Not sent, worth retrying, and not the endpoint's fault: what the request needs from the router (an
         * attachment notice's fresh link) could not be had now. Retried like {@link #FAILED}; the circuit is untouched.
         */
        NOT_READY;

        /** Whether this outcome says the endpoint itself is unwell (counts towards its circuit). */
        public boolean endpointFault() {
            return this == FAILED || this == TIMEOUT || this == UNREACHABLE;
        }
    }

    public static AttemptResult ofStatus(int code, long latencyMs, String externalRef, String body) {
        if (code >= 200 && code < 300) {
            return new AttemptResult(Outcome.SUCCESS, code, latencyMs, externalRef, null);
        }
        // 409 answers a repeated Idempotency-Key: the department already has this version.
        if (code == 409) {
            return new AttemptResult(Outcome.SUCCESS, code, latencyMs, externalRef, null);
        }
        Outcome outcome = RetryPolicy.transientStatus(code) ? Outcome.FAILED : Outcome.REJECTED;
        return new AttemptResult(outcome, code, latencyMs, null, "HTTP " + code + snippet(body));
    }

    private static String snippet(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ").trim();
        return ": " + (flat.length() > 300 ? flat.substring(0, 300) + "…" : flat);
    }
}
