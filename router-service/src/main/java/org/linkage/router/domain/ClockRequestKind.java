package org.linkage.router.domain;

/** What a clock request (挂起 / 挂账 / 终止办理) asks for; each is decided by one role. */
public enum ClockRequestKind {
    /** 挂起: a dispatcher decides, since it is about contact with the caller or a third party. */
    PAUSE(TicketAction.PAUSE, "pause"),
    /** 挂账: a supervisor decides, since the ticket leaves the overdue figures until its plan date. */
    PARK(TicketAction.PARK, "park"),
    /** 终止办理: a dispatcher proposes after review, a supervisor decides. */
    TERMINATE(TicketAction.TERMINATE, "terminate");

    private final TicketAction action;
    private final String path;

    ClockRequestKind(TicketAction action, String path) {
        this.action = action;
        this.path = path;
    }

    /** The lifecycle action an approval takes. */
    public TicketAction action() {
        return action;
    }

    /** The API path of the request ({@code pause}, {@code park}, {@code terminate}). */
    public String path() {
        return path;
    }

    /** A dispatcher decides a pause; parking and termination take a supervisor. */
    public boolean decidedBySupervisor() {
        return this != PAUSE;
    }

    public static ClockRequestKind ofPath(String path) {
        for (ClockRequestKind k : values()) {
            if (k.path.equals(path)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no clock request kind " + path);
    }
}
