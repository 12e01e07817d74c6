package org.linkage.commons.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.linkage.commons.tracing.Traces;
import org.linkage.events.LinkageEvent;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Records an event to publish. Callers must already be in the transaction that makes the change,
 * so the change and its event commit together or not at all.
 */
@ApplicationScoped
public class Outbox {
    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final String source;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public Outbox(EntityManager em, ObjectMapper json, Clock clock, TransactionSynchronizationRegistry transactions,
                  OutboxRelay relay, @ConfigProperty(name = "linkage.events.source") String source) {
        this.em = em;
        this.transactions = transactions;
        this.relay = relay;
        this.json = json;
        this.clock = clock;
        this.source = source;
    }

    /** Records {@code event} for its own topic, with its own type, key and subject. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(LinkageEvent event) {
        return publish(event.topic(), event.key(), event.type(), event.subject(), event);
    }

    /** Records {@code event} for another topic than its own, e.g. the copy of a dead-lettered outcome for the DLQ. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(LinkageEvent event, String topic) {
        return publish(topic, event.key(), event.type(), event.subject(), event);
    }

    /**
     * The positional form, for data outside the event contract (the contract's records are {@link LinkageEvent}s).
     *
     * @param key     the Kafka key: the id of the call or ticket, so its events stay in order
     * @param subject the CloudEvents subject, a human-readable id (call or ticket number)
     * @return the CloudEvents id of the recorded event
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String key, String type, String subject, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = topic;
        event.key = key;
        event.type = type;
        event.source = source;
        event.subject = subject;
        event.occurredAt = clock.instant();
        try {
            event.payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data is not serialisable: " + type, e);
        }
        // The relay publishes later on a thread of its own: the trace of the request or event that made the change
        // travels with the row, so the Kafka record continues it.
        Map<String, String> trace = Traces.current();
        event.traceparent = trace.get(Traces.TRACEPARENT);
        event.tracestate = trace.get(Traces.TRACESTATE);
        em.persist(event);
        wakeRelayAfterCommit();
        return event.eventId;
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(OutboxRelay.class) != null) {
            return;
        }
        transactions.putResource(OutboxRelay.class, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
