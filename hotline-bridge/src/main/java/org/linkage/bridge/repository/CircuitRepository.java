package org.linkage.bridge.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;

/**
 * The per-endpoint circuit, kept in the database so every bridge instance sees the same state and a
 * restart does not forget that an endpoint is down.
 */
@ApplicationScoped
public class CircuitRepository {
    private final EntityManager em;

    public CircuitRepository(EntityManager em) {
        this.em = em;
    }

    /** When the endpoint's circuit closes again, or null when it is closed now. */
    public Instant openUntil(String endpoint, Instant now) {
        var rows = em.createNativeQuery("select open_until from endpoint_circuit where endpoint_url = ?1", Instant.class)
                .setParameter(1, endpoint).getResultList();
        if (rows.isEmpty() || rows.get(0) == null) {
            return null;
        }
        Instant until = (Instant) rows.get(0);
        return until.isAfter(now) ? until : null;
    }

    /**
     * Closes the circuit. Writes only when there is something to reset: on a healthy endpoint every
     * success would otherwise update (and lock) the same row, serialising all its deliveries.
     */
    public void success(String endpoint, Instant now) {
        em.createNativeQuery("""
                        update endpoint_circuit set consecutive_failures = 0, open_until = null, updated_at = ?2
                        where endpoint_url = ?1 and (consecutive_failures <> 0 or open_until is not null)""")
                .setParameter(1, endpoint).setParameter(2, now).executeUpdate();
    }

    /**
     * Counts a failure; once {@code threshold} failures follow each other the circuit opens until
     * {@code openUntil}. A failed trial after a cool-down re-opens it straight away.
     */
    public void failure(String endpoint, Instant now, int threshold, Instant openUntil) {
        em.createNativeQuery("""
                        insert into endpoint_circuit (endpoint_url, consecutive_failures, open_until, updated_at)
                        values (?1, 1, case when 1 >= ?3 then cast(?4 as timestamptz) else null end, ?2)
                        on conflict (endpoint_url) do update set
                          consecutive_failures = endpoint_circuit.consecutive_failures + 1,
                          open_until = case when endpoint_circuit.consecutive_failures + 1 >= ?3 then cast(?4 as timestamptz)
                                            else endpoint_circuit.open_until end,
                          updated_at = ?2""")
                .setParameter(1, endpoint).setParameter(2, now).setParameter(3, threshold).setParameter(4, openUntil)
                .executeUpdate();
    }
}
