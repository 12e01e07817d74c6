package org.linkage.bridge.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.linkage.bridge.domain.DeliveryStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    /**
     * Leases up to {@code limit} due deliveries to the caller. SKIP LOCKED lets several workers (or
     * instances) claim disjoint rows without waiting; an expired lease is claimable again, which is
     * how a delivery whose worker died is picked up. A row with a newer version of its ticket is never
     * claimed: the re-dispatch supersedes it even if it was written before the supersession was.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> claimDue(Instant now, Instant leaseUntil, UUID token, int limit) {
        List<UUID> ids = getEntityManager().createNativeQuery("""
                        select id from delivery d
                        where status in ('PENDING', 'FAILED_RETRYING') and next_attempt_at <= ?1
                          and (claimed_until is null or claimed_until < ?1)
                          and not exists (select 1 from delivery n
                                          where n.ticket_id = d.ticket_id and n.ticket_version > d.ticket_version)
                        order by next_attempt_at
                        limit ?2
                        for update skip locked""", UUID.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
        if (!ids.isEmpty()) {
            getEntityManager().createNativeQuery(
                            "update delivery set claimed_until = ?1, claim_token = ?2 where id in (?3)")
                    .setParameter(1, leaseUntil)
                    .setParameter(2, token)
                    .setParameter(3, ids)
                    .executeUpdate();
        }
        return ids;
    }

    public List<Delivery> byStatus(DeliveryStatus status, int limit) {
        return find("status = ?1 order by updatedAt desc", status).page(0, limit).list();
    }

    public List<Delivery> recent(int limit) {
        return find("order by updatedAt desc").page(0, limit).list();
    }

    public List<DeliveryAttempt> attemptsOf(UUID deliveryId) {
        return DeliveryAttempt.list("deliveryId = ?1 order by attemptNo, id", deliveryId);
    }

    /**
     * The latest version of the ticket the department's system actually received, if any: a version still pending
     * (its system down) must not turn the department's retry of an earlier reply into a new update.
     */
    @Transactional
    public Integer latestDeliveredVersion(String ticketNumber, String departmentCode) {
        return find("ticketNumber = ?1 and departmentCode = ?2 and status = ?3 order by ticketVersion desc",
                ticketNumber, departmentCode, DeliveryStatus.DELIVERED)
                .firstResultOptional().map(d -> d.ticketVersion).orElse(null);
    }

    public int nextAttemptNo(UUID deliveryId) {
        Long count = DeliveryAttempt.count("deliveryId", deliveryId);
        return count.intValue() + 1;
    }
}
