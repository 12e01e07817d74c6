package org.linkage.router.domain;

import org.linkage.events.Urgency;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Every deadline a ticket carries, in one place, from plain values:
 * <ul>
 *   <li><b>sign-by</b> and <b>resolve-by</b> on each dispatch: the earlier of the catalogue rule's limit and the
 *       ticket urgency's limit (an urgent ticket never waits longer than its urgency allows, a strict rule is never
 *       relaxed by a mild urgency);</li>
 *   <li><b>return-by</b> on each dispatch: the unit may return (退单) the ticket until the return window closes;</li>
 *   <li><b>extension</b> (延期): a requested resolve-by must lie after the current one; once approved it is the new
 *       resolve-by;</li>
 *   <li><b>reopen</b>: a ticket reopened after an unsatisfied return call gets a fresh resolve-by.</li>
 * </ul>
 * Limits count from the given instant on the given business calendar (see {@link TimeLimit}).
 */
public record Deadlines(Map<Urgency, UrgencyLimits> byUrgency, TimeLimit returnWindow, TimeLimit reopenResolve) {

    /** The sign and resolve limits an urgency allows at most. */
    public record UrgencyLimits(TimeLimit sign, TimeLimit resolve) {
        public UrgencyLimits {
            Objects.requireNonNull(sign, "sign");
            Objects.requireNonNull(resolve, "resolve");
        }
    }

    /** The deadlines a dispatch sets. */
    public record OnDispatch(Instant signBy, Instant resolveBy, Instant returnBy) {
    }

    public Deadlines {
        Objects.requireNonNull(returnWindow, "returnWindow");
        Objects.requireNonNull(reopenResolve, "reopenResolve");
        Map<Urgency, UrgencyLimits> copy = new EnumMap<>(Urgency.class);
        copy.putAll(byUrgency);
        for (Urgency u : Urgency.values()) {
            if (copy.get(u) == null) {
                throw new IllegalArgumentException("no sign and resolve limits for urgency " + u);
            }
        }
        byUrgency = Map.copyOf(copy);
    }

    /** Sign-by, resolve-by and return-by of a ticket dispatched at {@code dispatchedAt} under a rule's limits. */
    public OnDispatch onDispatch(Instant dispatchedAt, Urgency urgency, TimeLimit ruleSign, TimeLimit ruleResolve,
                                 BusinessCalendar calendar) {
        UrgencyLimits limits = byUrgency.get(Objects.requireNonNull(urgency, "urgency"));
        Instant signBy = earlier(ruleSign.from(dispatchedAt, calendar), limits.sign().from(dispatchedAt, calendar));
        Instant resolveBy = earlier(ruleResolve.from(dispatchedAt, calendar), limits.resolve().from(dispatchedAt, calendar));
        return new OnDispatch(signBy, resolveBy, returnWindow.from(dispatchedAt, calendar));
    }

    /** The fresh resolve-by of a ticket reopened at {@code reopenedAt}. */
    public Instant resolveByAfterReopen(Instant reopenedAt, BusinessCalendar calendar) {
        return reopenResolve.from(reopenedAt, calendar);
    }

    /** Whether the unit may still return the ticket at {@code now}; a ticket without a return-by may always be returned. */
    public static boolean mayReturn(Instant returnBy, Instant now) {
        return returnBy == null || !now.isAfter(returnBy);
    }

    /** Whether {@code requested} extends {@code currentResolveBy}; a ticket without a resolve-by may take any. */
    public static boolean isExtension(Instant currentResolveBy, Instant requested) {
        return currentResolveBy == null || requested.isAfter(currentResolveBy);
    }

    /** The resolve-by once an extension to {@code requested} is approved. */
    public static Instant resolveByAfterExtension(Instant requested) {
        return Objects.requireNonNull(requested, "requested");
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
