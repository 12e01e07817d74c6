package org.linkage.router.domain;

/**
 * Who may read a note on a ticket (issue 10, item 6). {@code INTERNAL} notes stay with the hotline and its units:
 * the ticket's history, the audit trail and the console. Only {@code PUBLIC} notes, and the unit's answer, leave
 * the router on the ticket's events, so only they reach 110, Open311 clients, the caller's case look-up and receipts.
 */
public enum NoteVisibility {
    PUBLIC,
    INTERNAL;

    /** A note nobody marked is internal: telling a caller too much cannot be undone, telling too little can. */
    public static NoteVisibility orInternal(NoteVisibility v) {
        return v == null ? INTERNAL : v;
    }

    /** The text a caller may read, or null. */
    public static String publicText(String note, NoteVisibility v) {
        return v == PUBLIC && note != null && !note.isBlank() ? note : null;
    }
}
