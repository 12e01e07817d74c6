package org.linkage.intake.domain;

/**
 * Where a consultation request (三方通话 in data) stands. PENDING until 12345 decides or the time limit passes; then
 * ACCEPTED (12345 takes the call: it is referred), DECLINED (it stays with 110) or EXPIRED (nobody decided in time:
 * 首接负责, the line that received it keeps it). Only the last three are final.
 */
public enum ConsultationStatus {
    PENDING, ACCEPTED, DECLINED, EXPIRED;

    /** The outcome named on {@code ConsultationDecided}, or empty for a name this version does not know. */
    public static java.util.Optional<ConsultationStatus> outcome(String name) {
        for (ConsultationStatus s : values()) {
            if (s != PENDING && s.name().equals(name)) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }

    /** A call waiting for 12345's answer is not decided by 110 meanwhile: the two lines would both act on it. */
    public boolean holdsTheCall() {
        return this == PENDING;
    }
}
