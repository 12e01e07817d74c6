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

/** Reads the router's ticket stream: each dispatch becomes a delivery, once, whatever Kafka replays. */
@ApplicationScoped
public class TicketEventsConsumer {
    static final String CONSUMER = "bridge-tickets";

    private final Inbox inbox;
    private final DeliveryService deliveries;

    public TicketEventsConsumer(Inbox inbox, DeliveryService deliveries) {
        this.inbox = inbox;
        this.deliveries = deliveries;
    }

    @Incoming("tickets")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!EventTypes.TICKET_DISPATCHED.equals(event.type()) || !inbox.firstDelivery(CONSUMER, event)) {
            return;
        }
        deliveries.accept(inbox.data(event, TicketDispatched.class));
    }
}
