package org.linkage.commons.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * Makes consumers idempotent: an event id is recorded per consumer in the same transaction as the
 * consumer's effect, so a redelivered or replayed event is recognised and skipped.
 */
@ApplicationScoped
public class Inbox {
    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final EntityManager em;
    private final ObjectMapper json;
    private final int attempts;
    private final Duration firstBackoff;
    private final Duration maxBackoff;

    public Inbox(EntityManager em, ObjectMapper json,
                 @ConfigProperty(name = "linkage.inbox.attempts", defaultValue = "8") int attempts,
                 @ConfigProperty(name = "linkage.inbox.first-backoff", defaultValue = "200ms") Duration firstBackoff,
                 @ConfigProperty(name = "linkage.inbox.max-backoff", defaultValue = "5s") Duration maxBackoff) {
        this.em = em;
        this.json = json;
        this.attempts = Math.max(1, attempts);
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    /**
     * Applies {@code effect} to an event of the given type exactly once per consumer, in a transaction
     * of its own. A failure of the effect (the database restarting, a lock time-out) is retried with
     * backoff, so a passing fault never sends a good event to the dead-letter topic; an event whose
     * data cannot be read fails at once, since retrying cannot help it. Events of other types are
     * ignored. Call it from a {@code @Blocking} consumer method that has no transaction of its own.
     */
    public <T> void consume(String consumer, ConsumerRecord<String, String> record, String type, Class<T> dataType,
                            BiConsumer<ReceivedEvent, T> effect) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!type.equals(event.type())) {
            return;
        }
        T data = data(event, dataType);
        Duration backoff = firstBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (firstDelivery(consumer, event)) {
                        effect.accept(event, data);
                    }
                });
                return;
            } catch (RuntimeException e) {
                if (attempt >= attempts) {
                    LOG.errorf("%s gave up on event %s (%s) after %d attempts: %s", consumer, event.id(), event.type(),
                            attempt, e.getMessage());
                    throw e;
                }
                LOG.warnf("%s: event %s failed (attempt %d of %d), retrying in %d ms: %s", consumer, event.id(),
                        attempt, attempts, backoff.toMillis(), e.getMessage());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
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
                .executeUpdate();
        return inserted == 1;
    }

    public <T> T data(ReceivedEvent event, Class<T> type) {
        try {
            return json.readValue(event.data(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("event " + event.id() + " has unreadable data for " + event.type(), e);
        }
    }
}
