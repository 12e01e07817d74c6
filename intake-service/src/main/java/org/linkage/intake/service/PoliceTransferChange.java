package org.linkage.intake.service;

import org.linkage.intake.repository.PoliceTransferEntity;

/**
 * A change to the hand-back queue, fired as a CDI event inside the transaction that made it; observers
 * that wait for the commit see only changes that really happened.
 */
public record PoliceTransferChange(Kind kind, PoliceTransferEntity transfer) {
    public enum Kind {
        /** A hand-back arrived and waits in the queue. */
        QUEUED,
        /** A call-taker took it on; other consoles drop it from their queue. */
        ACCEPTED
    }
}
