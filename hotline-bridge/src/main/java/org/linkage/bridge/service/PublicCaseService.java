package org.linkage.bridge.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.bridge.domain.CaseCodes;
import org.linkage.bridge.domain.CaseStatus;
import org.linkage.bridge.domain.Open311Mapping;
import org.linkage.bridge.repository.Open311Request;
import org.linkage.bridge.repository.Open311Update;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.security.Actor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The caller's own view of their case: ticket number and retrieval code in, status, unit, deadline, public updates
 * and answer out. Built only from the read model, which holds what the router lets out (public notes, the answer)
 * and no caller name, phone or code. A wrong code and an unknown number give the same 404, and cost the same time.
 * The code is checked against a keyed hash ({@link CaseCodes}: without the key, which is not in the database, a
 * stolen table cannot test a guess; online, the limits per ticket and per address leave a guess about one chance in
 * 10^11).
 */
@ApplicationScoped
public class PublicCaseService {
    static final String ENTITY = "public-case";
    /** Checked when the ticket is unknown, so a miss takes as long as a wrong code (of either scheme). */
    private static final String DUMMY_TICKET = "12345-00000000-000000";

    private final LookupLimiter limiter;
    private final AuditTrail audit;
    private final CaseCodes codes;
    private final String dummyHash;

    public PublicCaseService(LookupLimiter limiter, AuditTrail audit, CaseCodes codes) {
        this.limiter = limiter;
        this.audit = audit;
        this.codes = codes;
        this.dummyHash = codes.hash(DUMMY_TICKET, "ZZZZZZZZ");
    }

    public record Label(String zh, String en) {
        static Label of(CaseStatus.Label l) {
            return new Label(l.zh(), l.en());
        }
    }

    public record Update(Instant at, String status, Label statusLabel, String note) {
    }

    public record Department(String nameZh, String nameEn) {
    }

    public record CaseView(String ticketNumber, String status, Label statusLabel, boolean closed, Department department,
                           Instant submittedAt, Instant deadline, Instant updatedAt, String answer,
                           List<Update> updates) {
    }

    /**
     * @param address the client's address as the HTTP layer resolved it (forwarded headers only from trusted proxies)
     */
    public CaseView lookup(String ticketNumber, String code, String address) {
        long wait = limiter.attempt(address, ticketNumber);
        if (wait > 0) {
            audited(ticketNumber, address, "THROTTLED");
            throw new LookupLimiter.TooManyLookups(wait);
        }
        Optional<CaseView> found = QuarkusTransaction.requiringNew().call(() -> {
            Open311Request r = Open311Request.find("serviceRequestId", ticketNumber).firstResult();
            boolean ok;
            if (r == null) {
                codes.matches(ticketNumber, code, dummyHash);   // the same work as a wrong code; never a match
                ok = false;
            } else {
                ok = codes.matches(ticketNumber, code, r.retrievalHash);
            }
            record(ticketNumber, address, ok ? "FOUND" : "NOT_FOUND");
            return ok ? Optional.of(view(r)) : Optional.<CaseView>empty();
        });
        return found.orElseThrow(() -> ProblemException.notFound(
                "没有与该工单号和查询码相符的工单 / No case matches this ticket number and retrieval code."));
    }

    private void audited(String ticketNumber, String address, String outcome) {
        QuarkusTransaction.requiringNew().run(() -> record(ticketNumber, address, outcome));
    }

    private void record(String ticketNumber, String address, String outcome) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("clientAddress", address);
        details.put("outcome", outcome);
        audit.record(new Actor("anonymous:" + address, Set.of(), null), ENTITY, ticketNumber, "CASE_LOOKUP", null,
                details);
    }

    private static CaseView view(Open311Request r) {
        List<Update> updates = new ArrayList<>();
        String previous = null;
        for (Open311Update u : Open311Update.<Open311Update>list("ticketId = ?1 order by id", r.ticketId)) {
            String status = u.ticketStatus;
            // repeats of a status with nothing to say (delivery reports, internal steps) are not news to the caller
            if (u.publicNote != null || (status != null && !status.equals(previous))) {
                updates.add(new Update(u.updatedAt, status, status == null ? null : Label.of(CaseStatus.of(status)),
                        u.publicNote));
            }
            if (status != null) {
                previous = status;
            }
        }
        return new CaseView(r.serviceRequestId, r.ticketStatus, Label.of(CaseStatus.of(r.ticketStatus)),
                "closed".equals(Open311Mapping.status(r.ticketStatus)),
                new Department(r.departmentNameZh, r.departmentNameEn), r.requestedAt, r.expectedAt, r.updatedAt,
                r.answer, updates);
    }
}
