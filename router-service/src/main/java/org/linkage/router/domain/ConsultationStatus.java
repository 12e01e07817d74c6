package org.linkage.router.domain;

import java.time.Instant;

/**
 * A 110 call-taker's consultation request (三方通话 in data) as 12345 holds it. A dispatcher accepts or declines it
 * while it is PENDING and before its time limit; after the limit it EXPIRES and the call stays with 110 (首接负责:
 * the line that received the call keeps it). The router is the one clock for both, so a call is never both accepted
 * and expired.
 */
public enum ConsultationStatus {
    PENDING, ACCEPTED, DECLINED, EXPIRED;

    /** A dispatcher may still decide: pending, and the time limit not reached. */
    public static boolean decidable(ConsultationStatus status, Instant expiresAt, Instant now) {
        return status == PENDING && now.isBefore(expiresAt);
    }

    /** Due for expiry: pending, and the time limit reached. */
    public static boolean expired(ConsultationStatus status, Instant expiresAt, Instant now) {
        return status == PENDING && !now.isBefore(expiresAt);
    }
}
