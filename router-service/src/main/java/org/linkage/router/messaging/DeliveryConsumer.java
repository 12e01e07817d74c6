package org.linkage.router.messaging;

import org.linkage.router.service.TicketRecorder;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.linkage.router.domain.DeliveryResult;
import org.linkage.commons.inbox.Inbox;
import org.linkage.commons.inbox.InboxConsumer;
import org.linkage.commons.inbox.ReceivedEvent;
import org.linkage.commons.security.Actor;
import org.linkage.events.AttachmentNoticeOutcome;
import org.linkage.events.DeliveryOutcome;
import org.linkage.events.EventTypes;
import org.linkage.router.repository.Ticket;

/**
 * Records the bridge's delivery outcomes on the ticket's history and tells intake. An outcome for
 * an older dispatch version (the ticket was re-dispatched since) is recorded but does not change
 * the delivery status of the current version. The outcome of an attachment notice (a file added after dispatch,
 * told to the unit's system) goes on the history only: it is not a version of the ticket.
 */
@ApplicationScoped
public class DeliveryConsumer implements InboxConsumer {
    static final String CONSUMER = "router-deliveries";
    private static final Logger LOG = Logger.getLogger(DeliveryConsumer.class);

    private final Inbox inbox;
    private final TicketRecorder recorder;

    public DeliveryConsumer(Inbox inbox, TicketRecorder recorder) {
        this.inbox = inbox;
        this.recorder = recorder;
    }

    @Override
    public String inboxName() {
        return CONSUMER;
    }

    /** Kafka hands over a whole poll; the inbox takes it in one transaction (see {@link Inbox#consumeAll}). */
    @Incoming("deliveries")
    @Blocking
    public void consumeAll(ConsumerRecords<String, String> records) {
        inbox.consumeAll(CONSUMER, records, this::consume);
    }

    @Override
    public void consume(ConsumerRecord<String, String> record) {
        inbox.consume(CONSUMER, record, EventTypes.DELIVERY_SUCCEEDED, DeliveryOutcome.class, this::record);
        inbox.consume(CONSUMER, record, EventTypes.DELIVERY_DEAD_LETTERED, DeliveryOutcome.class, this::record);
        inbox.consume(CONSUMER, record, EventTypes.ATTACHMENT_NOTICE_OUTCOME, AttachmentNoticeOutcome.class,
                this::recordNotice);
    }

    /**
     * A dispatcher reads on the ticket's history whether the unit's system heard of the file: delivered, dead-lettered
     * (to replay from the bridge's dead letters) or not sent with the reason (an Open311 unit, told another way).
     */
    private void recordNotice(ReceivedEvent event, AttachmentNoticeOutcome n) {
        Ticket t = n.ticketId() == null ? null : Ticket.findById(n.ticketId());
        if (t == null) {
            LOG.warnf("attachment notice outcome %s for unknown ticket %s ignored", event.id(), n.ticketId());
            return;
        }
        String note = "attachment notice of " + (n.fileName() == null ? n.attachmentId() : n.fileName()) + " to "
                + n.departmentCode() + " via " + n.adapter() + ": " + n.status() + " after " + n.attempts()
                + " attempt(s)" + (n.externalRef() != null ? ", ref " + n.externalRef() : "")
                + (n.lastError() != null ? ", " + n.lastError() : "");
        recorder.history(t, "ATTACHMENT_NOTICE", t.status, Actor.system(CONSUMER), note);
    }

    private void record(ReceivedEvent event, DeliveryOutcome d) {
        Ticket t = d.ticketId() == null ? null : Ticket.findById(d.ticketId(), LockModeType.PESSIMISTIC_WRITE);
        if (t == null) {
            LOG.warnf("delivery outcome %s for unknown ticket %s ignored", event.id(), d.ticketId());
            return;
        }
        String note = "delivery of v" + d.ticketVersion() + " to " + d.departmentCode() + " via " + d.adapter() + ": "
                + d.status() + " after " + d.attempts() + " attempt(s)"
                + (d.externalRef() != null ? ", ref " + d.externalRef() : "")
                + (d.lastError() != null ? ", last error " + d.lastError() : "");
        Actor actor = Actor.system(CONSUMER);
        if (d.ticketVersion() != t.version) {
            recorder.history(t, "DELIVERY_STALE", t.status, actor, note);
            return;
        }
        t.deliveryStatus = DeliveryResult.valueOf(d.status());
        recorder.history(t, "DELIVERY", t.status, actor, note);
        // The note can quote a department system's error response: internal, it stays in the history.
        recorder.statusChanged(t, t.status, null, d.status(), actor);
    }
}
