package org.linkage.intake.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ConsultationRepository implements PanacheRepositoryBase<ConsultationEntity, UUID> {
    public Optional<ConsultationEntity> ofCall(UUID callId) {
        return find("callId", callId).firstResultOptional();
    }
}
