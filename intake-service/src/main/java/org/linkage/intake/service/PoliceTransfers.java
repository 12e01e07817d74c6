package org.linkage.intake.service;

import io.quarkus.panache.common.Sort;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.commons.inbox.Inbox;
import org.linkage.commons.inbox.InboxConsumer;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.security.Actor;
import org.linkage.commons.security.CurrentActor;
import org.linkage.events.EventTypes;
import org.linkage.events.PoliceTransferCreated;
import org.linkage.intake.domain.PhoneNumbers;
import org.linkage.intake.repository.CallEntity;
import org.linkage.intake.repository.CallRepository;
import org.linkage.intake.repository.PoliceTransferEntity;
import org.linkage.intake.repository.PoliceTransferRepository;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import jakarta.persistence.LockModeType;

/**
 * Police matters handed back by 12345 (reverse transfer). They land in the call-takers' queue the
 * moment the event is consumed, and leave it when a call-taker accepts one.
 */
@ApplicationScoped
public class PoliceTransfers implements InboxConsumer {
    static final String CONSUMER = "intake-police-transfers";

    private final Inbox inbox;
    private final PoliceTransferRepository transfers;
    private final CallRepository calls;
    private final AuditTrail audit;
    private final CurrentActor currentActor;
    private final Clock clock;
    private final PoliceTransferNotices notices;

    public PoliceTransfers(Inbox inbox, PoliceTransferRepository transfers, CallRepository calls, AuditTrail audit,
                           CurrentActor currentActor, Clock clock, PoliceTransferNotices notices) {
        this.inbox = inbox;
        this.transfers = transfers;
        this.calls = calls;
        this.audit = audit;
        this.currentActor = currentActor;
        this.clock = clock;
        this.notices = notices;
    }

    @Override
    public String inboxName() {
        return CONSUMER;
    }

    @Incoming("police-transfers")
    @Blocking
    @Override
    public void consume(ConsumerRecord<String, String> record) {
        inbox.consume(CONSUMER, record, EventTypes.POLICE_TRANSFER_CREATED, PoliceTransferCreated.class,
                (event, created) -> receive(created));
    }

    private void receive(PoliceTransferCreated created) {
        if (created.transferId() == null || transfers.findById(created.transferId()) != null) {
            return; // the same transfer under a new event id (a producer retry) is still one transfer
        }
        PoliceTransferEntity t = new PoliceTransferEntity();
        t.id = created.transferId();
        t.ticketId = created.ticketId();
        t.ticketNumber = created.ticketNumber();
        t.callId = created.callId();
        t.origin = created.origin() == null ? "UNKNOWN" : created.origin();
        t.reason = created.reason();
        t.content = created.content();
        t.address = created.address();
        t.districtCode = created.districtCode();
        // Keep the number in our normal form where it is one; 12345 may have taken it in any form.
        t.callerPhone = created.callerPhone() == null ? null
                : PhoneNumbers.normalise(created.callerPhone()).orElse(created.callerPhone());
        t.callerName = created.callerName();
        t.transferredBy = created.transferredBy();
        t.transferredAt = created.at() == null ? clock.instant() : created.at();
        t.receivedAt = clock.instant();
        t.state = PoliceTransferEntity.State.WAITING;
        transfers.persist(t);
        // Reaches the consoles on every replica once this transaction commits; a replay never gets this far (inbox).
        notices.send(PoliceTransferChange.Kind.QUEUED, t.id);

        audit.record(AuditActions.POLICE_TRANSFER, t.id, AuditActions.TRANSFER_RECEIVED, t.reason,
                CallRecorder.details("ticketNumber", t.ticketNumber, "origin", t.origin, "by", t.transferredBy,
                        "callId", t.callId), CONSUMER);
        if (t.callId != null) {
            CallEntity call = calls.findById(t.callId);
            if (call != null) {
                audit.record(AuditActions.CALL, call.id, AuditActions.HANDED_BACK, t.reason,
                        CallRecorder.details("transferId", t.id, "ticketNumber", t.ticketNumber, "by", t.transferredBy),
                        CONSUMER);
            }
        }
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
