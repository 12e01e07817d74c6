package org.linkage.commons.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.linkage.commons.tracing.Traces;
import org.linkage.events.EventTypes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Publishes outbox rows to Kafka in commit order, in batches, and deletes them once acknowledged.
 * It runs when a commit wakes it and, as a safety net, on a timer. No transaction is open while it waits for the
 * broker: a batch is read in one short transaction and deleted in another once acknowledged, and one relay per
 * database runs at a time under a session advisory lock held on a connection of its own.
 * At-least-once: a crash between the broker's ack and the delete republishes the batch, which every
 * consumer tolerates because it deduplicates on the CloudEvents id.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final EntityManager em;
    private final DataSource dataSource;
    private final MutinyEmitter<String> emitter;
    private final int batchSize;
    private final Duration sendTimeout;
    private final long lockKey;
    private final boolean enabled;
    private final RelayReadiness readiness;
    private final Counter parked;
    private final ReentrantLock draining = new ReentrantLock();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final ExecutorService wakeups = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });

    public OutboxRelay(EntityManager em, DataSource dataSource, RelayReadiness readiness, MeterRegistry registry,
                       @Channel("linkage-outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                       MutinyEmitter<String> emitter,
                       @ConfigProperty(name = "linkage.outbox.batch-size", defaultValue = "500") int batchSize,
                       @ConfigProperty(name = "linkage.outbox.send-timeout", defaultValue = "30s") Duration sendTimeout,
                       @ConfigProperty(name = "linkage.outbox.enabled", defaultValue = "true") boolean enabled,
                       @ConfigProperty(name = "linkage.events.source") String source) {
        this.em = em;
        this.dataSource = dataSource;
        this.readiness = readiness;
        this.parked = Counter.builder("linkage.outbox.parked")
                .description("Events Kafka rejected for good, moved to outbox_parked; each needs a person")
                .register(registry);
        this.emitter = emitter;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
        this.enabled = enabled;
        // One relay per database at a time keeps per-key order even with several instances running.
        this.lockKey = 0x4c4b0000L ^ source.hashCode();
    }

    /**
     * Asks for a drain soon, on the relay's own thread: called after every commit that wrote events,
     * so an event leaves within milliseconds instead of waiting for the next tick. Requests that
     * arrive while one is pending fold into it, which is what makes batches under load.
     */
    public void wake() {
        if (enabled && readiness.isStarted() && wakePending.compareAndSet(false, true)) {
            wakeups.execute(() -> {
                wakePending.set(false);
                drain();
            });
        }
    }

    /** The safety net: picks up whatever a lost wake-up or a failed send left behind. */
    @Scheduled(every = "${linkage.outbox.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = RelayReadiness.class)
    void tick() {
        drain();
    }

    @PreDestroy
    void stop() {
        wakeups.shutdownNow();
    }

    private void drain() {
        if (!enabled) {
            return;
        }
        // One drain at a time in this JVM: a wake-up waits for a running tick instead of skipping past it.
        draining.lock();
        try {
            exclusively(() -> {
                int sent;
                do {
                    sent = batch();
                } while (sent == batchSize);
                return sent;
            });
        } catch (RuntimeException e) {
            // The rows stay in the outbox; the next tick tries again.
            LOG.warnf("outbox relay paused: %s", e.getMessage());
        } finally {
            draining.unlock();
        }
    }

    /**
     * Publishes one batch while holding the relay lock; returns how many events were published (or parked), 0 if
     * another relay holds the lock.
     */
    public int relayBatch() {
        Integer sent = exclusively(this::batch);
        return sent == null ? 0 : sent;
    }

    /**
     * Runs {@code work} while this relay holds the database's relay lock: a session advisory lock taken on a connection
     * of its own, outside any transaction, for as long as the work runs (several short transactions and the waits for
     * the broker between them). If the process dies, PostgreSQL ends the session and the lock with it.
     *
     * @return what the work returned, or null if another relay holds the lock
     */
    private <T> T exclusively(Supplier<T> work) {
        try (Connection lock = dataSource.getConnection()) {
            if (!advisory(lock, "select pg_try_advisory_lock(?)")) {
                return null;
            }
            try {
                return work.get();
            } finally {
                advisory(lock, "select pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("outbox relay lock: " + e.getMessage(), e);
        }
    }

    private boolean advisory(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, lockKey);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /**
     * One batch, in three steps so that no transaction is open while the broker is awaited: the oldest rows are read in
     * a short transaction, sent and awaited outside any transaction (the acknowledgements arrive on the producer's
     * threads, which must never join a transaction of the relay), and deleted in a second short transaction once all
     * are acknowledged. A crash or a failed delete between the two leaves the rows to be sent again: at-least-once.
     */
    private int batch() {
        List<OutboxEvent> batch = QuarkusTransaction.requiringNew().call(() -> oldest(batchSize));
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            Uni.join().all(batch.stream().map(this::send).toList()).andFailFast()
                    .await().atMost(sendTimeout);
        } catch (RuntimeException e) {
            if (!rejectedForGood(e)) {
                throw e;   // broker away or slow: every row stays for the next tick
            }
            return oneByOne();   // some row can never be published: find it
        }
        List<Long> seqs = batch.stream().map(e -> e.seq).toList();
        QuarkusTransaction.requiringNew().run(() -> delete(seqs));
        return batch.size();
    }

    /**
     * Some event of the batch can never be published (too large, unpublishable data): send the oldest rows one at a
     * time, each read, sent and then deleted (or parked) on its own, so a single bad row does not hold back every event
     * after it. Events of the batch that had already gone out are sent again; consumers deduplicate on the CloudEvents
     * id.
     *
     * @return rows done; batchSize if a whole batch's worth went through (so the drain goes on), less once a row was
     *         parked (batches resume from the next tick)
     */
    private int oneByOne() {
        int done = 0;
        while (done < batchSize) {
            List<OutboxEvent> first = QuarkusTransaction.requiringNew().call(() -> oldest(1));
            if (first.isEmpty()) {
                return done;
            }
            OutboxEvent event = first.get(0);
            RuntimeException rejected = null;
            try {
                send(event).await().atMost(sendTimeout);
            } catch (RuntimeException e) {
                if (!rejectedForGood(e)) {
                    throw e;
                }
                rejected = e;
            }
            RuntimeException cause = rejected;
            QuarkusTransaction.requiringNew().run(() -> {
                if (cause != null) {
                    park(event, cause);
                }
                delete(List.of(event.seq));
            });
            done++;
            if (rejected != null) {
                reportParked(event, rejected);
                return done;   // the row that stopped the batch is out of the way: batches again from the next tick
            }
        }
        return done;
    }

    /** Commit order is publish order. */
    private List<OutboxEvent> oldest(int max) {
        return em.createQuery("from OutboxEvent e order by e.seq", OutboxEvent.class).setMaxResults(max).getResultList();
    }

    private void park(OutboxEvent event, RuntimeException cause) {
        String error = errorOf(cause);
        em.createNativeQuery("""
                        insert into outbox_parked (seq, event_id, topic, event_key, type, source, subject, occurred_at, payload,
                                                   traceparent, tracestate, error, parked_at)
                        select seq, event_id, topic, event_key, type, source, subject, occurred_at, payload,
                               traceparent, tracestate, ?1, now()
                        from outbox_event where seq = ?2""")
                .setParameter(1, error)
                .setParameter(2, event.seq)
                .executeUpdate();
    }

    /** Once the parking has committed. */
    private void reportParked(OutboxEvent event, RuntimeException cause) {
        parked.increment();
        // no payload in the log: it may carry a caller's details. Later events with the same key still go out, so a
        // consumer may see a change for something it never received: this needs a person (docs/events.md, replay)
        LOG.errorf("outbox event %s (%s to %s, key %s) rejected by Kafka for good and parked in outbox_parked: %s",
                event.eventId, event.type, event.topic, event.key, errorOf(cause));
    }

    private static String errorOf(RuntimeException cause) {
        String error = String.valueOf(rootCause(cause));
        return error.length() > 2000 ? error.substring(0, 2000) : error;
    }

    private void delete(List<Long> seqs) {
        if (!seqs.isEmpty()) {
            em.createQuery("delete from OutboxEvent e where e.seq in :seqs").setParameter("seqs", seqs).executeUpdate();
        }
    }

    /**
     * Only what no retry can fix: a record too large for the broker, data that cannot be serialised, or an event whose
     * own fields cannot make a message. Authorization, authentication, time-outs and a closing producer are outages
     * that pass, and parking on them would empty the outbox into the parking table.
     */
    static boolean rejectedForGood(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof SerializationException || t instanceof Unpublishable) {
                return true;
            }
        }
        return false;
    }

    /** An outbox row whose own fields cannot make a message (a source or type that is not a URI, say). */
    static final class Unpublishable extends RuntimeException {
        Unpublishable(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private Uni<Void> send(OutboxEvent event) {
        Message<String> message;
        try {
            message = message(event);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(new Unpublishable(e));
        }
        return emitter.sendMessage(message);
    }

    private static Message<String> message(OutboxEvent event) {
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.key)
                .build();
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(event.eventId.toString())
                .withType(event.type)
                .withSource(URI.create(event.source))
                .withSubject(event.subject)
                .withTimestamp(event.occurredAt.atZone(ZoneOffset.UTC))
                .withDataSchema(URI.create(EventTypes.schemaOf(event.type)))
                .withDataContentType("application/json")
                .build();
        if (event.traceparent == null) {
            return Message.of(event.payload, Metadata.of(kafka, cloudEvent));
        }
        // The connector's producer span becomes a child of the stored context and writes its traceparent header, so
        // the consumer continues the trace of the request that wrote the row, not the relay's.
        TracingMetadata trace = TracingMetadata.withCurrent(Traces.restore(event.traceparent, event.tracestate));
        return Message.of(event.payload, Metadata.of(kafka, cloudEvent, trace));
    }
}
