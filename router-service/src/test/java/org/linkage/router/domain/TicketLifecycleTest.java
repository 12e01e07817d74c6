package org.linkage.router.domain;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
        for (TicketStatus s : EnumSet.of(CLOSED, MERGED, TRANSFERRED_TO_POLICE, TERMINATED)) {
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
        Set<TicketStatus> before = EnumSet.of(PENDING_DISPATCH, DISPATCHED, SIGNED, IN_PROGRESS, RETURN_REVIEW, PAUSED, PARKED);
        for (TicketStatus s : TicketStatus.values()) {
            assertEquals(before.contains(s), TicketLifecycle.allows(s, MERGE), "MERGE from " + s);
            assertEquals(before.contains(s), TicketLifecycle.allows(s, TRANSFER_TO_POLICE), "TRANSFER from " + s);
        }
    }

    @Test
    void onlyASignedTicketIsPausedOrParkedAndEitherComesBackInProgress() {
        Set<TicketStatus> signed = EnumSet.of(SIGNED, IN_PROGRESS);
        for (TicketStatus s : TicketStatus.values()) {
            assertEquals(signed.contains(s), TicketLifecycle.allows(s, PAUSE), "PAUSE from " + s);
            assertEquals(signed.contains(s), TicketLifecycle.allows(s, PARK), "PARK from " + s);
        }
        assertEquals(IN_PROGRESS, TicketLifecycle.next(PAUSED, RESUME));
        assertEquals(IN_PROGRESS, TicketLifecycle.next(PARKED, RESUME));
        assertEquals(PAUSED, TicketLifecycle.next(PAUSED, PROGRESS));
        assertThrows(IllegalTransitionException.class, () -> TicketLifecycle.next(PAUSED, REPLY));
        assertThrows(IllegalTransitionException.class, () -> TicketLifecycle.next(PAUSED, PAUSE));
        assertThrows(IllegalTransitionException.class, () -> TicketLifecycle.next(IN_PROGRESS, RESUME));
    }

    @Test
    void terminationEndsAnyTicketNotYetFinal() {
        for (TicketStatus s : TicketStatus.values()) {
            assertEquals(!s.isFinal(), TicketLifecycle.allows(s, TERMINATE), "TERMINATE from " + s);
        }
        assertEquals(TERMINATED, TicketLifecycle.next(REPLIED, TERMINATE));
        assertTrue(TERMINATED.isFinal());
    }
}
