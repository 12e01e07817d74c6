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
        // a query string, whose plan Hibernate caches (Panache's count translates a derived query on every call)
        return !getEntityManager().createQuery("select 1 from CallEntity c where c.id = ?1", Integer.class)
                .setParameter(1, callId).setMaxResults(1).getResultList().isEmpty();
    }

    /** One reported status, as {@link #reportTicketStatus} takes it. */
    public record StatusReport(UUID callId, Instant at, UUID ticketId, String ticketNumber, String status,
                               String departmentCode, String departmentName, Instant resolveBy, String deliveryStatus,
                               String answer) {
    }

    /**
     * The reports of a whole poll in one statement, with the outcome of {@link #reportTicketStatus} called for each in
     * list order: per call, a report counts as newer when its time is at or after both the call's and every earlier
     * report's of the list (so the newest status wins and an older one never comes back, whatever the order of the
     * poll), fields left out keep the last value given, the last final answer given counts even from a late report, and
     * the version moves once per report that changed something.
     *
     * <p>The calls are locked first ({@code for update}, in id order) and the comparison uses the state the lock
     * returns, so a report committed meanwhile by another replica is compared with, not overwritten.
     *
     * @return the calls that exist, of those reported on
     */
    @SuppressWarnings("unchecked")
    public java.util.Set<UUID> reportTicketStatuses(List<StatusReport> reports) {
        if (reports.isEmpty()) {
            return java.util.Set.of();
        }
        int n = reports.size();
        String[][] columns = new String[10][n];
        for (int i = 0; i < n; i++) {
            StatusReport r = reports.get(i);
            Object[] values = {r.callId(), r.at(), r.ticketId(), r.ticketNumber(), r.status(), r.departmentCode(),
                    r.departmentName(), r.resolveBy(), r.deliveryStatus(), r.answer()};
            for (int c = 0; c < values.length; c++) {
                columns[c][i] = values[c] == null ? null : values[c].toString();
            }
        }
        var query = getEntityManager().createNativeQuery("""
                with v as (
                    select cast(r.call_id as uuid) as call_id, cast(r.at as timestamptz) as at,
                           cast(r.ticket_id as uuid) as ticket_id, r.ticket_number, r.status, r.department_code,
                           r.department_name, cast(r.resolve_by as timestamptz) as resolve_by, r.delivery_status,
                           r.answer, r.n
                    from unnest(cast(?1 as varchar[]), cast(?2 as varchar[]), cast(?3 as varchar[]),
                                cast(?4 as varchar[]), cast(?5 as varchar[]), cast(?6 as varchar[]),
                                cast(?7 as varchar[]), cast(?8 as varchar[]), cast(?9 as varchar[]),
                                cast(?10 as varchar[])) with ordinality
                        as r(call_id, at, ticket_id, ticket_number, status, department_code, department_name,
                             resolve_by, delivery_status, answer, n)),
                cur as (
                    select c.id, c.ticket_updated_at from call c where c.id in (select call_id from v)
                    order by c.id for update),
                s as (
                    select v.*, coalesce(v.at >= greatest(cur.ticket_updated_at, max(v.at) over (partition by v.call_id
                               order by v.n rows between unbounded preceding and 1 preceding)), true) as newer
                    from v join cur on cur.id = v.call_id),
                a as (
                    select call_id, bool_or(newer) as any_newer,
                           count(*) filter (where newer or answer is not null) as changes,
                           (array_agg(ticket_id order by n desc) filter (where newer))[1] as ticket_id,
                           (array_agg(ticket_number order by n desc) filter (where newer))[1] as ticket_number,
                           (array_agg(status order by n desc) filter (where newer))[1] as status,
                           (array_agg(at order by n desc) filter (where newer))[1] as at,
                           (array_agg(department_code order by n desc)
                               filter (where newer and department_code is not null))[1] as department_code,
                           (array_agg(department_name order by n desc)
                               filter (where newer and department_name is not null))[1] as department_name,
                           (array_agg(resolve_by order by n desc)
                               filter (where newer and resolve_by is not null))[1] as resolve_by,
                           (array_agg(delivery_status order by n desc)
                               filter (where newer and delivery_status is not null))[1] as delivery_status,
                           (array_agg(answer order by n desc) filter (where answer is not null))[1] as answer
                    from s group by call_id),
                u as (
                    update call c set
                        ticket_id = case when a.any_newer then a.ticket_id else c.ticket_id end,
                        ticket_number = case when a.any_newer then a.ticket_number else c.ticket_number end,
                        ticket_status = case when a.any_newer then a.status else c.ticket_status end,
                        ticket_updated_at = case when a.any_newer then a.at else c.ticket_updated_at end,
                        department_code = coalesce(a.department_code, c.department_code),
                        department_name = coalesce(a.department_name, c.department_name),
                        resolve_by = coalesce(a.resolve_by, c.resolve_by),
                        delivery_status = coalesce(a.delivery_status, c.delivery_status),
                        final_answer = coalesce(a.answer, c.final_answer),
                        version = c.version + a.changes
                    from a where c.id = a.call_id and a.changes > 0
                    returning c.id)
                select cast(cur.id as varchar) from cur""", String.class);
        for (int c = 0; c < columns.length; c++) {
            query.setParameter(c + 1, columns[c]);
        }
        List<String> known = query.unwrap(org.hibernate.query.NativeQuery.class).addSynchronizedQuerySpace("call")
                .getResultList();
        java.util.Set<UUID> ids = new java.util.HashSet<>();
        known.forEach(id -> ids.add(UUID.fromString(id)));
        return ids;
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
