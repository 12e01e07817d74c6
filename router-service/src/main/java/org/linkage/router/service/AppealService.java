package org.linkage.router.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.security.Actor;
import org.linkage.commons.security.Roles;
import org.linkage.router.domain.AppealGround;
import org.linkage.router.domain.AppealStatus;
import org.linkage.router.domain.Appeals;
import org.linkage.router.repository.Appeal;
import org.linkage.router.repository.Ticket;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Appeals (申诉): the lead unit disputes that a ticket counts in its figures; a supervisor accepts or rejects it with a
 * reason. An accepted appeal takes the ticket out of that unit's rankings and unit statistics (the queries read the
 * {@code appeal} table). A unit sees and files appeals for its own tickets only: another unit's ticket answers 404 as
 * everywhere. Each step is on the ticket's history and in the audit trail ({@code appeal}: FILE, ACCEPT, REJECT).
 */
@ApplicationScoped
public class AppealService {
    public static final String ENTITY = "appeal";

    public record AppealView(UUID id, UUID ticketId, String ticketNumber, String categoryCode, String ticketStatus,
                             String departmentCode, String ground, String groundZh, String reason, String status,
                             String filedBy, Instant filedAt, String decidedBy, Instant decidedAt,
                             String decisionReason) {
    }

    /** A ticket's appeals as the reader may see them, and whether the reader may file one now. */
    public record TicketAppeals(boolean mayFile, List<AppealView> appeals) {
    }

    private final TicketAccess access;
    private final TicketRecorder recorder;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    public AppealService(TicketAccess access, TicketRecorder recorder, AuditTrail audit, Clock clock,
                         org.linkage.router.config.RouterConfig config) {
        this.access = access;
        this.recorder = recorder;
        this.audit = audit;
        this.clock = clock;
        this.zone = ZoneId.of(config.zone());
    }

    @Transactional
    public AppealView file(String ref, Actor actor, AppealGround ground, String reason) {
        Ticket t = access.write(ref, actor);
        String unit = TicketAccess.unitOf(actor).filter(u -> !u.isEmpty()).orElseThrow(() ->
                ProblemException.forbidden("only a unit's agent appeals the counting of its own ticket"));
        Appeals.checkFiling(ground, reason).ifPresent(r -> {
            throw ProblemException.badRequest(r.field(), r.message());
        });
        if (!unit.equals(t.leadDepartmentCode)) {
            throw ProblemException.forbidden("only the lead unit " + t.leadDepartmentCode
                    + " is counted for this ticket, so only it may appeal");
        }
        Appeals.checkTicket(t.status, t.dispatchedAt != null, true).ifPresent(why -> {
            throw ProblemException.conflict(why, Map.of("currentStatus", t.status.name()));
        });
        Optional<Appeal> earlier = Appeal.of(t.id, unit);
        if (earlier.isPresent()) {
            throw ProblemException.conflict("the unit has already appealed this ticket (" + earlier.get().status
                    + "); a ticket is appealed once", Map.of("appealId", earlier.get().id.toString(),
                    "appealStatus", earlier.get().status.name()));
        }
        Appeal a = new Appeal();
        a.id = UUID.randomUUID();
        a.ticketId = t.id;
        a.departmentCode = unit;
        a.ground = ground;
        a.reason = reason == null || reason.isBlank() ? null : reason.strip();
        a.status = AppealStatus.PENDING;
        a.filedBy = actor.name();
        a.filedAt = clock.instant();
        a.persist();
        recorder.history(t, "APPEAL_FILED", t.status, actor, "申诉（" + ground.nameZh() + "）"
                + (a.reason == null ? "" : "：" + a.reason));
        audit.record(actor, ENTITY, a.id, "FILE", a.reason, details(a, t));
        return view(a, t);
    }

    @Transactional
    public AppealView decide(UUID id, Actor actor, boolean accept, String reason) {
        Appeals.checkDecision(reason).ifPresent(r -> {
            throw ProblemException.badRequest(r.field(), r.message());
        });
        Appeal a = Appeal.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw ProblemException.notFound("no appeal " + id);
        }
        if (!Appeals.decidable(a.status)) {
            throw ProblemException.conflict("the appeal was already decided (" + a.status + ")",
                    Map.of("appealStatus", a.status.name()));
        }
        a.status = AppealStatus.decided(accept);
        a.decidedBy = actor.name();
        a.decidedAt = clock.instant();
        a.decisionReason = reason.strip();
        Ticket t = Ticket.findById(a.ticketId);
        recorder.history(t, accept ? "APPEAL_ACCEPTED" : "APPEAL_REJECTED", t.status, actor,
                (accept ? "申诉成立，不计入 " : "申诉不成立，仍计入 ") + a.departmentCode + "：" + a.decisionReason);
        audit.record(actor, ENTITY, a.id, accept ? "ACCEPT" : "REJECT", a.decisionReason, details(a, t));
        return view(a, t);
    }

    @Transactional
    public TicketAppeals ofTicket(String ref, Actor actor) {
        Ticket t = access.read(ref, actor);
        Optional<String> unit = TicketAccess.unitOf(actor);
        List<AppealView> views = new ArrayList<>();
        for (Appeal a : Appeal.ofTicket(t.id)) {
            if (unit.isEmpty() || unit.get().equals(a.departmentCode)) {
                views.add(view(a, t));
            }
        }
        boolean mayFile = actor.hasRole(Roles.DEPT_AGENT) && unit.isPresent() && !unit.get().isEmpty()
                && Appeals.checkTicket(t.status, t.dispatchedAt != null, unit.get().equals(t.leadDepartmentCode)).isEmpty()
                && Appeal.of(t.id, unit.get()).isEmpty();
        return new TicketAppeals(mayFile, views);
    }

    /**
     * Appeals by status (all when null), oldest first, optionally of the tickets received in one month; a unit's
     * agent sees its own unit's only.
     */
    @Transactional
    public List<AppealView> list(AppealStatus status, YearMonth month, Actor actor, int size) {
        Optional<String> unit = TicketAccess.unitOf(actor);
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.append(" and a.status = :status");
            params.put("status", status);
        }
        if (unit.isPresent()) {
            where.append(" and a.departmentCode = :unit");
            params.put("unit", unit.get());
        }
        if (month != null) {
            where.append(" and t.createdAt >= :from and t.createdAt < :to");
            params.put("from", start(month));
            params.put("to", start(month.plusMonths(1)));
        }
        var q = Appeal.getEntityManager().createQuery("select a, t from Appeal a, Ticket t where t.id = a.ticketId and "
                + where + " order by a.filedAt, a.id", Object[].class).setMaxResults(size);
        params.forEach(q::setParameter);
        List<AppealView> views = new ArrayList<>();
        for (Object[] row : q.getResultList()) {
            views.add(view((Appeal) row[0], (Ticket) row[1]));
        }
        return views;
    }

    private Instant start(YearMonth month) {
        return LocalDate.of(month.getYear(), month.getMonth(), 1).atStartOfDay(zone).toInstant();
    }

    private static Map<String, Object> details(Appeal a, Ticket t) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("ticketNumber", t.ticketNumber);
        d.put("department", a.departmentCode);
        d.put("ground", a.ground.name());
        d.put("status", a.status.name());
        return d;
    }

    static AppealView view(Appeal a, Ticket t) {
        return new AppealView(a.id, a.ticketId, t.ticketNumber, t.categoryCode, t.status.name(), a.departmentCode,
                a.ground.name(), a.ground.nameZh(), a.reason, a.status.name(), a.filedBy, a.filedAt, a.decidedBy,
                a.decidedAt, a.decisionReason);
    }
}
