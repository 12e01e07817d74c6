package org.linkage.intake.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CallRepository implements PanacheRepositoryBase<CallEntity, UUID> {

    public long nextCallSequence() {
        return ((Number) getEntityManager().createNativeQuery("select nextval('call_number_seq')").getSingleResult())
                .longValue();
    }

    public Optional<CallEntity> byIdempotencyKey(String takenBy, String key) {
        return find("takenBy = ?1 and idempotencyKey = ?2", takenBy, key).firstResultOptional();
    }

    public boolean retrievalCodeTaken(String code) {
        return count("retrievalCode", code) > 0;
    }

    /**
     * The same caller's other calls received in [from, to], newest first, at most {@code limit}: through the
     * (caller_hash, received_at) index, so the cost is the rows returned, not the calls stored.
     */
    public List<CallEntity> byCaller(String callerHash, Instant from, Instant to, UUID except, int limit) {
        return find("callerHash = ?1 and receivedAt >= ?2 and receivedAt <= ?3 and id <> ?4 order by receivedAt desc",
                callerHash, from, to, except).page(0, limit).list();
    }
}
