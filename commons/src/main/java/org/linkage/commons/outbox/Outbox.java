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
import org.linkage.commons.persistence.ArrayBatch;
import org.linkage.commons.tracing.Traces;
import org.linkage.events.LinkageEvent;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records an event to publish. Callers must already be in the transaction that makes the change,
 * so the change and its event commit together or not at all.
 *
 * <p>A transaction's events are kept and written with one statement just before it commits, after the session's
 * flush (issue 14: persisting an entity with an identity key per event made Hibernate insert each at once and read
 * the key back, 12 % of the router's CPU). The rows take their {@code seq} there, in the order they were published,
 * so the relay reads them in that order as before; they commit or roll back with the change; the relay is woken once
 * the transaction has committed. Whatever reads the outbox inside the transaction calls {@link #writePending} first.
 */
@ApplicationScoped
public class Outbox {
    /** The transaction resource holding its events not yet written. */
    private static final Object PENDING = new Object();
    private static final String INSERT = """
        insert into outbox_event (event_id, topic, event_key, type, source, subject, occurred_at, payload,
                                  traceparent, tracestate)
        select cast(r.event_id as uuid), r.topic, r.event_key, r.type, r.source, r.subject,
               cast(r.occurred_at as timestamptz), r.payload, r.traceparent, r.tracestate
        from unnest(cast(? as varchar[]), cast(? as varchar[]), cast(? as varchar[]), cast(? as varchar[]),
                    cast(? as varchar[]), cast(? as varchar[]), cast(? as varchar[]), cast(? as text[]),
                    cast(? as varchar[]), cast(? as varchar[])) with ordinality
            as r(event_id, topic, event_key, type, source, subject, occurred_at, payload, traceparent,
                 tracestate, n)
        order by r.n""";

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final String source;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final ArrayBatch batch;

    public Outbox(EntityManager em, ObjectMapper json, Clock clock, TransactionSynchronizationRegistry transactions,
                  OutboxRelay relay, ArrayBatch batch, @ConfigProperty(name = "linkage.events.source") String source) {
        this.em = em;
        this.batch = batch;
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
        pending(true).add(event);
        return event.eventId;
    }

    /** Writes the current transaction's pending events now, in one statement; nothing when there are none. */
    public void writePending() {
        if (transactions.getTransactionKey() == null) {
            return;
        }
        List<OutboxEvent> events = pending(false);
        if (events == null || events.isEmpty()) {
            return;
        }
        // What the flush itself publishes (an entity listener, say) is in the list by now and goes out in the same
        // statement.
        em.flush();
        List<OutboxEvent> taken = new ArrayList<>(events);
        events.clear();
        // seq is drawn row by row in the order of r.n, which is the order of publishing
        batch.write(INSERT, taken, e -> new Object[]{e.eventId, e.topic, e.key, e.type, e.source, e.subject,
                e.occurredAt, e.payload, e.traceparent, e.tracestate});
    }

    @SuppressWarnings("unchecked")
    private List<OutboxEvent> pending(boolean create) {
        List<OutboxEvent> events = (List<OutboxEvent>) transactions.getResource(PENDING);
        if (events == null && create) {
            events = new ArrayList<>();
            transactions.putResource(PENDING, events);
            // The session opens and joins the transaction now: opened during the completion, as the insert below
            // would for a transaction that had not used it yet, it could no longer join.
            em.getFlushMode();
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    writePending();
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        relay.wake();
                    }
                }
            });
        }
        return events;
    }
}
