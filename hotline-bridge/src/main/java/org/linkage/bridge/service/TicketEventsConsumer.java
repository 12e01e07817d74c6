package org.linkage.bridge.service;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkage.commons.inbox.Inbox;
import org.linkage.commons.inbox.ReceivedEvent;
import org.linkage.events.EventTypes;
import org.linkage.events.TicketDispatched;
import org.linkage.events.TicketStatusChanged;

import java.time.Clock;

/**
 * Reads the router's ticket stream: each dispatch becomes a delivery, once, whatever Kafka replays;
 * dispatches and status changes also keep the Open311 view of tickets current.
 */
@ApplicationScoped
public class TicketEventsConsumer {
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

    @Incoming("tickets")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        boolean dispatched = EventTypes.TICKET_DISPATCHED.equals(event.type());
        if (!dispatched && !EventTypes.TICKET_STATUS_CHANGED.equals(event.type())) {
            return;
        }
        if (!inbox.firstDelivery(CONSUMER, event)) {
            return;
        }
        if (dispatched) {
            TicketDispatched ticket = inbox.data(event, TicketDispatched.class);
            deliveries.accept(ticket);
            readModel.dispatched(ticket, clock.instant());
        } else {
            readModel.statusChanged(inbox.data(event, TicketStatusChanged.class));
        }
    }
}
