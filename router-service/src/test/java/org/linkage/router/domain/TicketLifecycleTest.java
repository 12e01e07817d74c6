package org.linkage.router.domain;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.linkage.router.domain.TicketAction.*;
import static org.linkage.router.domain.TicketStatus.*;

class TicketLifecycleTest {

    @Test
    void theClosedLoopRunsFromDispatchToClose() {
        TicketStatus s = PENDING_DISPATCH;
        for (TicketAction a : new TicketAction[]{DISPATCH, SIGN, PROGRESS, PROGRESS, REPLY, CALL_BACK, CLOSE}) {
            s = TicketLifecycle.next(s, a);
        }
        assertEquals(CLOSED, s);
    }

    @Test
    void returnGoesToReviewThenBackToDispatched() {
        assertEquals(RETURN_REVIEW, TicketLifecycle.next(DISPATCHED, RETURN));
        assertEquals(RETURN_REVIEW, TicketLifecycle.next(SIGNED, RETURN));
        assertEquals(DISPATCHED, TicketLifecycle.next(RETURN_REVIEW, REDISPATCH));
        assertEquals(DISPATCHED, TicketLifecycle.next(RETURN_REVIEW, UPHOLD));
    }

    @Test
    void noActionLeavesAFinalStatus() {
        for (TicketStatus s : EnumSet.of(CLOSED, MERGED, TRANSFERRED_TO_POLICE)) {
            for (TicketAction a : TicketAction.values()) {
                assertFalse(TicketLifecycle.allows(s, a), s + " must not allow " + a);
            }
        }
    }

    @Test
    void illegalMovesNameTheCurrentStatus() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class, () -> TicketLifecycle.next(DISPATCHED, REPLY));
        assertEquals(DISPATCHED, e.current());
        assertEquals(REPLY, e.action());
        assertThrows(IllegalTransitionException.class, () -> TicketLifecycle.next(IN_PROGRESS, RETURN));
        assertThrows(IllegalTransitionException.class, () -> TicketLifecycle.next(REPLIED, MERGE));
        assertThrows(IllegalTransitionException.class, () -> TicketLifecycle.next(SIGNED, SIGN));
    }

    @Test
    void mergeAndPoliceTransferOnlyBeforeTheAnswer() {
        Set<TicketStatus> before = EnumSet.of(PENDING_DISPATCH, DISPATCHED, SIGNED, IN_PROGRESS, RETURN_REVIEW);
        for (TicketStatus s : TicketStatus.values()) {
            assertEquals(before.contains(s), TicketLifecycle.allows(s, MERGE), "MERGE from " + s);
            assertEquals(before.contains(s), TicketLifecycle.allows(s, TRANSFER_TO_POLICE), "TRANSFER from " + s);
        }
    }
}
