package org.linkage.router.domain;

/** Ticket statuses, as named in docs/events.md; intake shows them on the call. */
public enum TicketStatus {
    PENDING_DISPATCH, DISPATCHED, SIGNED, IN_PROGRESS, REPLIED, RETURN_REVIEW, CALLED_BACK, CLOSED, MERGED,
    TRANSFERRED_TO_POLICE;

    /** Statuses in which a department still owes work, so deadlines and supervision apply. */
    public boolean awaitsDepartment() {
        return this == DISPATCHED || this == SIGNED || this == IN_PROGRESS;
    }

    public boolean isFinal() {
        return this == CLOSED || this == MERGED || this == TRANSFERRED_TO_POLICE;
    }
}
