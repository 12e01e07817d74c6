package org.linkage.router.messaging;

import org.linkage.router.service.DispatchService;
import org.linkage.router.service.TicketDraft;
import org.linkage.router.service.ConsultationDesk;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.linkage.commons.inbox.Inbox;
import org.linkage.commons.inbox.InboxConsumer;
import org.linkage.commons.inbox.ReceivedEvent;
import org.linkage.commons.security.Actor;
import org.linkage.events.CallAnswered;
import org.linkage.events.ConsultationRequested;
import org.linkage.events.EventTypes;
import org.linkage.events.ReferralCreated;
import org.linkage.events.Urgency;
import org.linkage.router.repository.Consultation;
import org.linkage.router.repository.Ticket;

/**
 * Turns 110 referrals into tickets, records the calls 110 answered from the knowledge base, and takes 110's
 * consultation requests (三方通话 in data) for the dispatchers ({@link ConsultationDesk}). Idempotent twice over: the inbox skips a replayed event id,
 * and the unique referral_id skips the same referral re-sent under a new event id.
 */
@ApplicationScoped
public class ReferralConsumer implements InboxConsumer {
    public static final String CONSUMER = "router-referrals";
    private static final Logger LOG = Logger.getLogger(ReferralConsumer.class);

    private final Inbox inbox;
    private final DispatchService dispatch;
    private final ConsultationDesk consultations;

    public ReferralConsumer(Inbox inbox, DispatchService dispatch, ConsultationDesk consultations) {
        this.inbox = inbox;
        this.dispatch = dispatch;
        this.consultations = consultations;
    }

    @Override
    public String inboxName() {
        return CONSUMER;
    }

    /** Kafka hands over a whole poll; the inbox takes it in one transaction (see {@link Inbox#consumeAll}). */
    @Incoming("referrals")
    @Blocking
    public void consumeAll(ConsumerRecords<String, String> records) {
        inbox.consumeAll(CONSUMER, records, this::consume);
    }

    @Override
    public void consume(ConsumerRecord<String, String> record) {
        inbox.consume(CONSUMER, record, EventTypes.REFERRAL_CREATED, ReferralCreated.class, this::ticketFor);
        inbox.consume(CONSUMER, record, EventTypes.CALL_ANSWERED, CallAnswered.class, this::answered);
        inbox.consume(CONSUMER, record, EventTypes.CONSULTATION_REQUESTED, ConsultationRequested.class,
                (event, r) -> consultations.received(r));
    }

    /** A call answered from the knowledge base makes no ticket; it is kept for the first-contact figures. */
    private void answered(ReceivedEvent event, CallAnswered a) {
        if (a.callId() == null || Consultation.findById(a.callId()) != null) {
            LOG.infof("answered call %s already recorded (or no id); event %s skipped", a.callId(), event.id());
            return;
        }
        Consultation c = new Consultation();
        c.callId = a.callId();
        c.callNumber = a.callNumber();
        c.categoryCode = a.categoryCode();
        c.districtCode = a.districtCode();
        c.articleIds = a.articleIds() == null ? new Long[0] : a.articleIds().toArray(Long[]::new);
        c.receivedAt = a.receivedAt() == null ? a.answeredAt() : a.receivedAt();
        c.answeredAt = a.answeredAt();
        c.answeredBy = a.answeredBy();
        c.persist();
        LOG.infof("call %s answered from the knowledge base, no ticket", a.callNumber());
    }

    private void ticketFor(ReceivedEvent event, ReferralCreated r) {
        if (r.referralId() == null || Ticket.existsForReferral(r.referralId())) {
            LOG.infof("referral %s already has a ticket (or no id); event %s skipped", r.referralId(), event.id());
            return;
        }
        Ticket t = dispatch.create(new TicketDraft(r.referralId(), r.callId(), r.callNumber(), "110",
                r.categoryCode(), urgency(r.urgency()), r.content(), r.address(), r.districtCode(), r.latitude(),
                r.longitude(), r.callerPhone(), r.callerName(), null, r.receivedAt(), r.retrievalCode(),
                Boolean.TRUE.equals(r.receiptsOptOut()), Boolean.TRUE.equals(r.confidential()), r.callerHash(),
                r.attributes()), Actor.system(CONSUMER));
        consultations.ticketMade(t);
        LOG.infof("referral %s → ticket %s (%s)", r.referralId(), t.ticketNumber, t.status);
    }

    private static Urgency urgency(String value) {
        try {
            return value == null ? null : Urgency.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
