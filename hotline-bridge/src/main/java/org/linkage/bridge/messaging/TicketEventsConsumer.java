package org.linkage.bridge.messaging;

import org.linkage.bridge.service.DeliveryService;
import org.linkage.bridge.service.TicketReadModel;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkage.commons.inbox.Inbox;
import org.linkage.commons.inbox.InboxConsumer;
import org.linkage.events.EventTypes;
import org.linkage.events.TicketAttachmentAdded;
import org.linkage.events.TicketDispatched;
import org.linkage.events.TicketStatusChanged;

import java.time.Clock;

/**
 * Reads the router's ticket stream: each dispatch becomes a delivery, once, whatever Kafka replays, and so does each
 * file added to a dispatched ticket (an attachment notice to the unit holding it); dispatches and status changes also
 * keep the Open311 view of tickets current.
 */
@ApplicationScoped
public class TicketEventsConsumer implements InboxConsumer {
    static final String CONSUMER = "bridge-tickets";

    private final Inbox inbox;
    private final DeliveryService deliveries;
    private final TicketReadModel readModel;
    private final Clock clock;

    public TicketEventsConsumer(Inbox inbox, DeliveryService deliveries, TicketReadModel readModel, Clock clock) {
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.readModel = readModel;
        this.clock = clock;
    }

    @Override
    public String inboxName() {
        return CONSUMER;
    }

    /**
     * Kafka hands over a whole poll; the inbox takes it in one transaction (see {@link Inbox#consumeAll}). Every
     * effect here is a statement or a new row (the delivery, the read model and its updates, the outcome), no
     * entity is loaded, so the session needs no flush and clear per record.
     */
    @Incoming("tickets")
    @Blocking
    public void consumeAll(ConsumerRecords<String, String> records) {
        inbox.consumeAll(CONSUMER, records, this::consume, true);
    }

    @Override
    public void consume(ConsumerRecord<String, String> record) {
        inbox.consume(CONSUMER, record, EventTypes.TICKET_DISPATCHED, TicketDispatched.class, (event, ticket) -> {
            deliveries.accept(ticket);
            readModel.dispatched(ticket, clock.instant());
        });
        inbox.consume(CONSUMER, record, EventTypes.TICKET_STATUS_CHANGED, TicketStatusChanged.class,
                (event, change) -> readModel.statusChanged(change));
        inbox.consume(CONSUMER, record, EventTypes.TICKET_ATTACHMENT_ADDED, TicketAttachmentAdded.class,
                (event, added) -> deliveries.acceptNotice(added));
    }
}
