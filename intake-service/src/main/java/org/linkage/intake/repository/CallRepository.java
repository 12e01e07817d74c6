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

    /** The unique index on retrieval codes: the only check that a drawn code is new (see CallService). */
    public static final String RETRIEVAL_CODE_UNIQUE = "call_retrieval_code_key";

    /**
     * Keeps the ticket's latest reported status on the call, in one statement and without loading it: a report older
     * than the one shown ({@code at} before {@code ticketUpdatedAt}) changes nothing but a final answer it carries.
     * Fields the report leaves out (null) keep their value. The version moves as for any change, so a decision made on
     * a copy read before this report is refused rather than silently overwriting it.
     *
     * @param answer the final answer, or null when the report carries none
     * @return whether the call exists
     */
    public boolean reportTicketStatus(UUID callId, Instant at, UUID ticketId, String ticketNumber, String status,
                                      String departmentCode, String departmentName, Instant resolveBy,
                                      String deliveryStatus, String answer) {
        int newer = getEntityManager().createQuery("""
                        update CallEntity c set c.ticketId = :ticketId, c.ticketNumber = :ticketNumber,
                            c.ticketStatus = :status, c.ticketUpdatedAt = :at,
                            c.departmentCode = coalesce(:departmentCode, c.departmentCode),
                            c.departmentName = coalesce(:departmentName, c.departmentName),
                            c.resolveBy = coalesce(:resolveBy, c.resolveBy),
                            c.deliveryStatus = coalesce(:deliveryStatus, c.deliveryStatus),
                            c.finalAnswer = coalesce(:answer, c.finalAnswer),
                            c.version = c.version + 1
                        where c.id = :id and (c.ticketUpdatedAt is null or c.ticketUpdatedAt <= :at)""")
                .setParameter("ticketId", ticketId).setParameter("ticketNumber", ticketNumber)
                .setParameter("status", status).setParameter("at", at)
                .setParameter("departmentCode", departmentCode).setParameter("departmentName", departmentName)
                .setParameter("resolveBy", resolveBy).setParameter("deliveryStatus", deliveryStatus)
                .setParameter("answer", answer).setParameter("id", callId)
                .executeUpdate();
        if (newer == 1) {
            return true;
        }
        // A late report (or none for this call): only its final answer, if any, still counts.
        if (answer != null) {
            return getEntityManager().createQuery("""
                            update CallEntity c set c.finalAnswer = :answer, c.version = c.version + 1
                            where c.id = :id""")
                    .setParameter("answer", answer).setParameter("id", callId).executeUpdate() == 1;
        }
        return count("id", callId) > 0;
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
