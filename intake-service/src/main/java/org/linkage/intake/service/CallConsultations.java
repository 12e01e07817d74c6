package org.linkage.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.commons.outbox.Outbox;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.security.Actor;
import org.linkage.commons.security.CurrentActor;
import org.linkage.events.ConsultationDecided;
import org.linkage.events.ConsultationRequested;
import org.linkage.intake.config.IntakeConfig;
import org.linkage.intake.domain.ConsultationStatus;
import org.linkage.intake.domain.Decision;
import org.linkage.intake.repository.CallEntity;
import org.linkage.intake.repository.CallRepository;
import org.linkage.intake.repository.ConsultationEntity;
import org.linkage.intake.repository.ConsultationRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Consultation requests (三方通话 in data): a call-taker sends an unclear call to 12345 with a hand-over note; 12345
 * answers within the time limit. 12345 decides, expiry included (the router is the one clock, so an acceptance and an
 * expiry can never both happen); intake records what it is told and, on acceptance, refers the call the ordinary way.
 */
@ApplicationScoped
public class CallConsultations {
    private static final Logger LOG = Logger.getLogger(CallConsultations.class);

    private final CallAccess access;
    private final CallRepository calls;
    private final ConsultationRepository consultations;
    private final CallDecisions decisions;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final CurrentActor currentActor;
    private final Clock clock;
    private final IntakeConfig config;

    public CallConsultations(CallAccess access, CallRepository calls, ConsultationRepository consultations,
                             CallDecisions decisions, Outbox outbox, AuditTrail audit, CurrentActor currentActor,
                             Clock clock, IntakeConfig config) {
        this.access = access;
        this.calls = calls;
        this.consultations = consultations;
        this.decisions = decisions;
        this.outbox = outbox;
        this.audit = audit;
        this.currentActor = currentActor;
        this.clock = clock;
        this.config = config;
    }

    /** Sends the call, still undecided, to 12345. 409 once decided or once it was already sent. */
    @Transactional
    public ConsultationEntity request(UUID callId, String note) {
        Actor actor = currentActor.get(CallRecorder.COMPONENT);
        CallEntity call = access.decidable(callId, actor);
        consultations.ofCall(call.id).ifPresent(existing -> {
            throw ProblemException.conflict("Call " + call.callNumber + " was already sent to 12345 for consultation ("
                    + existing.status + "). / 该来电已发起过会商。", Map.of("consultationStatus", existing.status.name()));
        });
        Instant now = clock.instant();
        ConsultationEntity c = new ConsultationEntity();
        c.id = UUID.randomUUID();
        c.callId = call.id;
        c.note = note.strip();
        c.status = ConsultationStatus.PENDING;
        c.requestedBy = actor.name();
        c.requestedAt = now;
        c.expiresAt = now.plus(config.consultationTimeLimit());
        consultations.persist(c);
        outbox.publish(new ConsultationRequested(c.id, call.id, call.callNumber, call.suggestedDisposition.name(),
                call.suggestedCategory, call.content, call.address, call.districtCode, c.note, actor.name(), now,
                c.expiresAt));
        audit.record(actor, AuditActions.CALL, call.id, AuditActions.CONSULTATION_REQUESTED, c.note,
                CallRecorder.details("consultationId", c.id, "expiresAt", c.expiresAt.toString()));
        return c;
    }

    public java.util.Optional<ConsultationEntity> ofCall(UUID callId) {
        return consultations.ofCall(callId);
    }

    /**
     * 12345's answer, in the inbox's transaction. Only a pending request moves, so a replay (or a second answer under
     * a new event id) changes nothing. On acceptance the call is referred as the dispatcher's decision.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void decided(ConsultationDecided d) {
        ConsultationEntity c = d.consultationId() == null ? null
                : consultations.findById(d.consultationId(), LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            LOG.warnf("decision on unknown consultation %s (call %s); ignored", d.consultationId(), d.callNumber());
            return;
        }
        ConsultationStatus outcome = ConsultationStatus.outcome(d.outcome()).orElse(null);
        if (outcome == null || !c.status.holdsTheCall()) {
            LOG.infof("consultation %s already %s (or unknown outcome %s); decision skipped", c.id, c.status, d.outcome());
            return;
        }
        c.status = outcome;
        c.decidedBy = d.decidedBy();
        c.decidedAt = d.decidedAt() != null ? d.decidedAt() : clock.instant();
        c.reason = d.reason();
        c.categoryCode = d.categoryCode();
        Actor decider = new Actor(d.decidedBy() == null ? "system:router" : d.decidedBy(),
                outcome == ConsultationStatus.EXPIRED ? Set.of() : Set.of("dispatcher"), null);
        audit.record(decider, AuditActions.CALL, c.callId, AuditActions.CONSULTATION_PREFIX + outcome.name(), d.reason(),
                CallRecorder.details("consultationId", c.id, "decidedAt", c.decidedAt.toString(),
                        "categoryCode", d.categoryCode()));
        if (outcome == ConsultationStatus.ACCEPTED) {
            CallEntity call = calls.findById(c.callId, LockModeType.PESSIMISTIC_WRITE);
            if (call.decision == Decision.PENDING) {
                decisions.acceptedByHotline(call, decider, d.categoryCode(), c.note);
            } else {
                // cannot happen while the request is pending (CallAccess.decidable refuses); never refer a call twice
                LOG.warnf("call %s accepted by 12345 but already %s by %s; not referred twice", call.callNumber,
                        call.decision, call.decidedBy);
            }
        }
    }
}
