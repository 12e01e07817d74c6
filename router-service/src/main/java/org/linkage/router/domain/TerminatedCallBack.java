package org.linkage.router.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * The return call (回访) that follows a termination (终止办理). The ticket stays TERMINATED; the call records that
 * handling was terminated, on which ground and for what approved reason, beside what the caller said. Because a
 * termination is reviewed and approved (the demand was unlawful, or the caller refused all contact), the caller's
 * verdict is kept on the record but not counted in the unit's resolution and satisfaction rates, as an accepted
 * appeal on an unreasonable demand is not.
 */
public final class TerminatedCallBack {
    private TerminatedCallBack() {
    }

    /**
     * Whether the one return call of a termination is on record: a call made before the ticket was terminated (a
     * 回访 the termination then overtook) does not count, since it could not tell the caller that handling ended.
     */
    public static boolean calledBackSince(Instant terminatedAt, Instant calledBackAt) {
        return terminatedAt != null && calledBackAt != null && !calledBackAt.isBefore(terminatedAt);
    }

    /** Why the call may not be recorded now, or empty: a terminated ticket is called back once, after termination. */
    public static Optional<String> refusal(boolean calledBackSinceTermination) {
        return calledBackSinceTermination
                ? Optional.of("已回访：终止办理的工单只回访一次 / the terminated ticket has been called back already")
                : Optional.empty();
    }

    /** The history note of the call: the termination first, then the caller's verdict and the dispatcher's note. */
    public static String note(TerminationGround ground, String approvedReason, boolean satisfied, boolean solved,
                              String note) {
        return "终止办理（" + (ground == null ? "" : ground.nameZh()) + "）："
                + (approvedReason == null ? "" : approvedReason) + " / terminated"
                + (ground == null ? "" : " (" + ground.name() + ")") + "; "
                + (satisfied ? "satisfied" : "unsatisfied") + ", " + (solved ? "solved" : "not solved")
                + "; 不计入单位满意率、解决率 / not counted in the unit's rates"
                + (note == null || note.isBlank() ? "" : ": " + note);
    }

    /** Whether a ticket in {@code status} counts its return call in the unit's rates. */
    public static boolean counted(TicketStatus status) {
        return status != TicketStatus.TERMINATED;
    }
}
