package org.linkage.router.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.linkage.router.domain.Assessment;
import org.linkage.router.domain.AssessmentTier;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The counts behind the monthly ranking (考核排名), per tier and unit: a municipal department for itself, a district's
 * units together for the district ({@code RankingService} says what the figures mean).
 */
@ApplicationScoped
public class RankingFigures {
    private static final String TIER = "case when d.level = 'MUNICIPAL' then 'MUNICIPAL' else 'DISTRICT' end";
    private static final String UNIT = "case when d.level = 'MUNICIPAL' then d.code else d.district_code end";

    /** A unit's tickets of the window; those its accepted appeal took out are only counted, as excluded. */
    public record Tickets(AssessmentTier tier, String unit, Assessment.Counts counts, long excludedByAppeal) {
    }

    /** The appeals a unit filed about the window's tickets, by outcome. */
    public record Appeals(AssessmentTier tier, String unit, long filed, long accepted, long rejected, long pending) {
    }

    private final EntityManager em;

    public RankingFigures(EntityManager em) {
        this.em = em;
    }

    /** The dispatched tickets received in [from, to), counted for their lead unit. */
    public List<Tickets> tickets(Instant from, Instant to) {
        // native: counts with FILTER over ticket, department and appeal in one pass, which JPQL cannot say
        List<?> rows = em.createNativeQuery("""
                select %s as tier, %s as k,
                  count(*) filter (where ax.id is null),
                  count(*) filter (where ax.id is null and t.signed_at <= t.sign_by),
                  count(*) filter (where ax.id is null and t.replied_at <= t.resolve_by),
                  count(*) filter (where ax.id is null and t.satisfied is not null and t.status <> 'TERMINATED'),
                  count(*) filter (where ax.id is null and t.solved and t.status <> 'TERMINATED'),
                  count(*) filter (where ax.id is null and t.satisfied and t.status <> 'TERMINATED'),
                  count(ax.id)
                from ticket t
                join department d on d.code = t.lead_department_code
                left join appeal ax on ax.ticket_id = t.id and ax.department_code = t.lead_department_code
                  and ax.status = 'ACCEPTED'
                where t.created_at >= :from and t.created_at < :to and t.dispatched_at is not null
                group by 1, 2""".formatted(TIER, UNIT))
                .setParameter("from", from.atOffset(ZoneOffset.UTC)).setParameter("to", to.atOffset(ZoneOffset.UTC))
                .getResultList();
        List<Tickets> out = new ArrayList<>();
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            if (r[1] != null) {
                out.add(new Tickets(AssessmentTier.valueOf((String) r[0]), (String) r[1],
                        new Assessment.Counts(n(r[2]), n(r[3]), n(r[4]), n(r[5]), n(r[6]), n(r[7])), n(r[8])));
            }
        }
        return out;
    }

    /** The appeals about the tickets received in [from, to), for the unit that filed them. */
    public List<Appeals> appeals(Instant from, Instant to) {
        // native: counts with FILTER over appeal, ticket and department, which JPQL cannot say
        List<?> rows = em.createNativeQuery("""
                select %s as tier, %s as k, count(*),
                  count(*) filter (where a.status = 'ACCEPTED'),
                  count(*) filter (where a.status = 'REJECTED'),
                  count(*) filter (where a.status = 'PENDING')
                from appeal a
                join ticket t on t.id = a.ticket_id
                join department d on d.code = a.department_code
                where t.created_at >= :from and t.created_at < :to
                group by 1, 2""".formatted(TIER, UNIT))
                .setParameter("from", from.atOffset(ZoneOffset.UTC)).setParameter("to", to.atOffset(ZoneOffset.UTC))
                .getResultList();
        List<Appeals> out = new ArrayList<>();
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            if (r[1] != null) {
                out.add(new Appeals(AssessmentTier.valueOf((String) r[0]), (String) r[1], n(r[2]), n(r[3]), n(r[4]),
                        n(r[5])));
            }
        }
        return out;
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
