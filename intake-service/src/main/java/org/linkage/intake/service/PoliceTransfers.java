package org.linkage.intake.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.security.Actor;
import org.linkage.commons.security.CurrentActor;
import org.linkage.intake.repository.PoliceTransferEntity;
import org.linkage.intake.repository.PoliceTransferRepository;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import jakarta.persistence.LockModeType;

/**
 * Police matters handed back by 12345 (reverse transfer). They land in the call-takers' queue the
 * moment the event is consumed ({@link org.linkage.intake.messaging.PoliceTransferConsumer}), and leave it when a
 * call-taker accepts one.
 */
@ApplicationScoped
public class PoliceTransfers {
    private final PoliceTransferRepository transfers;
    private final AuditTrail audit;
    private final CurrentActor currentActor;
    private final Clock clock;
    private final PoliceTransferNotices notices;

    public PoliceTransfers(PoliceTransferRepository transfers, AuditTrail audit, CurrentActor currentActor, Clock clock,
                           PoliceTransferNotices notices) {
        this.transfers = transfers;
        this.audit = audit;
        this.currentActor = currentActor;
        this.clock = clock;
        this.notices = notices;
    }

    /**
     * WAITING is a queue, so oldest first: what has waited longest is worked first. ACCEPTED is a record
     * of what was taken on, newest acceptance first, like the call list.
     */
    public Page<PoliceTransferEntity> queue(PoliceTransferEntity.State state, int page, int size) {
        Sort order = state == PoliceTransferEntity.State.WAITING
                ? Sort.ascending("receivedAt", "id")
                : Sort.descending("acceptedAt", "id");
        var found = transfers.find("state", order, state);
        long total = found.count();
        return new Page<>(found.page(io.quarkus.panache.common.Page.of(page, size)).list(), page, size, total);
    }

    /** A call-taker takes the matter on; the first to accept owns it, anyone later is told who did. */
    @Transactional
    public PoliceTransferEntity accept(UUID id, String incidentNumber, String note) {
        Actor actor = currentActor.get("intake");
        // Locked: of two call-takers accepting at once, the second waits and then gets the 409.
        PoliceTransferEntity t = transfers.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("No police transfer " + id + ". / 无此移交。"));
        if (t.state == PoliceTransferEntity.State.ACCEPTED) {
            Map<String, Object> ext = new LinkedHashMap<>();
            ext.put("currentStatus", t.state.name());
            ext.put("acceptedBy", t.acceptedBy);
            throw ProblemException.conflict("Already accepted by " + t.acceptedBy + ". / 已被受理。", ext);
        }
        t.state = PoliceTransferEntity.State.ACCEPTED;
        t.acceptedBy = actor.name();
        t.acceptedAt = clock.instant();
        t.incidentNumber = incidentNumber;
        t.note = note;
        audit.record(actor, AuditActions.POLICE_TRANSFER, t.id, AuditActions.TRANSFER_ACCEPTED, note,
                CallRecorder.details("incidentNumber", incidentNumber, "contactShown", true));
        notices.send(PoliceTransferChange.Kind.ACCEPTED, t.id);
        return t;
    }

    public PoliceTransferEntity get(UUID id) {
        return transfers.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("No police transfer " + id + ". / 无此移交。"));
    }
}
