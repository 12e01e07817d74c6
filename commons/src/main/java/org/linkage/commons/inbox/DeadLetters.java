package org.linkage.commons.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.security.CurrentActor;
import org.linkage.commons.time.SqlTimestamps;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The events a consumer could never process, kept whole in {@code inbox_dead_letter}: listed for an
 * operator, replayed on request (the stored record goes through the consumer again), and counted in the
 * gauge {@code linkage.inbox.dead.letters{consumer}} (those not yet replayed).
 */
@ApplicationScoped
public class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    static final String AUDIT_ENTITY = "dead-letter";
    static final String REPLAYED = "dead-letter-replayed";
    static final String REPLAY_FAILED = "dead-letter-replay-failed";

    private final EntityManager em;
    private final ObjectMapper json;
    private final AuditTrail audit;
    private final Clock clock;
    private final Instance<InboxConsumer> consumers;
    private final MeterRegistry meters;
    private final CurrentActor actor;
    private final Map<String, AtomicLong> open = new ConcurrentHashMap<>();

    public DeadLetters(EntityManager em, ObjectMapper json, AuditTrail audit, Clock clock,
                       @Any Instance<InboxConsumer> consumers, MeterRegistry meters, CurrentActor actor) {
        this.em = em;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
        this.consumers = consumers;
        this.meters = meters;
        this.actor = actor;
    }

    /** One dead letter as an operator sees it (the payload stays in the database: it holds personal data). */
    public record DeadLetter(long id, String consumer, String topic, int partition, long offset, String key,
                             String eventId, String eventType, String reason, int attempts, Instant deadLetteredAt,
                             Instant replayedAt, String replayedBy) {
    }

    void onStart(@Observes StartupEvent event) {
        for (InboxConsumer consumer : consumers) {
            gauge(consumer.inboxName());
        }
        refresh();
    }

    /** Recounts from the table, so the gauge also covers other replicas' dead letters and replays. */
    @Scheduled(every = "${linkage.inbox.dead-letter-count-every:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            Map<String, Long> counts = new LinkedHashMap<>();
            QuarkusTransaction.requiringNew().run(() -> {
                @SuppressWarnings("unchecked")
                List<Object[]> rows = em.createNativeQuery(
                        "select consumer, count(*) from inbox_dead_letter where replayed_at is null group by consumer")
                        .getResultList();
                for (Object[] row : rows) {
                    counts.put((String) row[0], ((Number) row[1]).longValue());
                }
            });
            open.forEach((consumer, count) -> count.set(counts.getOrDefault(consumer, 0L)));
            counts.forEach((consumer, count) -> gauge(consumer).set(count));
        } catch (RuntimeException e) {
            LOG.debugf("dead letters not counted now: %s", e.getMessage());
        }
    }

    private AtomicLong gauge(String consumer) {
        return open.computeIfAbsent(consumer, c -> {
            AtomicLong count = new AtomicLong();
            Gauge.builder("linkage.inbox.dead.letters", count, AtomicLong::get)
                    .description("Events a consumer could not process, kept for replay and not yet replayed")
                    .tag("consumer", c)
                    .register(meters);
            return count;
        });
    }

    /** Keeps {@code record} as a dead letter of {@code consumer}, in a transaction of its own. */
    void store(String consumer, ConsumerRecord<String, String> record, ReceivedEvent event, Throwable failure,
               int attempts) {
        String headers = headers(record);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into inbox_dead_letter (consumer, topic, record_partition, record_offset, record_key,
                            event_id, event_type, headers, payload, reason, attempts, dead_lettered_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
                        on conflict (consumer, topic, record_partition, record_offset) do update
                        set reason = excluded.reason, attempts = excluded.attempts,
                            dead_lettered_at = excluded.dead_lettered_at, replayed_at = null, replayed_by = null""")
                .setParameter(1, consumer)
                .setParameter(2, record.topic())
                .setParameter(3, record.partition())
                .setParameter(4, record.offset())
                .setParameter(5, record.key())
                .setParameter(6, event.id())
                .setParameter(7, event.type())
                .setParameter(8, headers)
                .setParameter(9, record.value())
                .setParameter(10, reason(failure))
                .setParameter(11, attempts)
                .setParameter(12, OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))
                .executeUpdate());
        gauge(consumer);
        refresh();
    }

    public List<DeadLetter> list(String consumer, boolean includeReplayed, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            select id, consumer, topic, record_partition, record_offset, record_key, event_id, event_type,
                                   reason, attempts, dead_lettered_at, replayed_at, replayed_by
                            from inbox_dead_letter
                            where (cast(?1 as varchar) is null or consumer = ?1) and (?2 or replayed_at is null)
                            order by id limit ?3""")
                    .setParameter(1, consumer)
                    .setParameter(2, includeReplayed)
                    .setParameter(3, limit)
                    .getResultList();
            return rows.stream().map(DeadLetters::view).toList();
        });
    }

    public DeadLetter get(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            select id, consumer, topic, record_partition, record_offset, record_key, event_id, event_type,
                                   reason, attempts, dead_lettered_at, replayed_at, replayed_by
                            from inbox_dead_letter where id = ?1""")
                    .setParameter(1, id)
                    .getResultList();
            if (rows.isEmpty()) {
                throw ProblemException.notFound("No dead letter " + id + ".");
            }
            return view(rows.get(0));
        });
    }

    /**
     * Hands the stored record to its consumer again. An event the consumer already applied is skipped by
     * the inbox as usual, so replaying twice, or on two replicas at once, applies it once.
     */
    public DeadLetter replay(long id) {
        DeadLetter letter = get(id);
        if (letter.replayedAt() != null) {
            throw ProblemException.conflict("Dead letter " + id + " was replayed already.",
                    Map.of("replayedAt", letter.replayedAt().toString()));
        }
        InboxConsumer target = null;
        for (InboxConsumer consumer : consumers) {
            if (consumer.inboxName().equals(letter.consumer())) {
                target = consumer;
            }
        }
        if (target == null) {
            throw ProblemException.conflict("No consumer " + letter.consumer() + " runs in this service.", null);
        }
        ConsumerRecord<String, String> record = record(id);
        InboxConsumer consumer = target;
        try {
            Inbox.replay(() -> consumer.consume(record));
        } catch (Inbox.ReplayFailedException e) {
            if (!e.passing()) {
                QuarkusTransaction.requiringNew().run(() -> {
                    em.createNativeQuery("update inbox_dead_letter set reason = ?2, attempts = attempts + 1 where id = ?1")
                            .setParameter(1, id).setParameter(2, e.getMessage()).executeUpdate();
                    audit.record(AUDIT_ENTITY, id, REPLAY_FAILED, e.getMessage(),
                            Map.of("consumer", letter.consumer(), "eventId", String.valueOf(letter.eventId())), "inbox");
                });
                throw new ProblemException(422, "Replay failed", "The event still cannot be processed: " + e.getMessage(),
                        null, Map.of("deadLetterId", id));
            }
            throw new ProblemException(503, "Database unavailable",
                    "The database is not answering; replay again when it is back.", null, Map.of("deadLetterId", id));
        }
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update inbox_dead_letter set replayed_at = ?2, replayed_by = ?3 where id = ?1")
                    .setParameter(1, id)
                    .setParameter(2, OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))
                    .setParameter(3, actor.get("inbox").name())
                    .executeUpdate();
            audit.record(AUDIT_ENTITY, id, REPLAYED, null,
                    Map.of("consumer", letter.consumer(), "eventId", String.valueOf(letter.eventId()),
                            "eventType", String.valueOf(letter.eventType())), "inbox");
        });
        refresh();
        return get(id);
    }

    private ConsumerRecord<String, String> record(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) em.createNativeQuery("""
                            select topic, record_partition, record_offset, record_key, payload, headers
                            from inbox_dead_letter where id = ?1""")
                    .setParameter(1, id).getSingleResult();
            ConsumerRecord<String, String> record = new ConsumerRecord<>((String) row[0], ((Number) row[1]).intValue(),
                    ((Number) row[2]).longValue(), (String) row[3], (String) row[4]);
            try {
                List<List<String>> headers = json.readValue((String) row[5], new TypeReference<>() {
                });
                for (List<String> h : headers) {
                    record.headers().add(h.get(0), h.get(1) == null ? null : h.get(1).getBytes(StandardCharsets.UTF_8));
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("dead letter " + id + " has unreadable headers", e);
            }
            return record;
        });
    }

    private String headers(ConsumerRecord<String, String> record) {
        List<List<String>> headers = new ArrayList<>();
        for (Header h : record.headers()) {
            List<String> pair = new ArrayList<>(2);
            pair.add(h.key());
            pair.add(h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
            headers.add(pair);
        }
        try {
            return json.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DeadLetter view(Object[] r) {
        return new DeadLetter(((Number) r[0]).longValue(), (String) r[1], (String) r[2], ((Number) r[3]).intValue(),
                ((Number) r[4]).longValue(), (String) r[5], (String) r[6], (String) r[7], (String) r[8],
                ((Number) r[9]).intValue(), SqlTimestamps.instant(r[10]), SqlTimestamps.instant(r[11]), (String) r[12]);
    }

    /**
     * A failure as it may be shown and kept: the exception chain's messages, without PostgreSQL's
     * "Detail: Failing row contains (…)" (which repeats the row's personal data), at most 1,000 characters.
     */
    static String reason(Throwable failure) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = failure; t != null && out.length() < 1000; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message == null || out.indexOf(message) >= 0) {
                continue;
            }
            message = message.replaceAll("(?s)\\s*(Detail|DETAIL):.*", "").replaceAll("(?s)Failing row contains.*", "");
            if (!out.isEmpty()) {
                out.append(" <- ");
            }
            out.append(t.getClass().getSimpleName()).append(": ").append(message.strip());
        }
        if (out.isEmpty()) {
            out.append(failure.getClass().getSimpleName());
        }
        return out.length() > 1000 ? out.substring(0, 1000) : out.toString();
    }
}
