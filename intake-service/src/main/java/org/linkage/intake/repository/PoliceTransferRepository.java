package org.linkage.intake.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class PoliceTransferRepository implements PanacheRepositoryBase<PoliceTransferEntity, UUID> {
}
