package org.linkage.router.domain;

/** Ticket statuses, as named in docs/events.md; intake shows them on the call. */
public enum TicketStatus {
    PENDING_DISPATCH, DISPATCHED, SIGNED, IN_PROGRESS, REPLIED, RETURN_REVIEW, CALLED_BACK, CLOSED, MERGED,
    TRANSFERRED_TO_POLICE,
    /** 挂起: the resolve clock stands still while the unit waits for the caller or a third party. */
    PAUSED,
    /** 挂账: the matter cannot be solved in time (budget, planning); it returns on its plan date. */
    PARKED,
    /** 终止办理: ended after review (unlawful demand, the caller refuses all contact). */
    TERMINATED;

    /** Statuses in which a department still owes work, so deadlines and supervision apply. */
    public boolean awaitsDepartment() {
        return this == DISPATCHED || this == SIGNED || this == IN_PROGRESS;
    }

    public boolean isFinal() {
        return this == CLOSED || this == MERGED || this == TRANSFERRED_TO_POLICE || this == TERMINATED;
    }

    /** The unit holds the ticket but its clock stands still (挂起 / 挂账): no deadline runs, nothing is overdue. */
    public boolean clockHeld() {
        return this == PAUSED || this == PARKED;
    }

    /** Statuses a unit still holds, whether its clock runs or not (a unit's open work). */
    public boolean heldByDepartment() {
        return awaitsDepartment() || clockHeld();
    }
}
