package org.linkage.commons.outbox;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Publishes outbox rows to Kafka in commit order, in batches, and deletes them once acknowledged.
 * It runs when a commit wakes it and, as a safety net, on a timer. One relay per database publishes at a time: the
 * leader, which holds a session advisory lock on a connection of its own for as long as it leads, and reads and deletes
 * its batches on that same session in autocommit, so a wake-up costs two round trips (read, delete) and no transaction
 * is open while it waits for the broker. A replica whose commit finds the lock taken tells the leader ({@code
 * pg_notify}), which listens while it leads, so rows written on any replica leave at once.
 * At-least-once: a crash between the broker's ack and the delete republishes the batch, which every
 * consumer tolerates because it deduplicates on the CloudEvents id.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private final DataSource dataSource;
    private final PeerListener.Database database;
    private final MutinyEmitter<String> emitter;
    private final int batchSize;
    private final Duration sendTimeout;
    private final long lockKey;
    private final String channel;
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
    /** The session that holds the relay lock while this relay leads; null while it does not. Used under {@link #draining}. */
    private Connection leader;
    /** Hears other replicas' wake-ups while this relay leads. */
    private PeerListener listener;

    public OutboxRelay(DataSource dataSource, RelayReadiness readiness, MeterRegistry registry,
                       @Channel("linkage-outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                       MutinyEmitter<String> emitter,
                       @ConfigProperty(name = "linkage.outbox.batch-size", defaultValue = "500") int batchSize,
                       @ConfigProperty(name = "linkage.outbox.send-timeout", defaultValue = "30s") Duration sendTimeout,
                       @ConfigProperty(name = "linkage.outbox.enabled", defaultValue = "true") boolean enabled,
                       @ConfigProperty(name = "linkage.events.source") String source,
                       @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> url,
                       @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                       @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.dataSource = dataSource;
        this.database = new PeerListener.Database(url.orElse(null), user.orElse(null), password.orElse(null));
        this.readiness = readiness;
        this.parked = Counter.builder("linkage.outbox.parked")
                .description("Events Kafka rejected for good, moved to outbox_parked; each needs a person")
                .register(registry);
        this.emitter = emitter;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
        this.enabled = enabled;
        // One relay per database at a time keeps per-key order even with several instances running.
        this.lockKey = lockKeyOf(source);
        this.channel = wakeChannelOf(source);
    }

    /** The advisory lock the leading relay of the service with this event source holds. */
    public static long lockKeyOf(String source) {
        return 0x4c4b0000L ^ source.hashCode();
    }

    /** The channel on which the replicas that do not lead wake the one that does. */
    public static String wakeChannelOf(String source) {
        return "linkage_outbox_" + Long.toHexString(lockKeyOf(source));
    }

    /**
     * Asks for a drain soon, on the relay's own thread: called after every commit that wrote events,
     * so an event leaves within milliseconds instead of waiting for the next tick. Requests that
     * arrive while one is pending fold into it, which is what makes batches under load.
     */
    public void wake() {
        wake(true);
    }

    /** @param tellLeader whether a replica that does not lead passes the wake-up on (not when the leader asked) */
    private void wake(boolean tellLeader) {
        if (enabled && readiness.isStarted() && wakePending.compareAndSet(false, true)) {
            try {
                wakeups.execute(() -> {
                    wakePending.set(false);
                    drain(tellLeader);
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                wakePending.set(false);
            }
        }
    }

    /** The safety net: picks up whatever a lost wake-up or a failed send left behind. */
    @Scheduled(every = "${linkage.outbox.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = RelayReadiness.class)
    void tick() {
        drain(false);
    }

    /**
     * Gives the lead up at once, so another replica takes it at its next wake-up rather than after a time-out. On the
     * shutdown event, while the pool is still open (a bean's destruction comes after the pool has closed its sessions).
     */
    void stop(@Observes ShutdownEvent event) {
        wakeups.shutdownNow();
        try {
            // A drain awaiting the broker finishes first; one that hangs is left, and the process's end frees the lock.
            if (draining.tryLock(5, java.util.concurrent.TimeUnit.SECONDS)) {
                try {
                    resign(false);
                } finally {
                    draining.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain(boolean tellLeader) {
        if (!enabled) {
            return;
        }
        // One drain at a time in this JVM: a wake-up waits for a running tick instead of skipping past it.
        draining.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                boolean leading = leader != null;
                try {
                    if (lead(tellLeader)) {
                        int sent;
                        do {
                            sent = batch();
                        } while (sent == batchSize);
                    }
                    return;
                } catch (SQLException e) {
                    // The session kept since an earlier wake-up may be gone (a failover, a restart of the database):
                    // once more on a fresh one, so this commit's rows need not wait for the timer.
                    resign(true);
                    if (!leading || attempt > 1) {
                        throw e;
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            // The rows stay in the outbox; the next tick tries again, on a fresh session (a peer may lead by now).
            LOG.warnf("outbox relay paused: %s", e.getMessage());
            // A database failure may have broken the session; a broker's is resigned from cleanly, so a peer may try.
            resign(e instanceof SQLException);
        } finally {
            draining.unlock();
        }
    }

    /**
     * Publishes one batch while holding the relay lock; returns how many events were published (or parked), 0 if
     * another relay holds the lock.
     */
    public int relayBatch() {
        draining.lock();
        try {
            return lead(false) ? batch() : 0;
        } catch (SQLException | RuntimeException e) {
            resign(e instanceof SQLException);
            throw new IllegalStateException("outbox relay: " + e.getMessage(), e);
        } finally {
            draining.unlock();
        }
    }

    /**
     * Whether this relay leads: it does already (nothing to ask the database), or it takes the lock now on a session
     * it keeps. The lock lives exactly as long as that session: if the process dies, PostgreSQL ends the session and
     * the lock with it, and the next replica to try takes the lead. Every read and delete runs on the same session, so
     * a relay whose session was lost fails its next statement instead of publishing without the lock.
     */
    private boolean lead(boolean tellLeader) throws SQLException {
        if (leader != null) {
            if (database.url() != null && (listener == null || !listener.isAlive())) {
                listener = PeerListener.start(database, channel, () -> wake(false));
            }
            return true;
        }
        Connection session = dataSource.getConnection();
        boolean led = false;
        try {
            session.setAutoCommit(true);
            try (PreparedStatement lock = session.prepareStatement("select pg_try_advisory_lock(?)")) {
                lock.setLong(1, lockKey);
                try (ResultSet result = lock.executeQuery()) {
                    led = result.next() && result.getBoolean(1);
                }
            }
            if (!led) {
                if (tellLeader) {
                    // The leader publishes this commit's rows too, once it hears of them.
                    try (PreparedStatement notify = session.prepareStatement("select pg_notify(?, '')")) {
                        notify.setString(1, channel);
                        notify.executeQuery().close();
                    }
                }
                return false;
            }
            leader = session;
            if (database.url() != null) {
                listener = PeerListener.start(database, channel, () -> wake(false));
            }
            return true;
        } finally {
            if (!led) {
                session.close();
            }
        }
    }

    /**
     * Ends the lead, so that a peer may take it.
     *
     * @param failed after a failure: the session may be broken or may still hold the lock, so it is dropped from the
     *               pool rather than handed to a request (ending it releases the lock); otherwise unlocked and returned
     */
    private void resign(boolean failed) {
        if (listener != null) {
            listener.stop();
            listener = null;
        }
        if (leader == null) {
            return;
        }
        Connection session = leader;
        leader = null;
        if (failed) {
            try {
                session.abort(Runnable::run);
                return;
            } catch (SQLException | RuntimeException e) {
                // no abort here: closing below still releases what it can
            }
        } else {
            try (PreparedStatement unlock = session.prepareStatement("select pg_advisory_unlock_all()")) {
                unlock.executeQuery().close();
            } catch (SQLException broken) {
                // the session is gone, and its lock with it
            }
        }
        try {
            session.close();
        } catch (SQLException ignored) {
            // nothing left to release
        }
    }

    /**
     * One batch, in three steps so that no transaction is open while the broker is awaited: the oldest rows are read,
     * sent and awaited (the acknowledgements arrive on the producer's threads), and deleted by their sequence numbers in
     * one statement once all are acknowledged. A crash or a failed delete between the two leaves the rows to be sent
     * again: at-least-once.
     */
    private int batch() throws SQLException {
        List<OutboxEvent> batch = oldest(batchSize);
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
        delete(batch.stream().map(e -> e.seq).toList());
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
    private int oneByOne() throws SQLException {
        int done = 0;
        while (done < batchSize) {
            List<OutboxEvent> first = oldest(1);
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
            if (rejected != null) {
                park(event, rejected);
            } else {
                delete(List.of(event.seq));
            }
            done++;
            if (rejected != null) {
                reportParked(event, rejected);
                return done;   // the row that stopped the batch is out of the way: batches again from the next tick
            }
        }
        return done;
    }

    /** Commit order is publish order. */
    private List<OutboxEvent> oldest(int max) throws SQLException {
        try (PreparedStatement read = leader.prepareStatement("""
                select seq, event_id, topic, event_key, type, source, subject, occurred_at, payload, traceparent, tracestate
                from outbox_event order by seq limit ?""")) {
            read.setInt(1, max);
            try (ResultSet rows = read.executeQuery()) {
                List<OutboxEvent> events = new ArrayList<>();
                while (rows.next()) {
                    OutboxEvent e = new OutboxEvent();
                    e.seq = rows.getLong(1);
                    e.eventId = rows.getObject(2, UUID.class);
                    e.topic = rows.getString(3);
                    e.key = rows.getString(4);
                    e.type = rows.getString(5);
                    e.source = rows.getString(6);
                    e.subject = rows.getString(7);
                    e.occurredAt = rows.getObject(8, OffsetDateTime.class).toInstant();
                    e.payload = rows.getString(9);
                    e.traceparent = rows.getString(10);
                    e.tracestate = rows.getString(11);
                    events.add(e);
                }
                return events;
            }
        }
    }

    /** Copies the row to outbox_parked and removes it, in one statement (so in one transaction). */
    private void park(OutboxEvent event, RuntimeException cause) throws SQLException {
        try (PreparedStatement park = leader.prepareStatement("""
                with parked as (delete from outbox_event where seq = ? returning *)
                insert into outbox_parked (seq, event_id, topic, event_key, type, source, subject, occurred_at, payload,
                                           traceparent, tracestate, error, parked_at)
                select seq, event_id, topic, event_key, type, source, subject, occurred_at, payload,
                       traceparent, tracestate, ?, now()
                from parked""")) {
            park.setLong(1, event.seq);
            park.setString(2, errorOf(cause));
            park.executeUpdate();
        }
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

    private void delete(List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = leader.prepareStatement("delete from outbox_event where seq = any (?)")) {
            delete.setArray(1, leader.createArrayOf("bigint", seqs.toArray()));
            delete.executeUpdate();
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
