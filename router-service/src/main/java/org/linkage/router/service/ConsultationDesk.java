package org.linkage.router.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.commons.outbox.Outbox;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.security.Actor;
import org.linkage.events.ConsultationDecided;
import org.linkage.events.ConsultationRequested;
import org.linkage.router.domain.ConsultationStatus;
import org.linkage.router.repository.ConsultationRequest;
import org.linkage.router.repository.DispatchRule;
import org.linkage.router.repository.Ticket;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The 12345 side of consultation requests (三方通话 in data): received from 110, listed live for dispatchers, accepted
 * or declined by one of them, or expired by the clock (首接负责: the call stays with 110). Every outcome goes back to
 * intake as {@link ConsultationDecided} in the transaction that decides it. An accepted call becomes a ticket the
 * ordinary way: intake refers it, and {@link ReferralConsumer} makes the ticket.
 * <p>
 * Safe with several router instances: a decision locks the row, and the expiry claims each due row with FOR UPDATE
 * SKIP LOCKED and checks it again under the lock, so a request is decided once, by a person or by the clock.
 */
@ApplicationScoped
public class ConsultationDesk {
    /** The actor of a request received from 110: the referral consumer that applies it (messaging.ReferralConsumer). */
    static final String RECEIVED_BY = "router-referrals";

    public static final String ENTITY = "consultation";
    static final String EXPIRY = "consultation-expiry";
    private static final Logger LOG = Logger.getLogger(ConsultationDesk.class);
    private static final int BATCH = 200;

    private final EntityManager em;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    public ConsultationDesk(EntityManager em, Outbox outbox, AuditTrail audit, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** A request from 110, in the inbox's transaction; the same request again (a new event id) is skipped. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void received(ConsultationRequested r) {
        if (r.consultationId() == null || ConsultationRequest.findById(r.consultationId()) != null) {
            LOG.infof("consultation %s already received (or no id); skipped", r.consultationId());
            return;
        }
        ConsultationRequest c = new ConsultationRequest();
        c.id = r.consultationId();
        c.callId = r.callId();
        c.callNumber = r.callNumber();
        c.suggestedDisposition = r.suggestedDisposition();
        c.categoryCode = r.categoryCode();
        c.content = r.content();
        c.address = r.address();
        c.districtCode = r.districtCode();
        c.note = r.note() == null ? "" : r.note();
        c.requestedBy = r.requestedBy();
        c.requestedAt = r.requestedAt() != null ? r.requestedAt() : clock.instant();
        c.expiresAt = r.expiresAt() != null ? r.expiresAt() : c.requestedAt;
        c.status = ConsultationStatus.PENDING;
        c.persist();
        audit.record(Actor.system(RECEIVED_BY), ENTITY, c.id, "RECEIVED", c.note,
                details(c, "requestedBy", c.requestedBy, "expiresAt", c.expiresAt.toString()));
    }

    @Transactional
    public List<ConsultationRequest> list(ConsultationStatus status, int limit) {
        return ConsultationRequest.byStatus(status, limit);
    }

    @Transactional
    public ConsultationRequest get(UUID id) {
        ConsultationRequest c = ConsultationRequest.findById(id);
        if (c == null) {
            throw ProblemException.notFound("no consultation request " + id + " / 无此会商请求");
        }
        return c;
    }

    /**
     * A dispatcher takes the call (accept) or leaves it with 110 (decline, with a reason). 409 once it is decided or
     * its time limit has passed: then 110 keeps it.
     *
     * @param categoryCode on acceptance, a category of the dispatch catalogue; null keeps the suggestion's
     */
    @Transactional
    public ConsultationRequest decide(UUID id, Actor actor, boolean accept, String reason, String categoryCode) {
        ConsultationRequest c = ConsultationRequest.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw ProblemException.notFound("no consultation request " + id + " / 无此会商请求");
        }
        Instant now = clock.instant();
        if (!ConsultationStatus.decidable(c.status, c.expiresAt, now)) {
            Map<String, Object> ext = new LinkedHashMap<>();
            ext.put("status", ConsultationStatus.expired(c.status, c.expiresAt, now) ? ConsultationStatus.EXPIRED.name()
                    : c.status.name());
            ext.put("expiresAt", c.expiresAt.toString());
            throw ProblemException.conflict("consultation " + c.callNumber + " can no longer be decided: "
                    + ext.get("status") + " / 该会商已处理或已超时，来电由110负责", ext);
        }
        if (!accept && (reason == null || reason.isBlank())) {
            throw ProblemException.badRequest("reason", "拒绝须说明理由 / a reason is required to decline");
        }
        String category = blank(categoryCode) ? null : categoryCode.strip();
        if (accept && category != null && DispatchRule.currentFor(category).isEmpty()) {
            throw ProblemException.badRequest("categoryCode", "派单目录中无此类别 / not a category of the dispatch catalogue: "
                    + category);
        }
        settle(c, accept ? ConsultationStatus.ACCEPTED : ConsultationStatus.DECLINED, actor, now,
                blank(reason) ? null : reason.strip(), accept ? category : null);
        return c;
    }

    /** Expires every pending request past its time limit; returns how many this run expired. */
    public int expireDue() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        @SuppressWarnings("unchecked")
        List<Object> due = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        select cast(id as varchar) from consultation_request where status = 'PENDING' and expires_at <= ?1
                        order by expires_at, id limit ?2""")
                .setParameter(1, now).setParameter(2, BATCH).getResultList());
        int expired = 0;
        for (Object id : due) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> expireIfDue(UUID.fromString(id.toString()), now))) {
                    expired++;
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "could not expire consultation %s; it is tried again on the next run", id);
            }
        }
        return expired;
    }

    private boolean expireIfDue(UUID id, OffsetDateTime now) {
        // Another instance expiring it, or a dispatcher deciding it, holds the row: skip it rather than wait.
        List<?> claimed = em.createNativeQuery("""
                        select 1 from consultation_request where id = ?1 and status = 'PENDING' and expires_at <= ?2
                        for update skip locked""")
                .setParameter(1, id).setParameter(2, now).getResultList();
        if (claimed.isEmpty()) {
            return false;
        }
        ConsultationRequest c = em.find(ConsultationRequest.class, id);
        settle(c, ConsultationStatus.EXPIRED, Actor.system(EXPIRY), now.toInstant(), null, null);
        return true;
    }

    private void settle(ConsultationRequest c, ConsultationStatus outcome, Actor actor, Instant now, String reason,
                        String category) {
        c.status = outcome;
        c.decidedBy = actor.name();
        c.decidedAt = now;
        c.reason = reason;
        c.acceptedCategory = category;
        outbox.publish(new ConsultationDecided(c.id, c.callId, c.callNumber, outcome.name(), category, reason,
                actor.name(), now));
        audit.record(actor, ENTITY, c.id, outcome.name(), reason, details(c, "categoryCode", category,
                "decidedAt", now.toString()));
        LOG.infof("consultation on %s %s by %s", c.callNumber, outcome, actor.name());
    }

    /** The accepted call's referral made its ticket: the request names it, so both sides can follow it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void ticketMade(Ticket t) {
        if (t.callId != null) {
            ConsultationRequest.acceptedFor(t.callId).ifPresent(c -> c.ticketNumber = t.ticketNumber);
        }
    }

    private static Map<String, Object> details(ConsultationRequest c, Object... more) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("callNumber", c.callNumber);
        d.put("callId", c.callId.toString());
        for (int i = 0; i < more.length; i += 2) {
            if (more[i + 1] != null) {
                d.put((String) more[i], more[i + 1]);
            }
        }
        return d;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
