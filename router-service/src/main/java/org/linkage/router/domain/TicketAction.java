package org.linkage.router.domain;

/** Everything that can happen to a ticket's status; {@link TicketLifecycle} says where each may happen. */
public enum TicketAction {
    /** First dispatch, or a dispatcher assigning a ticket from the manual queue. */
    DISPATCH,
    SIGN,
    PROGRESS,
    REPLY,
    /** 退单: the department says the ticket is not theirs. */
    RETURN,
    /** 派单异议审核 upheld: the return is refused and the ticket goes back to the same unit. */
    UPHOLD,
    /** 改派: the return is accepted and the ticket goes to another unit (version + 1). */
    REDISPATCH,
    CALL_BACK,
    CLOSE,
    REOPEN,
    MERGE,
    TRANSFER_TO_POLICE,
    /** 挂起 approved by a dispatcher: the resolve clock stops. */
    PAUSE,
    /** 挂账 approved by a supervisor: the ticket waits for its plan date. */
    PARK,
    /** The clock runs again: a pause ends (by the unit or at its approved end), a parked ticket returns. */
    RESUME,
    /** 终止办理 approved by a supervisor. */
    TERMINATE
}
