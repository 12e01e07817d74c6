package org.linkage.router.domain;

import java.util.Optional;

/**
 * Who may appeal a ticket's counting (申诉) and what an appeal must say. Only the lead unit is counted for a ticket,
 * so only it appeals, once per ticket; a supervisor decides, always with a reason, because the decision changes a
 * published ranking.
 */
public final class Appeals {
    private Appeals() {
    }

    public record Refusal(String field, String message) {
    }

    /** The grounds an appeal states: OTHER needs words, any ground may add them. */
    public static Optional<Refusal> checkFiling(AppealGround ground, String reason) {
        if (ground == null) {
            return Optional.of(new Refusal("ground", "申诉理由必填 / the ground is missing"));
        }
        if (ground == AppealGround.OTHER && (reason == null || reason.isBlank())) {
            return Optional.of(new Refusal("reason", "其他理由须写明 / a ground of OTHER needs the reason in words"));
        }
        return Optional.empty();
    }

    /** A ticket can be appealed once it was dispatched to the unit and while the unit is its lead. */
    public static Optional<String> checkTicket(TicketStatus status, boolean dispatched, boolean unitIsLead) {
        if (!unitIsLead) {
            return Optional.of("only the lead unit is counted for a ticket, so only it may appeal");
        }
        if (!dispatched || status == TicketStatus.PENDING_DISPATCH) {
            return Optional.of("the ticket has not been dispatched, so nothing is counted yet");
        }
        return Optional.empty();
    }

    public static Optional<Refusal> checkDecision(String reason) {
        if (reason == null || reason.isBlank()) {
            return Optional.of(new Refusal("reason", "须说明理由 / a decision needs a reason"));
        }
        return Optional.empty();
    }

    /** Only a pending appeal is decided; a decided one stays as it is. */
    public static boolean decidable(AppealStatus current) {
        return current == AppealStatus.PENDING;
    }
}
