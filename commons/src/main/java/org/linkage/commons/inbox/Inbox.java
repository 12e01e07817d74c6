package org.linkage.commons.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolationException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.linkage.commons.tracing.Traces;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * Makes consumers idempotent: an event id is recorded per consumer in the same transaction as the
 * consumer's effect, so a redelivered or replayed event is recognised and skipped.
 *
 * <p>Nothing good is lost to a passing database fault: while the database is unreachable, shutting
 * down, or refusing with a deadlock or serialization failure, the consumer holds the event and retries
 * with backoff for as long as it takes (the channel stops taking more, {@link InboxHealth} reports the
 * consumer DOWN). Only an event that can never be processed (unreadable data, failing validation, or
 * failing the same way {@code attempts} times while the database answers) is dead-lettered: kept in
 * {@code inbox_dead_letter} for an operator to list and replay ({@link DeadLetters}), and acknowledged.
 */
@ApplicationScoped
public class Inbox {
    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final ThreadLocal<Boolean> REPLAYING = new ThreadLocal<>();
    /** Set while {@link #consumeAll} runs a batch in one transaction on this thread. */
    private static final ThreadLocal<Batch> BATCH = new ThreadLocal<>();

    private final EntityManager em;
    private final ObjectMapper json;
    private final DeadLetters deadLetters;
    private final InboxHealth health;
    private final DataSource dataSource;
    private final Tracer tracer;
    private final int attempts;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Duration maxOutageBackoff;

    public Inbox(EntityManager em, ObjectMapper json, DeadLetters deadLetters, InboxHealth health, DataSource dataSource,
                 Tracer tracer,
                 @ConfigProperty(name = "linkage.inbox.attempts", defaultValue = "8") int attempts,
                 @ConfigProperty(name = "linkage.inbox.first-backoff", defaultValue = "200ms") Duration firstBackoff,
                 @ConfigProperty(name = "linkage.inbox.max-backoff", defaultValue = "5s") Duration maxBackoff,
                 @ConfigProperty(name = "linkage.inbox.max-outage-backoff", defaultValue = "10s") Duration maxOutageBackoff) {
        this.em = em;
        this.json = json;
        this.deadLetters = deadLetters;
        this.health = health;
        this.dataSource = dataSource;
        this.tracer = tracer;
        this.attempts = Math.max(1, attempts);
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.maxOutageBackoff = maxOutageBackoff;
    }

    /**
     * Takes a whole poll of records in one transaction: each record goes through {@code perRecord} (the consumer's
     * own {@link InboxConsumer#consume}, with its {@link #consume} calls) in partition order, and the inbox rows, the
     * effects and their outbox events of every record commit together, once, instead of once per event. Kafka
     * acknowledges the poll only after that commit, and a repeat is still recognised by its inbox row, so a crash at
     * any point leaves nothing half done and nothing lost.
     *
     * <p>If anything in the batch fails (a passing fault, a bad event, a clash between two records), nothing of it
     * commits and every record is taken again one at a time through {@link #consume}, which retries, waits out
     * outages and dead-letters exactly as it does for a single event.
     */
    public void consumeAll(String consumer, Iterable<ConsumerRecord<String, String>> records,
                           java.util.function.Consumer<ConsumerRecord<String, String>> perRecord) {
        consumeAll(consumer, records, perRecord, false);
    }

    /**
     * As {@link #consumeAll(String, Iterable, java.util.function.Consumer)}, for a consumer that loads no entities: it
     * changes rows by statement and only persists new ones. Then the session is not flushed and cleared after every
     * record (there is nothing to dirty-check), so the new rows of the whole poll go out in batched inserts at commit
     * instead of a few statements per record.
     *
     * @param writesOnly true only for such a consumer; a consumer that loads entities keeps the flush per record
     */
    public void consumeAll(String consumer, Iterable<ConsumerRecord<String, String>> records,
                           java.util.function.Consumer<ConsumerRecord<String, String>> perRecord, boolean writesOnly) {
        consumeAll(consumer, records, perRecord, writesOnly, null);
    }

