package org.linkage.bridge.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The queue of held Open311 requests; rows are leased so replicas never check the same request at once. */
@ApplicationScoped
public class Open311HeldRepository implements PanacheRepositoryBase<Open311Held, String> {

    /** Takes up to {@code max} due requests and leases them until {@code leasedUntil}. */
    @SuppressWarnings("unchecked")
    public List<Open311Held> leaseDue(Instant now, Instant leasedUntil, int max) {
        // native: "for update skip locked" with a limit, which JPQL cannot say
        List<Open311Held> due = getEntityManager().createNativeQuery("""
                        select * from open311_held where next_check_at <= ?1
                        order by next_check_at limit ?2 for update skip locked""", Open311Held.class)
                .setParameter(1, now.atOffset(ZoneOffset.UTC)).setParameter(2, max).getResultList();
        due.forEach(h -> h.nextCheckAt = leasedUntil);
        return due;
    }

    /** Counts a failed check and puts the next one at {@code next}. */
    public void later(String token, String error, Instant next) {
        update("attempts = attempts + 1, lastError = ?2, nextCheckAt = ?3 where token = ?1", token,
                error.length() > 500 ? error.substring(0, 500) : error, next);
    }
}
