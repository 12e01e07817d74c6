package org.linkage.router.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import static org.linkage.router.domain.TicketAction.*;
import static org.linkage.router.domain.TicketStatus.*;

/**
 * The ticket state machine. The table is the single source of truth: services ask it before
 * changing a status, so no code path can move a ticket along an edge that is not listed here.
 */
public final class TicketLifecycle {
    private static final Map<TicketStatus, Map<TicketAction, TicketStatus>> EDGES = new EnumMap<>(TicketStatus.class);

    static {
        edge(PENDING_DISPATCH, DISPATCH, DISPATCHED);
        edge(DISPATCHED, SIGN, SIGNED);
        edge(DISPATCHED, RETURN, RETURN_REVIEW);
        edge(SIGNED, PROGRESS, IN_PROGRESS);
        edge(SIGNED, REPLY, REPLIED);
        edge(SIGNED, RETURN, RETURN_REVIEW);
        edge(IN_PROGRESS, PROGRESS, IN_PROGRESS);
        edge(IN_PROGRESS, REPLY, REPLIED);
        edge(RETURN_REVIEW, UPHOLD, DISPATCHED);
        edge(RETURN_REVIEW, REDISPATCH, DISPATCHED);
        edge(REPLIED, CALL_BACK, CALLED_BACK);
        edge(CALLED_BACK, CLOSE, CLOSED);
        edge(CALLED_BACK, REOPEN, IN_PROGRESS);
        // The clock: a ticket the unit has signed for may be paused or parked; either way it comes back
        // IN_PROGRESS, and the unit may keep adding progress notes meanwhile.
        for (TicketStatus s : Set.of(SIGNED, IN_PROGRESS)) {
            edge(s, PAUSE, PAUSED);
            edge(s, PARK, PARKED);
        }
        for (TicketStatus s : Set.of(PAUSED, PARKED)) {
            edge(s, RESUME, IN_PROGRESS);
            edge(s, PROGRESS, s);
        }
        // Terminated after review at any point before the end, also after a reply when the caller
        // refuses the return call.
        for (TicketStatus s : TicketStatus.values()) {
            if (!s.isFinal()) {
                edge(s, TERMINATE, TERMINATED);
            }
        }
        // A duplicate can be folded into its master, and a police matter handed back to 110, at
        // any point before the department has answered.
        for (TicketStatus s : Set.of(PENDING_DISPATCH, DISPATCHED, SIGNED, IN_PROGRESS, RETURN_REVIEW, PAUSED, PARKED)) {
            edge(s, MERGE, MERGED);
            edge(s, TRANSFER_TO_POLICE, TRANSFERRED_TO_POLICE);
        }
    }

    private TicketLifecycle() {
    }

    private static void edge(TicketStatus from, TicketAction action, TicketStatus to) {
        EDGES.computeIfAbsent(from, k -> new EnumMap<>(TicketAction.class)).put(action, to);
    }

    /** The status {@code action} leads to from {@code current}, or an {@link IllegalTransitionException}. */
    public static TicketStatus next(TicketStatus current, TicketAction action) {
        TicketStatus to = EDGES.getOrDefault(current, Map.of()).get(action);
        if (to == null) {
            throw new IllegalTransitionException(current, action, null);
        }
        return to;
    }

    public static boolean allows(TicketStatus current, TicketAction action) {
        return EDGES.getOrDefault(current, Map.of()).containsKey(action);
    }
}
