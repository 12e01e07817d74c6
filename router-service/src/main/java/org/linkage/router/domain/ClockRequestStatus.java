package org.linkage.router.domain;

/** Where a clock request stands; a ticket has at most one PENDING clock request. */
public enum ClockRequestStatus {
    PENDING, APPROVED, REJECTED
}
