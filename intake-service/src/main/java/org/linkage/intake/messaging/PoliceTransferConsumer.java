package org.linkage.intake.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.commons.inbox.Inbox;
import org.linkage.commons.inbox.InboxConsumer;
import org.linkage.events.EventTypes;
import org.linkage.events.PoliceTransferCreated;
import org.linkage.intake.domain.PhoneNumbers;
import org.linkage.intake.repository.CallEntity;
import org.linkage.intake.repository.CallRepository;
import org.linkage.intake.repository.PoliceTransferEntity;
import org.linkage.intake.repository.PoliceTransferRepository;
import org.linkage.intake.service.AuditActions;
import org.linkage.intake.service.CallRecorder;
import org.linkage.intake.service.PoliceTransferChange;
import org.linkage.intake.service.PoliceTransferNotices;

import java.time.Clock;

/** Police matters handed back by 12345 (reverse transfer) join the call-takers' queue as their event arrives. */
@ApplicationScoped
public class PoliceTransferConsumer implements InboxConsumer {
    public static final String CONSUMER = "intake-police-transfers";

    private final Inbox inbox;
    private final PoliceTransferRepository transfers;
    private final CallRepository calls;
    private final AuditTrail audit;
    private final Clock clock;
    private final PoliceTransferNotices notices;

    public PoliceTransferConsumer(Inbox inbox, PoliceTransferRepository transfers, CallRepository calls,
                                  AuditTrail audit, Clock clock, PoliceTransferNotices notices) {
        this.inbox = inbox;
        this.transfers = transfers;
        this.calls = calls;
        this.audit = audit;
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
}
