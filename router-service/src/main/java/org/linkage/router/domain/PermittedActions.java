package org.linkage.router.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reader may do to a ticket right now, named as the API's action paths ({@code sign}, {@code reply},
 * {@code callback}, ...), so a console shows only the buttons the lifecycle and the reader's role allow.
 * The lifecycle table stays the one source of the transitions; this adds who may take each and the few
 * extra conditions the services check (lead unit, return window, unsatisfied call-back, the one return call of a
 * terminated ticket).
 */
public final class PermittedActions {
    /**
     * @param agent           a department agent of a unit on the ticket
     * @param lead            that unit is the lead unit
     * @param returnWindowOpen the return window has not closed (or there is none)
     * @param pendingExtension an extension request awaits a supervisor
     * @param pendingClock     the kind of the clock request (挂起 / 挂账 / 终止办理) awaiting a decision, or null
     * @param pauseAvailable   the pause limits ({@link ClockPolicy}) leave room for another pause
     * @param calledBackSinceTermination a terminated ticket's one return call is on record
     *                                   ({@link TerminatedCallBack#calledBackSince})
     */
    public record Reader(boolean agent, boolean lead, boolean dispatcher, boolean supervisor, boolean returnWindowOpen,
                         boolean pendingExtension, ClockRequestKind pendingClock, boolean pauseAvailable,
                         boolean calledBackSinceTermination) {
        /** A reader of a ticket that was not terminated, or whose termination still awaits its return call. */
        public Reader(boolean agent, boolean lead, boolean dispatcher, boolean supervisor, boolean returnWindowOpen,
                      boolean pendingExtension, ClockRequestKind pendingClock, boolean pauseAvailable) {
            this(agent, lead, dispatcher, supervisor, returnWindowOpen, pendingExtension, pendingClock, pauseAvailable,
                    false);
        }

        /** A reader of a ticket without a pending clock request and with pauses left. */
        public Reader(boolean agent, boolean lead, boolean dispatcher, boolean supervisor, boolean returnWindowOpen,
                      boolean pendingExtension) {
            this(agent, lead, dispatcher, supervisor, returnWindowOpen, pendingExtension, null, true);
        }
    }

    private PermittedActions() {
    }

    public static List<String> of(TicketStatus status, Boolean satisfied, Reader reader) {
        List<String> actions = new ArrayList<>();
        if (reader.agent()) {
            if (reader.lead() && TicketLifecycle.allows(status, TicketAction.SIGN)) {
                actions.add("sign");
            }
            if (TicketLifecycle.allows(status, TicketAction.PROGRESS)) {
                actions.add("progress");
            }
            if (reader.lead() && TicketLifecycle.allows(status, TicketAction.REPLY)) {
                actions.add("reply");
            }
            if (reader.lead() && reader.returnWindowOpen() && TicketLifecycle.allows(status, TicketAction.RETURN)) {
                actions.add("return");
            }
            if (reader.lead() && !reader.pendingExtension()
                    && (status == TicketStatus.SIGNED || status == TicketStatus.IN_PROGRESS)) {
                actions.add("extensions");
            }
            if (reader.lead()) {
                clockRequests(status, reader, actions, true);
                if (TicketLifecycle.allows(status, TicketAction.RESUME)) {
                    actions.add("resume");
                }
            }
        }
        if (reader.dispatcher()) {
            if (TicketLifecycle.allows(status, TicketAction.DISPATCH)) {
                actions.add("assign");
            }
            if (TicketLifecycle.allows(status, TicketAction.REDISPATCH)) {
                actions.add("redispatch");
            }
            if (TicketLifecycle.allows(status, TicketAction.UPHOLD)) {
                actions.add("uphold");
            }
            // A terminated ticket stays TERMINATED, so the lifecycle has no edge for its return call: the call that
            // tells the caller handling ended is offered until it is recorded (TicketService.callBack takes it).
            if (TicketLifecycle.allows(status, TicketAction.CALL_BACK) || status == TicketStatus.TERMINATED
                    && TerminatedCallBack.refusal(reader.calledBackSinceTermination()).isEmpty()) {
                actions.add("callback");
            }
            if (TicketLifecycle.allows(status, TicketAction.CLOSE)) {
                actions.add("close");
            }
            if (TicketLifecycle.allows(status, TicketAction.REOPEN) && Boolean.FALSE.equals(satisfied)) {
                actions.add("reopen");
            }
            if (TicketLifecycle.allows(status, TicketAction.MERGE)) {
                actions.add("merge");
            }
            if (TicketLifecycle.allows(status, TicketAction.TRANSFER_TO_POLICE)) {
                actions.add("police-transfer");
            }
            clockRequests(status, reader, actions, false);
            if (status == TicketStatus.PAUSED) {
                actions.add("resume");
            }
            if (reader.pendingClock() != null && !reader.pendingClock().decidedBySupervisor()) {
                actions.add("clock-decision");
            }
        }
        if (reader.supervisor() && status.awaitsDepartment()) {
            actions.add("supervision");
        }
        if (reader.supervisor() && reader.pendingClock() != null && reader.pendingClock().decidedBySupervisor()) {
            actions.add("clock-decision");
        }
        return List.copyOf(actions.stream().distinct().toList());
    }

    /**
     * The clock requests a reader may file now, one pending request at a time: the lead unit asks to pause or park,
     * a dispatcher may pause (waiting for the caller) and proposes termination.
     */
    private static void clockRequests(TicketStatus status, Reader reader, List<String> actions, boolean unit) {
        if (reader.pendingClock() != null) {
            return;
        }
        if (reader.pauseAvailable() && TicketLifecycle.allows(status, TicketAction.PAUSE)) {
            actions.add("pause");
        }
        if (unit && TicketLifecycle.allows(status, TicketAction.PARK)) {
            actions.add("park");
        }
        if (!unit && TicketLifecycle.allows(status, TicketAction.TERMINATE)) {
            actions.add("terminate");
        }
    }
}
