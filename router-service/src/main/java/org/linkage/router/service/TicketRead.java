package org.linkage.router.service;

import org.linkage.router.domain.UnitRole;
import org.linkage.router.repository.Department;
import org.linkage.router.repository.Ticket;
import org.linkage.router.repository.TicketHistory;

import java.util.List;

/**
 * A ticket as one reader may see it, read in the reader's transaction: the entity with what the page needs beside it.
 * The caller's name and phone are already masked where the reader may not see them, so whatever shows this record
 * cannot show more than the rules allow.
 *
 * @param units              the ticket's units (lead and supporting), by department code
 * @param ruleVersion        the version of the dispatch rule that routed it, if a rule did
 * @param duplicateOfNumber  the ticket number of the possible original, when flagged as a possible duplicate
 * @param masterTicketNumber the ticket number it was merged into
 * @param history            on the one-ticket read, its history, oldest first; null in lists
 * @param permittedActions   on the one-ticket read, the action paths the reader may take now; null in lists
 * @param clock              on the one-ticket read, its resolve clock; null in lists
 * @param callerMediaUrl     the caller's photo link; null where the reader may not see the contact of a confidential
 *                           ticket (a link to a caller's own album can give away who reported)
 */
public record TicketRead(Ticket ticket, String callerName, String callerPhone, boolean phoneMasked, List<Unit> units,
                         Integer ruleVersion, String duplicateOfNumber, String masterTicketNumber,
                         List<TicketHistory> history, List<String> permittedActions, TicketClocks.State clock,
                         String callerMediaUrl) {

    public TicketRead with(List<String> actions, TicketClocks.State state) {
        return new TicketRead(ticket, callerName, callerPhone, phoneMasked, units, ruleVersion, duplicateOfNumber,
                masterTicketNumber, history, actions, state, callerMediaUrl);
    }

    public record Unit(Department department, UnitRole role) {
    }

    public record Page(long total, int page, int size, List<TicketRead> items) {
    }
}
