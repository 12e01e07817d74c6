package org.linkage.router.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.linkage.commons.security.Actor;
import org.linkage.commons.time.SqlTimestamps;
import org.linkage.router.config.RouterConfig;
import org.linkage.router.domain.SupervisionLadder;
import org.linkage.router.domain.SupervisionStep;
import org.linkage.router.domain.TicketStatus;
import org.linkage.router.domain.TimeLimit;
import org.linkage.router.repository.Ticket;

import java.time.Clock;
import java.time.Duration;
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
 * next step, so a run only reads tickets that are due.
 * <p>
 * Each ticket is escalated in its own short transaction, so a ticket whose step fails cannot undo
 * or hold back the steps of the others: it is logged, counted ({@value #FAILURES_METRIC}) and set
 * aside in {@code supervision_failure} until a back-off passes (doubling with each failure). Safe
 * with several router instances: each ticket is claimed with FOR UPDATE SKIP LOCKED (a ticket
 * another instance is escalating is skipped, not waited for), and a unique (ticket, deadline, step)
 * row means a step is taken once even if two runs should ever overlap.
 * <p>
 * Each step is a {@code ticket_history} entry and a TicketStatusChanged on linkage.tickets with the
 * status unchanged and a note {@code SUPERVISION:<STEP> ...} (docs/events.md).
 */
@ApplicationScoped
public class SupervisionService {
    public static final String SYSTEM = "supervision";
    public static final String FAILURES_METRIC = "linkage.router.supervision.failures";
    private static final Logger LOG = Logger.getLogger(SupervisionService.class);
    private static final UUID LOWEST_ID = new UUID(0, 0);

    private final EntityManager em;
    private final Clock clock;
    private final CalendarService calendars;
    private final TicketRecorder recorder;
    private final RouterConfig.Supervision config;
    private final SupervisionLadder ladder;
    private final Counter failures;

    public SupervisionService(EntityManager em, Clock clock, CalendarService calendars, TicketRecorder recorder,
                              RouterConfig config, MeterRegistry registry) {
        this.em = em;
        this.clock = clock;
        this.calendars = calendars;
        this.recorder = recorder;
        this.config = config.supervision();
        this.ladder = new SupervisionLadder(this.config.warnShare(), TimeLimit.parse(this.config.superviseAfter()),
                TimeLimit.parse(this.config.listedAfter()));
        this.failures = Counter.builder(FAILURES_METRIC)
                .description("Tickets whose supervision step failed and were set aside until a back-off passes")
                .register(registry);
    }

    /** A due ticket as listed for a run; the pair is also the cursor of the next page. */
    private record Due(UUID id, OffsetDateTime at) {
    }

    /** Takes every step that is due now; returns how many steps were taken. */
    public int runOnce() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        // Paging by (next_supervision_at, id) rather than re-reading the head of the queue: tickets
        // skipped because another instance holds them, or set aside after a failure, stay due, and
        // must not be met again in the same run.
        Due after = new Due(LOWEST_ID, OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC));
        // a ticket set aside and then closed, merged or handed to the police is never due again: forget its failure
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                delete from supervision_failure f where not exists
                  (select 1 from ticket t where t.id = f.ticket_id and t.next_supervision_at is not null)""").executeUpdate());
        int taken = 0;
        while (true) {
            Due cursor = after;
            List<Due> due = QuarkusTransaction.requiringNew().call(() -> dueAfter(cursor, now));
            for (Due d : due) {
                taken += attempt(d.id(), now);
            }
            if (due.size() < config.batchSize()) {
                return taken;
            }
            after = due.get(due.size() - 1);
        }
    }

    private List<Due> dueAfter(Due after, OffsetDateTime now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select cast(t.id as varchar), t.next_supervision_at from ticket t
                        where t.next_supervision_at <= ?1 and (t.next_supervision_at, t.id) > (?2, ?3)
                        and not exists (select 1 from supervision_failure f where f.ticket_id = t.id and f.retry_at > ?1)
                        order by t.next_supervision_at, t.id limit ?4""")
                .setParameter(1, now)
                .setParameter(2, after.at())
                .setParameter(3, after.id())
                .setParameter(4, config.batchSize())
                .getResultList();
        return rows.stream().map(r -> new Due(UUID.fromString(r[0].toString()), atOf(r[1]))).toList();
    }

    private static OffsetDateTime atOf(Object column) {
        return SqlTimestamps.instant(column).atOffset(ZoneOffset.UTC);
    }

    /** One ticket in its own transaction; a failure is contained here so the run goes on. */
    private int attempt(UUID id, OffsetDateTime now) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> escalate(id, now));
        } catch (RuntimeException e) {
            failures.increment();
            LOG.errorf(e, "supervision of ticket %s failed; it is set aside and the run goes on", id);
            try {
                QuarkusTransaction.requiringNew().run(() -> setAside(id, now, e));
            } catch (RuntimeException again) {
                // Without the row the ticket is simply tried again next run, as before this guard existed.
                LOG.errorf(again, "could not set ticket %s aside after its supervision failed", id);
            }
            return 0;
        }
    }

    private int escalate(UUID id, OffsetDateTime now) {
        // Re-checked under the row lock: another instance may have escalated or set it aside meanwhile.
        List<?> claimed = em.createNativeQuery("""
                        select 1 from ticket t where t.id = ?1 and t.next_supervision_at <= ?2
                        and not exists (select 1 from supervision_failure f where f.ticket_id = t.id and f.retry_at > ?2)
                        for update of t skip locked""")
                .setParameter(1, id)
                .setParameter(2, now)
                .getResultList();
        if (claimed.isEmpty()) {
            return 0;
        }
        Ticket t = em.find(Ticket.class, id);
        int taken = 0;
        Instant deadline = deadlineInForce(t);
        if (deadline != null) {
            for (SupervisionStep step : ladder.dueSteps(now.toInstant(), t.dispatchedAt, deadline, done(t.id, deadline),
                    calendars.current())) {
                if (take(t, deadline, step, false, Actor.system(SYSTEM), null)) {
                    taken++;
                }
            }
        }
        reschedule(t);
        em.createNativeQuery("delete from supervision_failure where ticket_id = ?1").setParameter(1, id).executeUpdate();
        return taken;
    }

    private void setAside(UUID id, OffsetDateTime now, RuntimeException e) {
        @SuppressWarnings("unchecked")
        List<Number> previous = em.createNativeQuery(
                        "select failures from supervision_failure where ticket_id = ?1 for update")
                .setParameter(1, id).getResultList();
        int count = previous.isEmpty() ? 1 : previous.get(0).intValue() + 1;
        em.createNativeQuery("""
                        insert into supervision_failure (ticket_id, failures, last_error, last_failed_at, retry_at)
                        values (?1, ?2, ?3, ?4, ?5) on conflict (ticket_id) do update set failures = excluded.failures,
                        last_error = excluded.last_error, last_failed_at = excluded.last_failed_at, retry_at = excluded.retry_at""")
                .setParameter(1, id)
                .setParameter(2, count)
                .setParameter(3, describe(e))
                .setParameter(4, now)
                .setParameter(5, now.plus(backoff(count)))
                .executeUpdate();
    }

    /** The configured back-off doubled for each failure after the first, up to the maximum. */
    Duration backoff(int failureCount) {
        Duration wait = config.retryBackoff();
        for (int i = 1; i < failureCount && wait.compareTo(config.retryBackoffMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.retryBackoffMax()) > 0 ? config.retryBackoffMax() : wait;
    }

    /** The innermost cause says what went wrong (the SQL error, the bad value), the outer ones only where. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        return text.length() > 2000 ? text.substring(0, 2000) : text;
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
            t.supervisionLevel = step;
        }
        String which = t.status == TicketStatus.DISPATCHED ? "sign-for" : "resolve";
        String text = "SUPERVISION:" + step.name() + " " + step.nameZh() + (manual ? " (by hand)" : "") + ", " + which
                + " deadline " + deadline + (note == null ? "" : ": " + note);
        recorder.changed(t, "SUPERVISION_" + step.name(), t.status, actor, text);
        return true;
    }

    /** Recomputes when the ticket's next automatic step falls due (none once it no longer awaits a unit). */
    public void reschedule(Ticket t) {
        reschedule(t, false);
    }

    /** @param neverDispatched true on a ticket's first dispatch: no step can have been taken, so none is looked up */
    public void reschedule(Ticket t, boolean neverDispatched) {
        Instant deadline = deadlineInForce(t);
        if (deadline == null || t.dispatchedAt == null) {
            t.nextSupervisionAt = null;
            return;
        }
        Set<SupervisionStep> done = neverDispatched ? EnumSet.noneOf(SupervisionStep.class) : done(t.id, deadline);
        t.nextSupervisionAt = ladder.nextDue(t.dispatchedAt, deadline, done, calendars.current()).orElse(null);
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
