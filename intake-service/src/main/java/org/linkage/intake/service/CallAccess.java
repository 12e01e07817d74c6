package org.linkage.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.security.Actor;
import org.linkage.commons.security.Roles;
import org.linkage.intake.domain.Decision;
import org.linkage.intake.repository.CallEntity;
import org.linkage.intake.repository.CallRepository;
import org.linkage.intake.repository.ConsultationRepository;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Who may see and decide a call: call-takers and officers their own, supervisors and admins all. */
@ApplicationScoped
public class CallAccess {
    private final CallRepository calls;
    private final ConsultationRepository consultations;

    public CallAccess(CallRepository calls, ConsultationRepository consultations) {
        this.calls = calls;
        this.consultations = consultations;
    }

    public static boolean seesAll(Actor actor) {
        return actor.hasRole(Roles.SUPERVISOR) || actor.hasRole(Roles.ADMIN);
    }

    /** A call as the given person may see it; someone else's call is not found. */
    public CallEntity visible(UUID callId, Actor actor) {
        return visibleTo(calls.findByIdOptional(callId), callId, actor);
    }

    /** A visible call, locked so that a change counted against it (its attachments) holds against a parallel one. */
    CallEntity visibleLocked(UUID callId, Actor actor) {
        return visibleTo(calls.findByIdOptional(callId, LockModeType.PESSIMISTIC_WRITE), callId, actor);
    }

    /** A visible call still waiting for its decision, locked for the deciding transaction. */
    CallEntity decidable(UUID callId, Actor actor) {
        // Locked: of two clicks (or two call-takers) deciding at once, the second waits and then sees the first's decision.
        CallEntity call = visibleTo(calls.findByIdOptional(callId, LockModeType.PESSIMISTIC_WRITE), callId, actor);
        if (call.decision != Decision.PENDING) {
            Map<String, Object> ext = new LinkedHashMap<>();
            ext.put("currentDecision", call.decision.name());
            ext.put("disposition", call.disposition.name());
            throw ProblemException.conflict("Call " + call.callNumber + " was already " + call.decision.name().toLowerCase()
                    + " by " + call.decidedBy + ". / 该来电已处理。", ext);
        }
        consultations.ofCall(call.id).filter(c -> c.status.holdsTheCall()).ifPresent(c -> {
            throw ProblemException.conflict("Call " + call.callNumber + " waits for 12345's answer to the consultation "
                    + "until " + c.expiresAt + ". / 该来电正在等待12345会商答复。", Map.of("consultationStatus", c.status.name(),
                    "expiresAt", c.expiresAt.toString()));
        });
        return call;
    }

    private static CallEntity visibleTo(Optional<CallEntity> found, UUID callId, Actor actor) {
        CallEntity call = found.orElseThrow(() -> ProblemException.notFound("No call " + callId + ". / 无此来电。"));
        if (!seesAll(actor) && !call.takenBy.equals(actor.name())) {
            // Not found rather than forbidden: someone else's call is not even confirmed to exist.
            throw ProblemException.notFound("No call " + callId + ". / 无此来电。");
        }
        return call;
    }
}
