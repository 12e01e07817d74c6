package org.linkage.router.domain;

/** An action that the ticket's current status does not allow (answered as 409 naming the status). */
public class IllegalTransitionException extends RuntimeException {
    private final TicketStatus current;
    private final TicketAction action;

    public IllegalTransitionException(TicketStatus current, TicketAction action, String why) {
        super(why == null ? action + " is not allowed while the ticket is " + current
                : action + " is not allowed: " + why);
        this.current = current;
        this.action = action;
    }

    public TicketStatus current() {
        return current;
    }

    public TicketAction action() {
        return action;
    }
}
