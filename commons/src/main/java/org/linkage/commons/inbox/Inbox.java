package org.linkage.commons.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Makes consumers idempotent: an event id is recorded per consumer in the same transaction as the
 * consumer's effect, so a redelivered or replayed event is recognised and skipped.
 */
@ApplicationScoped
public class Inbox {
    private final EntityManager em;
    private final ObjectMapper json;

    public Inbox(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
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
