package org.linkage.bridge.domain;

/**
 * Where one delivery of a ticket version stands. {@code SUPERSEDED}: a newer version of the ticket (a
 * re-dispatch) arrived before this one was delivered, so it is never sent, retried or replayed. {@code SKIPPED}: an
 * attachment notice for a unit whose system has no way to take one (Open311), recorded with the reason instead of sent.
 */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED_RETRYING, DEAD_LETTERED, SUPERSEDED, SKIPPED;

    public boolean due() {
        return this == PENDING || this == FAILED_RETRYING;
    }
}
