package org.linkage.intake.service;

import org.linkage.intake.repository.PoliceTransferEntity;

/**
 * A committed change to the hand-back queue, as the console streams receive it: the kind from the
 * change's notice, the transfer as read after the commit.
 */
public record PoliceTransferChange(Kind kind, PoliceTransferEntity transfer) {
    public enum Kind {
        /** A hand-back arrived and waits in the queue. */
        QUEUED,
        /** A call-taker took it on; other consoles drop it from their queue. */
        ACCEPTED
    }
}
