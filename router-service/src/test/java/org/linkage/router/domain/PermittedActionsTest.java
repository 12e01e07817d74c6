package org.linkage.router.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PermittedActionsTest {
    private static final PermittedActions.Reader LEAD = new PermittedActions.Reader(true, true, false, false, true, false);
    private static final PermittedActions.Reader SUPPORTING = new PermittedActions.Reader(true, false, false, false, true, false);
    private static final PermittedActions.Reader DISPATCHER = new PermittedActions.Reader(false, false, true, false, true, false);
    private static final PermittedActions.Reader SUPERVISOR = new PermittedActions.Reader(false, false, false, true, true, false);

    @Test
    void theLeadUnitSignsOrReturnsADispatchedTicketAndAfterSigningRepliesOrAsksForMoreTime() {
        assertEquals(List.of("sign", "return"), PermittedActions.of(TicketStatus.DISPATCHED, null, LEAD));
        assertEquals(List.of("progress", "reply", "return", "extensions", "pause", "park"), PermittedActions.of(TicketStatus.SIGNED, null, LEAD));
    }

    @Test
    void aSupportingUnitMayOnlyAddNotes() {
        assertEquals(List.of(), PermittedActions.of(TicketStatus.DISPATCHED, null, SUPPORTING));
        assertEquals(List.of("progress"), PermittedActions.of(TicketStatus.IN_PROGRESS, null, SUPPORTING));
    }

    @Test
    void noReturnAfterTheWindowAndNoSecondExtensionWhileOneIsPending() {
        var late = new PermittedActions.Reader(true, true, false, false, false, true);
        assertEquals(List.of("progress", "reply", "pause", "park"), PermittedActions.of(TicketStatus.SIGNED, null, late));
    }

    @Test
    void dispatcherActionsFollowTheLifecycle() {
        assertEquals(List.of("assign", "merge", "police-transfer", "terminate"), PermittedActions.of(TicketStatus.PENDING_DISPATCH, null, DISPATCHER));
        assertEquals(List.of("redispatch", "uphold", "merge", "police-transfer", "terminate"), PermittedActions.of(TicketStatus.RETURN_REVIEW, null, DISPATCHER));
        assertEquals(List.of("callback", "terminate"), PermittedActions.of(TicketStatus.REPLIED, null, DISPATCHER));
        assertEquals(List.of("close", "terminate"), PermittedActions.of(TicketStatus.CALLED_BACK, true, DISPATCHER));
        assertEquals(List.of("close", "reopen", "terminate"), PermittedActions.of(TicketStatus.CALLED_BACK, false, DISPATCHER));
        assertEquals(List.of(), PermittedActions.of(TicketStatus.CLOSED, true, DISPATCHER));
    }

    @Test
    void supervisorsChaseOnlyWhatAUnitIsWorkingOn() {
        assertTrue(PermittedActions.of(TicketStatus.SIGNED, null, SUPERVISOR).contains("supervision"));
        assertEquals(List.of(), PermittedActions.of(TicketStatus.REPLIED, null, SUPERVISOR));
    }

    @Test
    void theLeadUnitAsksToPauseOrParkAndResumesAHeldTicket() {
        assertEquals(List.of("progress", "resume"), PermittedActions.of(TicketStatus.PAUSED, null, LEAD));
        assertEquals(List.of("progress", "resume"), PermittedActions.of(TicketStatus.PARKED, null, LEAD));
        assertEquals(List.of("progress"), PermittedActions.of(TicketStatus.PAUSED, null, SUPPORTING));
        var limitsReached = new PermittedActions.Reader(true, true, false, false, true, false, null, false);
        assertEquals(List.of("progress", "reply", "extensions", "park"),
                PermittedActions.of(TicketStatus.IN_PROGRESS, null, limitsReached));
    }

    @Test
    void oneClockRequestAtATimeAndEachDecidedByItsRole() {
        var pendingPause = new PermittedActions.Reader(true, true, false, false, true, false, ClockRequestKind.PAUSE, true);
        assertEquals(List.of("progress", "reply", "return", "extensions"),
                PermittedActions.of(TicketStatus.SIGNED, null, pendingPause));
        var dispatcher = new PermittedActions.Reader(false, false, true, false, true, false, ClockRequestKind.PAUSE, true);
        assertEquals(List.of("merge", "police-transfer", "clock-decision"),
                PermittedActions.of(TicketStatus.SIGNED, null, dispatcher));
        var supervisorOnPause = new PermittedActions.Reader(false, false, false, true, true, false, ClockRequestKind.PAUSE, true);
        assertEquals(List.of("supervision"), PermittedActions.of(TicketStatus.SIGNED, null, supervisorOnPause));
        var supervisorOnPark = new PermittedActions.Reader(false, false, false, true, true, false, ClockRequestKind.PARK, true);
        assertEquals(List.of("supervision", "clock-decision"), PermittedActions.of(TicketStatus.SIGNED, null, supervisorOnPark));
        var dispatcherOnTermination = new PermittedActions.Reader(false, false, true, false, true, false,
                ClockRequestKind.TERMINATE, true);
        assertEquals(List.of("callback"), PermittedActions.of(TicketStatus.REPLIED, null, dispatcherOnTermination));
    }

    @Test
    void aDispatcherPausesEndsAPauseAndProposesTerminationButLeavesParkingToTheUnit() {
        assertEquals(List.of("merge", "police-transfer", "pause", "terminate"),
                PermittedActions.of(TicketStatus.IN_PROGRESS, null, DISPATCHER));
        assertEquals(List.of("merge", "police-transfer", "terminate", "resume"),
                PermittedActions.of(TicketStatus.PAUSED, null, DISPATCHER));
        assertEquals(List.of("merge", "police-transfer", "terminate"), PermittedActions.of(TicketStatus.PARKED, null, DISPATCHER));
        assertEquals(List.of(), PermittedActions.of(TicketStatus.PAUSED, null, SUPERVISOR));
    }

    @Test
    void aTerminatedTicketOffersItsOneReturnCallUntilItIsRecorded() {
        assertEquals(List.of("callback"), PermittedActions.of(TicketStatus.TERMINATED, null, DISPATCHER));
        var calledBack = new PermittedActions.Reader(false, false, true, false, true, false, null, true, true);
        assertEquals(List.of(), PermittedActions.of(TicketStatus.TERMINATED, false, calledBack));
        // Neither a unit nor a supervisor records a return call: the endpoint is a dispatcher's.
        assertEquals(List.of(), PermittedActions.of(TicketStatus.TERMINATED, null, LEAD));
        assertEquals(List.of(), PermittedActions.of(TicketStatus.TERMINATED, null, SUPERVISOR));
    }

    @Test
    void aReturnCallMadeBeforeTheTerminationIsNotItsReturnCall() {
        Instant terminated = Instant.parse("2026-04-14T02:00:00Z");
        assertFalse(TerminatedCallBack.calledBackSince(terminated, terminated.minusSeconds(60)));
        assertFalse(TerminatedCallBack.calledBackSince(terminated, null));
        assertTrue(TerminatedCallBack.calledBackSince(terminated, terminated));
        assertTrue(TerminatedCallBack.calledBackSince(terminated, terminated.plusSeconds(60)));
    }
}
