package org.linkage.intake.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TicketStatusReportRepository implements PanacheRepository<TicketStatusReport> {
    public List<TicketStatusReport> ofCall(UUID callId) {
        return list("callId = ?1 order by at, id", callId);
    }
}
