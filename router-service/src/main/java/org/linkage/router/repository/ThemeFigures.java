package org.linkage.router.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.linkage.commons.time.SqlTimestamps.instant;

/**
 * The tickets behind a theme of the month (每月一题): a category × district in a window, counted and listed. Overdue is
 * the statistics' rule (replied late, or past the resolve-by and still with the unit), written once here for both.
 */
@ApplicationScoped
public class ThemeFigures {
    private static final String OVERDUE = "(t.replied_at > t.resolve_by or (t.replied_at is null and t.resolve_by < :now"
            + " and t.status in ('DISPATCHED','SIGNED','IN_PROGRESS','RETURN_REVIEW')))";
    private static final String FINAL = "('CLOSED','MERGED','TRANSFERRED_TO_POLICE','TERMINATED')";

    /** A category × district and its number of tickets. */
    public record Pair(String categoryCode, String districtCode, long count) {
    }

    public record Counts(long tickets, long open, long overdue, long resolved, long calledBack, long satisfied,
                         BigDecimal resolutionRate, BigDecimal satisfactionRate) {
    }

    public record Row(String ticketNumber, String status, String leadDepartmentCode, Instant createdAt,
                      Instant resolveBy, boolean overdue, Boolean solved, Boolean satisfied) {
    }

    private final EntityManager em;

    public ThemeFigures(EntityManager em) {
        this.em = em;
    }

    /** The {@code max} busiest category × district pairs of the tickets received in [from, to). */
    public List<Pair> busiestPairs(Instant from, Instant to, int max) {
        return em.createQuery("""
                        select t.categoryCode, t.districtCode, count(t)
                        from Ticket t where t.createdAt >= :from and t.createdAt < :to and t.districtCode is not null
                        group by t.categoryCode, t.districtCode
                        order by count(t) desc, t.categoryCode, t.districtCode""", Object[].class)
                .setParameter("from", from).setParameter("to", to).setMaxResults(max).getResultStream()
                .map(r -> new Pair((String) r[0], (String) r[1], n(r[2]))).toList();
    }

    /** The theme's tickets received in [from, to), counted as the statistics count them at {@code now}. */
    public Counts counts(String categoryCode, String districtCode, Instant from, Instant to, Instant now) {
        // native: counts with FILTER and rounded ratios in one pass, which JPQL cannot say
        Query q = em.createNativeQuery("""
                select count(*),
                  count(*) filter (where t.status not in %s),
                  count(*) filter (where %s),
                  count(*) filter (where t.solved),
                  count(*) filter (where t.satisfied is not null),
                  count(*) filter (where t.satisfied),
                  round(count(*) filter (where t.solved)::numeric / nullif(count(*) filter (where t.satisfied is not null), 0), 4),
                  round(count(*) filter (where t.satisfied)::numeric / nullif(count(*) filter (where t.satisfied is not null), 0), 4)
                from ticket t
                where t.category_code = :c and t.district_code = :d and t.created_at >= :from and t.created_at < :to"""
                .formatted(FINAL, OVERDUE));
        Object[] r = (Object[]) bind(q, categoryCode, districtCode, from, to, now).getSingleResult();
        return new Counts(n(r[0]), n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5]), d(r[6]), d(r[7]));
    }

    /** The first 500 of those tickets, oldest first. */
    public List<Row> tickets(String categoryCode, String districtCode, Instant from, Instant to, Instant now) {
        // native: the overdue rule is the SQL the counts use, so a ticket listed as overdue is one counted as overdue
        Query q = em.createNativeQuery("""
                select t.ticket_number, t.status, t.lead_department_code, t.created_at, t.resolve_by, %s, t.solved,
                  t.satisfied
                from ticket t
                where t.category_code = :c and t.district_code = :d and t.created_at >= :from and t.created_at < :to
                order by t.created_at limit 500""".formatted(OVERDUE));
        List<Row> out = new ArrayList<>();
        for (Object o : bind(q, categoryCode, districtCode, from, to, now).getResultList()) {
            Object[] x = (Object[]) o;
            out.add(new Row((String) x[0], (String) x[1], (String) x[2], instant(x[3]), instant(x[4]),
                    Boolean.TRUE.equals(x[5]), (Boolean) x[6], (Boolean) x[7]));
        }
        return out;
    }

    private static Query bind(Query q, String categoryCode, String districtCode, Instant from, Instant to, Instant now) {
        return q.setParameter("c", categoryCode).setParameter("d", districtCode)
                .setParameter("from", from.atOffset(ZoneOffset.UTC)).setParameter("to", to.atOffset(ZoneOffset.UTC))
                .setParameter("now", now.atOffset(ZoneOffset.UTC));
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static BigDecimal d(Object o) {
        return o == null ? null : o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
    }
}
