package org.linkage.router.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.security.Actor;
import org.linkage.router.repository.DispatchRule;
import org.linkage.router.repository.District;
import org.linkage.router.repository.Ticket;

import java.util.Set;

/** What the hotline bridge does on behalf of department systems and Open311 clients. */
@ApplicationScoped
public class IntegrationService {
    /** Police categories of the shared taxonomy: a 12345 request in one of these goes back to 110. */
    public static final Set<String> POLICE_CATEGORIES = Set.of("CRIME", "PUBLIC_ORDER", "TRAFFIC_ACCIDENT", "FRAUD",
            "DANGER_TO_LIFE", "MISSING_PERSON", "MASS_INCIDENT", "POLICE_CONDUCT");

    private final DispatchService dispatch;
    private final TicketService tickets;

    public IntegrationService(DispatchService dispatch, TicketService tickets) {
        this.dispatch = dispatch;
        this.tickets = tickets;
    }

    /** A request that reached 12345 directly; a police matter is created and handed to 110 at once. */
    @Transactional
    public Ticket createRequest(TicketDraft draft, Actor actor) {
        boolean police = POLICE_CATEGORIES.contains(draft.categoryCode());
        if (!police && DispatchRule.currentFor(draft.categoryCode()).isEmpty()) {
            throw ProblemException.badRequest("categoryCode", "unknown category " + draft.categoryCode());
        }
        if (draft.districtCode() != null && District.findById(draft.districtCode()) == null) {
            throw ProblemException.badRequest("districtCode", "unknown district " + draft.districtCode());
        }
        Ticket t = dispatch.create(draft, actor, !police);
        if (police) {
            tickets.transfer(t, actor, "police matter (" + draft.categoryCode() + ") received on 12345", "OPEN311");
        }
        return t;
    }
}