    /**
     * As {@link #consumeAll(String, Iterable, java.util.function.Consumer, boolean)}, with {@code beforeCommit} run in
     * the batch's transaction after its last record: for a consumer that gathers the effects of a whole poll (see
     * {@link #inBatch()}) and writes them with one statement. It runs only for a batch; when the records are taken one
     * at a time, each effect must be written at once, as {@link #inBatch()} then says.
     */
    public void consumeAll(String consumer, Iterable<ConsumerRecord<String, String>> records,
                           java.util.function.Consumer<ConsumerRecord<String, String>> perRecord, boolean writesOnly,
                           Runnable beforeCommit) {
        java.util.List<ConsumerRecord<String, String>> all = new java.util.ArrayList<>();
        records.forEach(all::add);
        if (all.isEmpty()) {
            return;
        }
        if (all.size() > 1) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    Batch batch = new Batch(all);
                    BATCH.set(batch);
                    try {
                        for (ConsumerRecord<String, String> record : all) {
                            perRecord.accept(record);
                            if (!writesOnly) {
                                // Each record starts from a clean session, so the dirty check at the next flush looks
                                // at this record's entities only and a batch costs what its records cost one by one.
                                em.flush();
                                em.clear();
                            }
                        }
                        batch.releaseUnconsumed();
                        if (beforeCommit != null) {
                            beforeCommit.run();
                        }
                    } finally {
                        BATCH.remove();
                    }
                });
                health.recovered(consumer);
                return;
            } catch (RuntimeException e) {
                LOG.debugf("%s: a batch of %d events failed as a whole (%s); taking them one at a time", consumer,
                        all.size(), DeadLetters.reason(e));
            }
        }
        all.forEach(perRecord);
    }

    /**
     * Applies {@code effect} to an event of the given type exactly once per consumer, in a transaction
     * of its own (or, inside {@link #consumeAll}, in the batch's transaction). A passing database fault is waited out (never dead-lettered); an event that cannot be
     * processed is dead-lettered and acknowledged, so it stops blocking the events behind it. Events of
     * other types are ignored. Call it from a {@code @Blocking} consumer method that has no transaction
     * of its own.
     */
    public <T> void consume(String consumer, ConsumerRecord<String, String> record, String type, Class<T> dataType,
                            BiConsumer<ReceivedEvent, T> effect) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!type.equals(event.type())) {
            return;
        }
        // The effect runs in the trace the record carries (the relay's producer span, itself restored from the
        // outbox row): whatever it writes to its own outbox, and every log line on the way, continues that trace.
        Span span = tracer.spanBuilder(consumer + " process")
                .setParent(Traces.of(record.headers()))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.message.id", event.id())
                .setAttribute("cloudevents.event_type", type)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            consumeInTrace(consumer, record, event, dataType, effect);
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }

    private <T> void consumeInTrace(String consumer, ConsumerRecord<String, String> record, ReceivedEvent event,
                                    Class<T> dataType, BiConsumer<ReceivedEvent, T> effect) {
        Batch batch = BATCH.get();
        if (batch != null) {
            // In a batch: any failure, unreadable data included, undoes the batch and is met one event at a time.
            T data = data(event, dataType);
            if (batch.firstDelivery(consumer, event)) {
                effect.accept(event, data);
            }
            return;
        }
        T data;
        try {
            data = data(event, dataType);
        } catch (RuntimeException unreadable) {
            if (replaying()) {
                throw new ReplayFailedException(false, unreadable);
            }
            deadLetter(consumer, record, event, unreadable, 1);
            return;
        }
        Duration backoff = firstBackoff;
        Duration outageBackoff = firstBackoff;
        int failures = 0;
        for (int round = 1; ; round++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (firstDelivery(consumer, event)) {
                        effect.accept(event, data);
                    }
                });
                health.recovered(consumer);
                return;
            } catch (RuntimeException e) {
                boolean passing = TransientFaults.isTransient(e);
                if (replaying()) {
                    throw new ReplayFailedException(passing, e);
                }
                if (passing || (!neverProcessable(e) && !databaseAnswers())) {
                    health.stalled(consumer, e);
                    if (round == 1 || round % 10 == 0) {
                        LOG.warnf("%s: database fault on event %s (%s), holding it and retrying every %d ms until "
                                        + "the database is back: %s", consumer, event.id(), event.type(),
                                outageBackoff.toMillis(), DeadLetters.reason(e));
                    }
                    pause(outageBackoff);
                    outageBackoff = twice(outageBackoff, maxOutageBackoff);
                    continue;
                }
                failures++;
                if (failures >= attempts || neverProcessable(e)) {
                    deadLetter(consumer, record, event, e, failures);
                    return;
                }
                LOG.warnf("%s: event %s failed (attempt %d of %d), retrying in %d ms: %s", consumer, event.id(),
                        failures, attempts, backoff.toMillis(), DeadLetters.reason(e));
                pause(backoff);
                backoff = twice(backoff, maxBackoff);
            }
        }
    }

    /** Keeps the event, retrying through any passing fault of the database while doing so. */
    private void deadLetter(String consumer, ConsumerRecord<String, String> record, ReceivedEvent event,
                            RuntimeException failure, int failures) {
        Duration backoff = firstBackoff;
        for (int round = 1; ; round++) {
            try {
                deadLetters.store(consumer, record, event, failure, failures);
                health.recovered(consumer);
                LOG.errorf("%s dead-lettered event %s (%s) after %d attempt(s): %s", consumer, event.id(), event.type(),
                        failures, DeadLetters.reason(failure));
                return;
            } catch (RuntimeException e) {
                if (!TransientFaults.isTransient(e) && databaseAnswers()) {
                    // Cannot be kept here: the channel's own dead-letter topic is the last resort.
                    LOG.errorf(e, "%s could not keep dead letter %s", consumer, event.id());
                    throw failure;
                }
                health.stalled(consumer, e);
                pause(backoff);
                backoff = twice(backoff, maxOutageBackoff);
            }
        }
    }

    /** Failures that no retry can mend: the event breaks a validation rule. */
    private static boolean neverProcessable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    /** Whether a fresh connection can be had and used: tells an unclassified failure from an outage. */
    private boolean databaseAnswers() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(5);
        } catch (Exception e) {
            return false;
        }
    }

    private static Duration twice(Duration d, Duration max) {
        Duration next = d.multipliedBy(2);
        return next.compareTo(max) > 0 ? max : next;
    }

    private void pause(Duration duration) {
        try {
            if (!stopping) {
                Thread.sleep(duration.toMillis());
            }
        } catch (InterruptedException e) {
            stopping = true;
        }
        if (stopping) {
            // Shutting down while an event is held: neither acknowledge it (it would be lost) nor fail it (the
            // failure strategy would dead-letter a good event). It stays unacknowledged, so Kafka delivers it
            // again after the restart; this thread waits for the process to end.
            LOG.warnf("stopping while an event is held; it stays unacknowledged and is delivered again after the restart");
            while (true) {
                java.util.concurrent.locks.LockSupport.park(this);
                Thread.interrupted();
            }
        }
    }

    private volatile boolean stopping;

    void onStop(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
        stopping = true;
    }

    static boolean replaying() {
        return Boolean.TRUE.equals(REPLAYING.get());
    }

    /** Runs {@code action} with failures thrown to the caller instead of waited out or dead-lettered. */
    static void replay(Runnable action) {
        REPLAYING.set(Boolean.TRUE);
        try {
            action.run();
        } finally {
            REPLAYING.remove();
        }
    }

    /**
     * True while this thread runs a record of a batch ({@link #consumeAll}), whose effects commit together; false when
     * a record is taken on its own (also when a failed batch is taken again one record at a time).
     */
    public boolean inBatch() {
        return BATCH.get() != null;
    }

    /**
     * The inbox rows of one poll: the first time a consumer asks about an event type in the batch, every record of the
     * poll with that type is claimed with one multi-row insert, and the ids it returns are the events seen for the
     * first time. A record seen before (a redelivered poll after a crash) is not returned, a duplicate inside the poll
     * is returned once and so applies once, and the rows commit or roll back with the batch, exactly as the insert per
     * event did. Rows claimed for records the consumer then never asked about are taken back before the commit, so
     * the table says what it said before: an event was recorded only if the consumer took it.
     */
    private final class Batch {
        private final java.util.List<ReceivedEvent> events = new java.util.ArrayList<>();
        /** Per consumer and type: the ids claimed and not yet taken, and every id of the poll asked about. */
        private final java.util.Map<java.util.List<String>, java.util.Set<String>> fresh = new java.util.HashMap<>();
        private final java.util.Map<java.util.List<String>, java.util.Set<String>> candidates = new java.util.HashMap<>();

        Batch(java.util.List<ConsumerRecord<String, String>> records) {
            for (ConsumerRecord<String, String> record : records) {
                events.add(ReceivedEvent.of(record));
            }
        }

        boolean firstDelivery(String consumer, ReceivedEvent event) {
            java.util.List<String> key = java.util.List.of(consumer, String.valueOf(event.type()));
            if (!fresh.containsKey(key)) {
                java.util.Set<String> ids = new java.util.TreeSet<>();
                for (ReceivedEvent e : events) {
                    if (java.util.Objects.equals(e.type(), event.type())) {
                        ids.add(e.id());
                    }
                }
                candidates.put(key, ids);
                fresh.put(key, claim(consumer, event.type(), ids));
            }
            if (!candidates.get(key).contains(event.id())) {
                // not a record of this poll (a consumer may hand over a record of its own): the row of its own
                return Inbox.this.firstDelivery(consumer, event);
            }
            return fresh.get(key).remove(event.id());
        }

        void releaseUnconsumed() {
            fresh.forEach((key, ids) -> {
                if (!ids.isEmpty()) {
                    em.createNativeQuery("delete from processed_event where consumer = ?1 and event_id = any(cast(?2 as varchar[]))")
                            .setParameter(1, key.get(0))
                            .setParameter(2, ids.toArray(String[]::new))
                            .unwrap(org.hibernate.query.NativeQuery.class).addSynchronizedQuerySpace("processed_event")
                            .executeUpdate();
                }
            });
        }
    }

    /** Records the ids for {@code consumer} in one statement; returns those it had not seen before. */
    @SuppressWarnings("unchecked")
    private java.util.Set<String> claim(String consumer, String type, java.util.Set<String> ids) {
        // In id order, so that two transactions claiming overlapping polls take the keys in the same order; a
        // concurrent duplicate blocks on its key until the first commits, then inserts nothing, as one by one.
        java.util.List<String> inserted = em.createNativeQuery("""
                        insert into processed_event (consumer, event_id, event_type, processed_at)
                        select ?1, e.id, ?2, now() from unnest(cast(?3 as varchar[])) as e(id) order by e.id
                        on conflict do nothing returning event_id""", String.class)
                .setParameter(1, consumer)
                .setParameter(2, type)
                .setParameter(3, ids.toArray(String[]::new))
                .unwrap(org.hibernate.query.NativeQuery.class).addSynchronizedQuerySpace("processed_event")
                .getResultList();
        return new java.util.HashSet<>(inserted);
    }

    /** True the first time {@code consumer} sees {@code event}; false for every repeat. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, ReceivedEvent event) {
        // A concurrent duplicate blocks on the key until the first commits, then inserts nothing.
        int inserted = em.createNativeQuery("""
                        insert into processed_event (consumer, event_id, event_type, processed_at)
                        values (?1, ?2, ?3, now()) on conflict do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                // it touches no mapped table: no reason to flush the session's pending inserts before it
                .unwrap(org.hibernate.query.NativeQuery.class).addSynchronizedQuerySpace("processed_event")
                .executeUpdate();
        return inserted == 1;
    }

    public <T> T data(ReceivedEvent event, Class<T> type) {
        try {
            T value = json.readValue(event.data() == null ? "" : event.data(), type);
            if (value == null) {
                throw new IOException("no data");
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("event " + event.id() + " has unreadable data for " + event.type(), e);
        }
    }

    /** A replayed dead letter failed again; {@code passing} when the cause is a database fault. */
    public static class ReplayFailedException extends RuntimeException {
        private final boolean passing;

        ReplayFailedException(boolean passing, Throwable cause) {
            super(DeadLetters.reason(cause), cause);
            this.passing = passing;
        }

        public boolean passing() {
            return passing;
        }
    }
}
