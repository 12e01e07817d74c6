package org.linkage.intake.messaging;

import org.linkage.intake.service.CallConsultations;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkage.commons.inbox.Inbox;
import org.linkage.commons.inbox.InboxConsumer;
import org.linkage.events.ConsultationDecided;
import org.linkage.events.EventTypes;

/** 12345's answers to consultation requests ({@code linkage.consultations}); replays are skipped by the inbox. */
@ApplicationScoped
public class ConsultationListener implements InboxConsumer {
    static final String CONSUMER = "intake-consultations";

    private final Inbox inbox;
    private final CallConsultations consultations;

    public ConsultationListener(Inbox inbox, CallConsultations consultations) {
        this.inbox = inbox;
        this.consultations = consultations;
    }

    @Override
    public String inboxName() {
        return CONSUMER;
    }

    @Incoming("consultations")
    @Blocking
    @Override
    public void consume(ConsumerRecord<String, String> record) {
        inbox.consume(CONSUMER, record, EventTypes.CONSULTATION_DECIDED, ConsultationDecided.class,
                (event, decided) -> consultations.decided(decided));
    }
}
