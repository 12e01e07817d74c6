package org.linkage.router.domain;

/** An appeal waits for a supervisor, then is accepted (the ticket leaves the unit's figures) or rejected. */
public enum AppealStatus {
    PENDING, ACCEPTED, REJECTED;

    public static AppealStatus decided(boolean accept) {
        return accept ? ACCEPTED : REJECTED;
    }
}
