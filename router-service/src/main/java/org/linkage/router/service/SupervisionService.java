package org.linkage.router.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.linkage.commons.security.Actor;
import org.linkage.router.config.RouterConfig;
import org.linkage.router.domain.BusinessCalendar;
import org.linkage.router.domain.SupervisionLadder;
import org.linkage.router.domain.SupervisionStep;
import org.linkage.router.domain.TicketStatus;
import org.linkage.router.domain.TimeLimit;
import org.linkage.router.repository.Ticket;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The supervision ladder (预警 → 催办 → 督办 → 挂牌督办) over the deadline in force: the sign-for
 * deadline until the unit signs, then the resolve deadline. Each ticket carries the instant of its
 * next step, so a run only reads tickets that are due. Safe with several router instances: due
 * rows are claimed with FOR UPDATE SKIP LOCKED, and a unique (ticket, deadline, step) row means a
 * step is taken once even if two runs should ever overlap.
 * <p>
 * Each step is a {@code ticket_history} entry and a TicketStatusChanged on linkage.tickets with the
 * status unchanged and a note {@code SUPERVISION:<STEP> ...} (docs/events.md).
 */
@ApplicationScoped
public class SupervisionService {
    public static final String SYSTEM = "supervision";
    private static final Logger LOG = Logger.getLogger(SupervisionService.class);

    private final EntityManager em;
    private final Clock clock;
    private final CalendarService calendars;
    private final TicketRecorder recorder;
    private final RouterConfig.Supervision config;
    private final SupervisionLadder ladder;

    public SupervisionService(EntityManager em, Clock clock, CalendarService calendars, TicketRecorder recorder,
                              RouterConfig config) {
        this.em = em;
        this.clock = clock;
        this.calendars = calendars;
        this.recorder = recorder;
        this.config = config.supervision();
        this.ladder = new SupervisionLadder(this.config.warnShare(), TimeLimit.parse(this.config.superviseAfter()),
                TimeLimit.parse(this.config.listedAfter()));
    }

    @Scheduled(every = "${linkage.router.supervision.interval:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.enabled()) {
            runOnce();
        }
    }

    /** Takes every step that is due now; returns how many steps were taken. */
    public int runOnce() {
        int taken = 0;
        for (int round = 0; round < 1000; round++) {
            int[] batch = QuarkusTransaction.requiringNew().call(this::batch);
            taken += batch[1];
            if (batch[0] < config.batchSize()) {
                break;
            }
        }
        return taken;
    }

    private int[] batch() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("""
                        select cast(id as varchar) from ticket where next_supervision_at <= ?1
                        order by next_supervision_at limit ?2 for update skip locked""")
                .setParameter(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .setParameter(2, config.batchSize())
                .getResultList();
        int taken = 0;
        BusinessCalendar calendar = calendars.current();
        Actor system = Actor.system(SYSTEM);
        for (Object id : ids) {
            Ticket t = em.find(Ticket.class, UUID.fromString(id.toString()));
            Instant deadline = deadlineInForce(t);
            if (deadline != null) {
                for (SupervisionStep step : ladder.dueSteps(now, t.dispatchedAt, deadline, done(t.id, deadline), calendar)) {
                    if (take(t, deadline, step, false, system, null)) {
                        taken++;
                    }
                }
            }
            reschedule(t);
        }
        return new int[]{ids.size(), taken};
    }

    /** A supervisor chasing or supervising by hand (not limited to once per deadline). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void manual(Ticket t, SupervisionStep step, Actor actor, String note) {
        Instant deadline = deadlineInForce(t);
        take(t, deadline != null ? deadline : t.resolveBy, step, true, actor, note);
    }

    private boolean take(Ticket t, Instant deadline, SupervisionStep step, boolean manual, Actor actor, String note) {
        int inserted = em.createNativeQuery("""
                        insert into supervision_step (ticket_id, deadline, step, manual, actor, note, at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict do nothing""")
                .setParameter(1, t.id)
                .setParameter(2, OffsetDateTime.ofInstant(deadline, ZoneOffset.UTC))
                .setParameter(3, step.name())
                .setParameter(4, manual)
                .setParameter(5, actor.name())
                .setParameter(6, note)
                .setParameter(7, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        if (step != SupervisionStep.WARNING) {
            t.supervisionLevel = step.name();
        }
        String which = t.status == TicketStatus.DISPATCHED ? "sign-for" : "resolve";
        String text = "SUPERVISION:" + step.name() + " " + step.nameZh() + (manual ? " (by hand)" : "") + ", " + which
                + " deadline " + deadline + (note == null ? "" : ": " + note);
        recorder.changed(t, "SUPERVISION_" + step.name(), t.status, actor, text);
        return true;
    }

    /** Recomputes when the ticket's next automatic step falls due (none once it no longer awaits a unit). */
    public void reschedule(Ticket t) {
        Instant deadline = deadlineInForce(t);
        if (deadline == null || t.dispatchedAt == null) {
            t.nextSupervisionAt = null;
            return;
        }
        t.nextSupervisionAt = ladder.nextDue(t.dispatchedAt, deadline, done(t.id, deadline), calendars.current())
                .orElse(null);
    }

    public SupervisionLadder ladder() {
        return ladder;
    }

    static Instant deadlineInForce(Ticket t) {
        return switch (t.status) {
            case DISPATCHED -> t.signBy;
            case SIGNED, IN_PROGRESS -> t.resolveBy;
            default -> null;
        };
    }

    private Set<SupervisionStep> done(UUID ticketId, Instant deadline) {
        @SuppressWarnings("unchecked")
        List<Object> steps = em.createNativeQuery(
                        "select step from supervision_step where ticket_id = ?1 and deadline = ?2 and not manual")
                .setParameter(1, ticketId)
                .setParameter(2, OffsetDateTime.ofInstant(deadline, ZoneOffset.UTC))
                .getResultList();
        Set<SupervisionStep> done = EnumSet.noneOf(SupervisionStep.class);
        steps.forEach(s -> done.add(SupervisionStep.valueOf(s.toString())));
        return done;
    }
}
