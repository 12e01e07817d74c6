package org.linkage.intake.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

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
}
