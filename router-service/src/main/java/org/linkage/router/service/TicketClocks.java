package org.linkage.router.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.linkage.commons.problem.Problem;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.security.Actor;
import org.linkage.commons.security.Roles;
import org.linkage.router.config.RouterConfig;
import org.linkage.router.domain.BusinessCalendar;
import org.linkage.router.domain.ClockPolicy;
import org.linkage.router.domain.ClockRequestKind;
import org.linkage.router.domain.ClockRequestStatus;
import org.linkage.router.domain.TerminationGround;
import org.linkage.router.domain.TicketAction;
import org.linkage.router.domain.TicketLifecycle;
import org.linkage.router.domain.TicketStatus;
import org.linkage.router.repository.ClockRequest;
import org.linkage.router.repository.Ticket;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Fair clocks: 挂起 (pause), 挂账 (park) and 终止办理 (terminate). Each is asked for, then decided by the role
 * {@link ClockRequestKind} names; an approval moves the ticket through the lifecycle. While a ticket is PAUSED or
 * PARKED no deadline is in force, so the supervision ladder leaves it alone and the statistics do not count it
 * overdue; when the clock runs again the resolve deadline moves by the paused time ({@link ClockPolicy}) or, back from
 * parking, starts afresh. Every step is on the ticket's history and the audit trail, and each status change goes to
 * intake and the bridge as TicketStatusChanged.
 * <p>
 * Pauses end by themselves at their approved end, and parked tickets return on their plan date, through
 * {@link #resumeDue()}: safe with several router instances, since each ticket is claimed with FOR UPDATE SKIP LOCKED
 * and re-checked under the lock (a ticket another instance already resumed is no longer held, so nothing happens
 * twice).
 */
@ApplicationScoped
public class TicketClocks {
    public static final String SYSTEM = "clocks";
    private static final Logger LOG = Logger.getLogger(TicketClocks.class);
    private static final int BATCH = 200;

    private final TicketAccess access;
    private final TicketRecorder recorder;
    private final SupervisionService supervision;
    private final CalendarService calendars;
    private final ClockPolicy policy;
    private final EntityManager em;
    private final Clock clock;
    private final RouterConfig.Clocks config;

    public TicketClocks(TicketAccess access, TicketRecorder recorder, SupervisionService supervision,
                        CalendarService calendars, ClockPolicy policy, EntityManager em, Clock clock, RouterConfig config) {
        this.access = access;
        this.recorder = recorder;
        this.supervision = supervision;
        this.calendars = calendars;
        this.policy = policy;
        this.em = em;
        this.clock = clock;
        this.config = config.clocks();
    }

    /** 挂起 asked for by the lead unit or a dispatcher, with a reason and the end it needs. */
    @Transactional
    public ClockRequest requestPause(String ref, Actor actor, String reason, Instant until) {
        Ticket t = access.write(ref, actor);
        access.requireLead(t, actor);
        requireAllowed(t, TicketAction.PAUSE);
        requireNonePending(t);
        ClockRequest.PauseUse used = ClockRequest.pauses(t.id);
        refuse(policy.checkPause(used.count(), used.total(), clock.instant(), until));
        ClockRequest x = request(t, ClockRequestKind.PAUSE, actor, reason);
        x.pauseUntil = until;
        x.persist();
        recorder.history(t, "PAUSE_REQUESTED", t.status, actor, reason + " (挂起至 " + until + ")");
        return x;
    }

    /** 挂账 asked for by the lead unit, with a reason and the plan date. */
    @Transactional
    public ClockRequest requestPark(String ref, Actor actor, String reason, LocalDate planDate) {
        Ticket t = access.write(ref, actor);
        access.requireLead(t, actor);
        requireAllowed(t, TicketAction.PARK);
        requireNonePending(t);
        refuse(policy.checkPark(planDate, today()));
        ClockRequest x = request(t, ClockRequestKind.PARK, actor, reason);
        x.planDate = planDate;
        x.persist();
        recorder.history(t, "PARK_REQUESTED", t.status, actor, reason + " (计划 " + planDate + ")");
        return x;
    }

    /** 终止办理 proposed by a dispatcher after review, with its ground; a supervisor decides. */
    @Transactional
    public ClockRequest proposeTermination(String ref, Actor actor, TerminationGround ground, String reason) {
        Ticket t = access.write(ref, actor);
        requireAllowed(t, TicketAction.TERMINATE);
        requireNonePending(t);
        ClockRequest x = request(t, ClockRequestKind.TERMINATE, actor, reason);
        x.ground = ground;
        x.persist();
        recorder.history(t, "TERMINATION_PROPOSED", t.status, actor, ground.nameZh() + ": " + reason);
        return x;
    }

    /**
     * Decides the ticket's pending clock request. {@code requestId}, when given, must be that request, so a decision
     * made on a page that is out of date does not land on a newer request.
     */
    @Transactional
    public ClockRequest decide(String ref, Actor actor, UUID requestId, boolean approve, String note) {
        Ticket t = access.write(ref, actor);
        ClockRequest x = ClockRequest.pending(t.id).orElseThrow(() -> ProblemException.conflict(
                "no clock request awaits a decision on ticket " + t.ticketNumber, Map.of("currentStatus", t.status.name())));
        if (requestId != null && !requestId.equals(x.id)) {
            throw ProblemException.conflict("the pending clock request is " + x.id + ", not " + requestId,
                    Map.of("currentStatus", t.status.name(), "pendingRequest", x.id.toString()));
        }
        boolean supervisor = actor.hasRole(Roles.SUPERVISOR);
        if (x.kind.decidedBySupervisor() ? !supervisor : !actor.hasRole(Roles.DISPATCHER)) {
            throw ProblemException.forbidden("a " + (x.kind.decidedBySupervisor() ? "supervisor" : "dispatcher")
                    + " decides a " + x.kind.path() + " request");
        }
        Instant now = clock.instant();
        if (!approve) {
            close(x, ClockRequestStatus.REJECTED, actor, now, note);
            recorder.history(t, x.kind.name() + "_REJECTED", t.status, actor, note);
            return x;
        }
        TicketLifecycle.next(t.status, x.kind.action());
        switch (x.kind) {
            case PAUSE -> {
                ClockRequest.PauseUse used = ClockRequest.pauses(t.id);
                refuse(policy.checkPause(used.count(), used.total(), now, x.pauseUntil));
                TicketStatus from = move(t, TicketAction.PAUSE);
                hold(t, x, now, x.pauseUntil);
                recorder.changed(t, "PAUSED", from, actor, "挂起至 " + x.pauseUntil + ": " + x.reason
                        + (note == null ? "" : " (" + note + ")"));
            }
            case PARK -> {
                refuse(policy.checkPark(x.planDate, today()));
                TicketStatus from = move(t, TicketAction.PARK);
                hold(t, x, now, policy.parkReturnAt(x.planDate, calendars.current()));
                recorder.changed(t, "PARKED", from, actor, "挂账至 " + x.planDate + ": " + x.reason
                        + (note == null ? "" : " (" + note + ")"));
            }
            case TERMINATE -> {
                if (t.status.clockHeld()) {
                    endHold(t, now, actor);
                }
                TicketStatus from = move(t, TicketAction.TERMINATE);
                t.terminatedAt = now;
                t.terminationGround = x.ground;
                // The caller (and 110) hear why handling ended, unless the unit had already answered.
                if (t.answer == null || t.answer.isBlank()) {
                    t.answer = "终止办理（" + x.ground.nameZh() + "）：" + x.reason;
                }
                t.nextSupervisionAt = null;
                // The reviewers' reasons stay internal; 110 and callers get the ground (and the answer above).
                recorder.history(t, "TERMINATED", from, actor, "TERMINATED:" + x.ground.name() + " "
                        + x.ground.nameZh() + ": " + x.reason + (note == null ? "" : " (" + note + ")"));
                recorder.statusChanged(t, from, "TERMINATED:" + x.ground.name() + " " + x.ground.nameZh(), null, actor);
            }
        }
        close(x, ClockRequestStatus.APPROVED, actor, now, note);
        return x;
    }

    /**
     * The clock runs again before its time: the lead unit ends its pause or takes a parked ticket up again, or a
     * dispatcher ends a pause.
     */
    @Transactional
    public Ticket resume(String ref, Actor actor, String note) {
        Ticket t = access.write(ref, actor);
        access.requireLead(t, actor);
        requireAllowed(t, TicketAction.RESUME);
        if (t.status == TicketStatus.PARKED && TicketAccess.unitOf(actor).isEmpty()) {
            throw ProblemException.forbidden("a parked ticket returns on its plan date or when its unit takes it up");
        }
        Instant now = clock.instant();
        Instant at = t.clockUntil != null && t.clockUntil.isBefore(now) ? t.clockUntil : now;
        resumeAt(t, at, actor, note);
        return t;
    }

    /**
     * A ticket's resolve clock; the ticket holds when it was held and for how long.
     *
     * @param state          RUNNING, PAUSED (挂起), PARKED (挂账) or TERMINATED (终止办理); RUNNING also once no
     *                       deadline is in force any more (replied, closed)
     * @param planDate       the parked ticket's plan date
     * @param pausesUsed     approved pauses so far, of {@code pausesAllowed}
     * @param pausedMinutes  paused time so far (a running pause up to its approved end), of {@code pausedMinutesAllowed}
     * @param pending        the clock request awaiting a decision, if any
     */
    public record State(Ticket ticket, String state, LocalDate planDate, int pausesUsed, int pausesAllowed,
                        long pausedMinutes, long pausedMinutesAllowed, Request pending) {
    }

    /** A clock request with the ticket it is about. */
    public record Request(ClockRequest request, Ticket ticket) {
    }

    /** The clock as the ticket's page shows it. */
    public State state(Ticket t) {
        ClockRequest.PauseUse used = ClockRequest.pauses(t.id);
        String state = t.status == TicketStatus.TERMINATED ? "TERMINATED" : t.status.clockHeld() ? t.status.name() : "RUNNING";
        LocalDate planDate = t.status == TicketStatus.PARKED
                ? ClockRequest.running(t.id, ClockRequestKind.PARK).map(x -> x.planDate).orElse(null) : null;
        return new State(t, state, planDate, used.count(), policy.maxPauses(), used.total().toMinutes(),
                policy.maxPausedTotal().toMinutes(), ClockRequest.pending(t.id).map(x -> new Request(x, t)).orElse(null));
    }

    /** Whether the pause limits leave room for another pause on the ticket. */
    public boolean pauseAvailable(Ticket t) {
        ClockRequest.PauseUse used = ClockRequest.pauses(t.id);
        return policy.pauseAvailable(used.count(), used.total());
    }

    /** Every clock request of a ticket the reader may see, oldest first. */
    @Transactional
    public List<Request> requests(String ref, Actor actor) {
        Ticket t = access.read(ref, actor);
        return ClockRequest.of(t.id).stream().map(x -> new Request(x, t)).toList();
    }

    /**
     * The clock requests awaiting a decision, oldest first, optionally of one kind: a dispatcher's pauses to decide,
     * a supervisor's parks and terminations. A department agent sees only its own unit's tickets' requests.
     */
    @Transactional
    public List<Request> pending(ClockRequestKind kind, Actor actor, int limit) {
        Optional<String> unit = TicketAccess.unitOf(actor);
        StringBuilder q = new StringBuilder("status = :pending");
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("pending", ClockRequestStatus.PENDING);
        if (kind != null) {
            q.append(" and kind = :kind");
            params.put("kind", kind);
        }
        if (unit.isPresent()) {
            q.append(" and ticketId in (select u.ticketId from TicketUnit u where u.departmentCode = :unit)");
            params.put("unit", unit.get());
        }
        List<ClockRequest> found = ClockRequest.<ClockRequest>find(q + " order by requestedAt", params)
                .page(0, limit).list();
        Map<UUID, Ticket> tickets = found.isEmpty() ? Map.of() : Ticket.<Ticket>list("id in ?1",
                found.stream().map(x -> x.ticketId).distinct().toList()).stream()
                .collect(java.util.stream.Collectors.toMap(t -> t.id, t -> t));
        return found.stream().map(x -> new Request(x, tickets.get(x.ticketId))).toList();
    }

    /** Ends every pause whose approved end has come and returns every parked ticket whose plan date has; returns how many. */
    public int resumeDue() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        @SuppressWarnings("unchecked")
        List<Object> due = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        select cast(id as varchar) from ticket where status in ('PAUSED', 'PARKED') and clock_until <= ?1
                        order by clock_until, id limit ?2""")
                .setParameter(1, now).setParameter(2, BATCH).getResultList());
        int resumed = 0;
        for (Object id : due) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> resumeIfDue(UUID.fromString(id.toString()), now))) {
                    resumed++;
                }
            } catch (RuntimeException e) {
                // One ticket's fault must not hold back the others; it is due again on the next run.
                LOG.errorf(e, "could not resume ticket %s; it is tried again on the next run", id);
            }
        }
        return resumed;
    }

    private boolean resumeIfDue(UUID id, OffsetDateTime now) {
        List<?> claimed = em.createNativeQuery("""
                        select 1 from ticket where id = ?1 and status in ('PAUSED', 'PARKED') and clock_until <= ?2
                        for update skip locked""")
                .setParameter(1, id).setParameter(2, now).getResultList();
        if (claimed.isEmpty()) {
            return false;
        }
        Ticket t = em.find(Ticket.class, id);
        resumeAt(t, t.clockUntil, Actor.system(SYSTEM), t.status == TicketStatus.PAUSED
                ? "挂起期满，自动恢复计时" : "挂账计划日期已到，工单恢复办理");
        return true;
    }

    private void resumeAt(Ticket t, Instant at, Actor actor, String note) {
        boolean parked = t.status == TicketStatus.PARKED;
        BusinessCalendar calendar = calendars.current();
        Instant since = t.clockSince;
        endHold(t, at, actor);
        TicketStatus from = move(t, TicketAction.RESUME);
        t.resolveBy = parked ? policy.resolveByAfterPark(at, calendar)
                : policy.resolveByAfterPause(t.resolveBy, since != null ? since : at, at, calendar);
        supervision.reschedule(t);
        recorder.changed(t, parked ? "UNPARKED" : "RESUMED", from, actor,
                "resolve deadline now " + t.resolveBy + (note == null || note.isBlank() ? "" : ": " + note));
    }

    /** Ends the running pause or park at {@code at}: its request records the end, the ticket the working time held. */
    private void endHold(Ticket t, Instant at, Actor actor) {
        ClockRequestKind kind = t.status == TicketStatus.PARKED ? ClockRequestKind.PARK : ClockRequestKind.PAUSE;
        ClockRequest.running(t.id, kind).ifPresent(x -> {
            x.endedAt = at;
            x.endedBy = actor.name();
        });
        if (t.clockSince != null) {
            t.heldWorkingMinutes += ClockPolicy.heldWorkingMinutes(t.clockSince, at, calendars.current());
        }
        t.clockSince = null;
        t.clockUntil = null;
    }

    private void hold(Ticket t, ClockRequest x, Instant now, Instant until) {
        x.startedAt = now;
        t.clockSince = now;
        t.clockUntil = until;
        supervision.reschedule(t);
    }

    private ClockRequest request(Ticket t, ClockRequestKind kind, Actor actor, String reason) {
        ClockRequest x = new ClockRequest();
        x.id = UUID.randomUUID();
        x.ticketId = t.id;
        x.kind = kind;
        x.status = ClockRequestStatus.PENDING;
        x.departmentCode = t.leadDepartmentCode;
        x.requestedBy = actor.name();
        x.requestedAt = clock.instant();
        x.reason = reason;
        return x;
    }

    private static void close(ClockRequest x, ClockRequestStatus status, Actor actor, Instant now, String note) {
        x.status = status;
        x.decidedBy = actor.name();
        x.decidedAt = now;
        x.decisionNote = note;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), calendars.zone());
    }

    private static void requireAllowed(Ticket t, TicketAction action) {
        TicketLifecycle.next(t.status, action);
    }

    private static void requireNonePending(Ticket t) {
        Optional<ClockRequest> pending = ClockRequest.pending(t.id);
        if (pending.isPresent()) {
            throw new ProblemException(409, "Clock request pending", "a " + pending.get().kind.path()
                    + " request already awaits a decision on ticket " + t.ticketNumber, null,
                    Map.of("currentStatus", t.status.name(), "pendingRequest", pending.get().id.toString(),
                            "pendingKind", pending.get().kind.name()));
        }
    }

    /** A refusal of the policy: bad input is a 400 naming the field, a limit reached a 409 saying which. */
    private static void refuse(Optional<ClockPolicy.Refusal> refusal) {
        refusal.ifPresent(r -> {
            throw r.limit()
                    ? new ProblemException(409, "Pause limit reached", r.message(),
                    List.of(new Problem.FieldError(r.field(), r.message())), Map.of())
                    : ProblemException.badRequest(r.field(), r.message());
        });
    }

    private static TicketStatus move(Ticket t, TicketAction action) {
        TicketStatus from = t.status;
        t.status = TicketLifecycle.next(from, action);
        return from;
    }
}
