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
    /**
     * Counts a failure of the endpoint (%1$s) at %2$s; the circuit opens until %4$s once %3$s failures follow each
     * other. Part of the statement that records an attempt
     * ({@link DeliveryRepository#recordAttempt}); a failed trial after a cool-down re-opens the circuit straight away.
     */
    static final String FAILURE = """
            insert into endpoint_circuit (endpoint_url, consecutive_failures, open_until, updated_at)
            values (%1$s, 1, case when 1 >= %3$s then cast(%4$s as timestamptz) else null end, %2$s)
            on conflict (endpoint_url) do update set
              consecutive_failures = endpoint_circuit.consecutive_failures + 1,
              open_until = case when endpoint_circuit.consecutive_failures + 1 >= %3$s then cast(%4$s as timestamptz)
                                else endpoint_circuit.open_until end,
              updated_at = %2$s
            """;

    private final EntityManager em;

    public CircuitRepository(EntityManager em) {
        this.em = em;
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
}
