package org.linkage.router.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PermittedActionsTest {
    private static final PermittedActions.Reader LEAD = new PermittedActions.Reader(true, true, false, false, true, false);
    private static final PermittedActions.Reader SUPPORTING = new PermittedActions.Reader(true, false, false, false, true, false);
    private static final PermittedActions.Reader DISPATCHER = new PermittedActions.Reader(false, false, true, false, true, false);
    private static final PermittedActions.Reader SUPERVISOR = new PermittedActions.Reader(false, false, false, true, true, false);

    @Test
    void theLeadUnitSignsOrReturnsADispatchedTicketAndAfterSigningRepliesOrAsksForMoreTime() {
        assertEquals(List.of("sign", "return"), PermittedActions.of(TicketStatus.DISPATCHED, null, LEAD));
        assertEquals(List.of("progress", "reply", "return", "extensions"), PermittedActions.of(TicketStatus.SIGNED, null, LEAD));
    }

    @Test
    void aSupportingUnitMayOnlyAddNotes() {
        assertEquals(List.of(), PermittedActions.of(TicketStatus.DISPATCHED, null, SUPPORTING));
        assertEquals(List.of("progress"), PermittedActions.of(TicketStatus.IN_PROGRESS, null, SUPPORTING));
    }

    @Test
    void noReturnAfterTheWindowAndNoSecondExtensionWhileOneIsPending() {
        var late = new PermittedActions.Reader(true, true, false, false, false, true);
        assertEquals(List.of("progress", "reply"), PermittedActions.of(TicketStatus.SIGNED, null, late));
    }

    @Test
    void dispatcherActionsFollowTheLifecycle() {
        assertEquals(List.of("assign", "merge", "police-transfer"), PermittedActions.of(TicketStatus.PENDING_DISPATCH, null, DISPATCHER));
        assertEquals(List.of("redispatch", "uphold", "merge", "police-transfer"), PermittedActions.of(TicketStatus.RETURN_REVIEW, null, DISPATCHER));
        assertEquals(List.of("callback"), PermittedActions.of(TicketStatus.REPLIED, null, DISPATCHER));
        assertEquals(List.of("close"), PermittedActions.of(TicketStatus.CALLED_BACK, true, DISPATCHER));
        assertEquals(List.of("close", "reopen"), PermittedActions.of(TicketStatus.CALLED_BACK, false, DISPATCHER));
        assertEquals(List.of(), PermittedActions.of(TicketStatus.CLOSED, true, DISPATCHER));
    }

    @Test
    void supervisorsChaseOnlyWhatAUnitIsWorkingOn() {
        assertTrue(PermittedActions.of(TicketStatus.SIGNED, null, SUPERVISOR).contains("supervision"));
        assertEquals(List.of(), PermittedActions.of(TicketStatus.REPLIED, null, SUPERVISOR));
    }
}
