package org.linkage.router.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.security.Actor;
import org.linkage.commons.security.Roles;
import org.linkage.router.repository.Ticket;
import org.linkage.router.repository.TicketUnit;

import java.util.Optional;
import java.util.UUID;

/**
 * Object-level authorization. A department agent (or the bridge acting for a department) sees a
 * ticket only when their unit is its lead or a supporting unit; any other ticket answers 404
 * exactly as a missing one does, so ticket numbers of other units cannot be probed.
 */
@ApplicationScoped
public class TicketAccess {

    /** The unit whose tickets the actor is limited to, or empty when the actor sees all tickets. */
    public static Optional<String> unitOf(Actor actor) {
        boolean limited = actor.hasRole(Roles.DEPT_AGENT) && !actor.hasRole(Roles.DISPATCHER)
                && !actor.hasRole(Roles.SUPERVISOR) || actor.hasRole(Roles.BRIDGE_SERVICE) && actor.department() != null;
        if (!limited) {
            return Optional.empty();
        }
        // An agent whose token lacks the claim is limited to no unit at all rather than to every unit.
        return Optional.of(actor.department() == null ? "" : actor.department());
    }

    public Ticket read(String ref, Actor actor) {
        return load(ref, actor, false);
    }

    /** Loads for a change, holding the row lock so the supervision run and other writers wait. */
    public Ticket write(String ref, Actor actor) {
        return load(ref, actor, true);
    }

    /** Two tickets changed together, e.g. by a merge; {@code first()} is {@code ref}, {@code second()} is {@code otherRef}. */
    public record Pair(Ticket first, Ticket second) {
    }

    /**
     * Loads two tickets for one change, locking them in id order whichever role each plays, so two
     * changes of the same pair in opposite roles (A into B and B into A) queue one behind the other
     * instead of deadlocking; the second then sees what the first did.
     */
    public Pair writePair(String ref, String otherRef, Actor actor) {
        Ticket first = read(ref, actor);
        Ticket second = read(otherRef, actor);
        boolean inOrder = first.id.compareTo(second.id) <= 0;
        lock(inOrder ? first : second);
        lock(inOrder ? second : first);
        return new Pair(first, second);
    }

    private Ticket load(String ref, Actor actor, boolean lock) {
        Ticket t = find(ref, lock);
        if (t == null) {
            throw ProblemException.notFound("no ticket " + ref);
        }
        Optional<String> unit = unitOf(actor);
        if (unit.isPresent() && !TicketUnit.involves(t.id, unit.get())) {
            throw ProblemException.notFound("no ticket " + ref);
        }
        return t;
    }

    /** For lead-only actions (sign, reply, return, extension): a supporting unit may look but not act. */
    public void requireLead(Ticket t, Actor actor) {
        Optional<String> unit = unitOf(actor);
        if (unit.isPresent() && !unit.get().equals(t.leadDepartmentCode)) {
            throw ProblemException.forbidden("only the lead unit " + t.leadDepartmentCode + " may do this");
        }
    }

    private static Ticket find(String ref, boolean lock) {
        UUID id = null;
        try {
            id = UUID.fromString(ref);
        } catch (IllegalArgumentException notAnId) {
            // a ticket number
        }
        Ticket t = id != null ? Ticket.findById(id) : Ticket.byNumber(ref).orElse(null);
        if (t != null && lock) {
            lock(t);
        }
        return t;
    }

    /** Takes the row lock and reloads the ticket as it stands under it. */
    private static void lock(Ticket t) {
        Ticket.getEntityManager().refresh(t, LockModeType.PESSIMISTIC_WRITE);
    }
}
