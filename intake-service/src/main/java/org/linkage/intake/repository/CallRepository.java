package org.linkage.intake.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import org.linkage.intake.classification.Disposition;
import org.linkage.intake.domain.Decision;

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

    /** How many decided calls share a suggestion and a decision. */
    public record DecisionCount(Disposition suggestedDisposition, String suggestedCategory, Decision decision,
                                Disposition disposition, String categoryCode, long count) {
    }

    /** Decided calls, counted by what was suggested and what was decided; decided in [from, to) where given. */
    public List<DecisionCount> decisionCounts(Instant from, Instant to) {
        String jpql = """
                select c.suggestedDisposition, c.suggestedCategory, c.decision, c.disposition, c.categoryCode, count(c)
                from CallEntity c
                where c.decision <> org.linkage.intake.domain.Decision.PENDING"""
                + (from == null ? "" : " and c.decidedAt >= :from")
                + (to == null ? "" : " and c.decidedAt < :to")
                + " group by c.suggestedDisposition, c.suggestedCategory, c.decision, c.disposition, c.categoryCode";
        var query = getEntityManager().createQuery(jpql, Object[].class);
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        return query.getResultList().stream().map(row -> new DecisionCount((Disposition) row[0], (String) row[1],
                (Decision) row[2], (Disposition) row[3], (String) row[4], (Long) row[5])).toList();
    }

    /** Overridden calls decided in [from, to) where given, oldest decision first, at most {@code limit}. */
    public List<CallEntity> overridden(Instant from, Instant to, int limit) {
        String jpql = "from CallEntity c where c.decision = :overridden"
                + (from == null ? "" : " and c.decidedAt >= :from")
                + (to == null ? "" : " and c.decidedAt < :to")
                + " order by c.decidedAt, c.id";
        var query = getEntityManager().createQuery(jpql, CallEntity.class).setParameter("overridden", Decision.OVERRIDDEN)
                .setMaxResults(limit);
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        return query.getResultList();
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
