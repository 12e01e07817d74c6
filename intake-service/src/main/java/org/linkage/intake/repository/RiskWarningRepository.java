package org.linkage.intake.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Warnings raised per call (table risk_warning): native SQL for the insert that may find its row already there. */
@ApplicationScoped
public class RiskWarningRepository {
    /** One count of the statistics: warnings of a rule on a category in a district. */
    public record Count(String ruleCode, String kind, String categoryCode, String districtCode, long warnings) {
    }

    private final EntityManager em;

    public RiskWarningRepository(EntityManager em) {
        this.em = em;
    }

    /** @return true when the warning is new for the call; a call's rule counts once however often it is looked at */
    public boolean record(UUID callId, String ruleCode, String kind, String categoryCode, String districtCode,
                          Instant raisedAt, String raisedBy, String evidence) {
        return em.createNativeQuery("""
                        insert into risk_warning (call_id, rule_code, kind, category_code, district_code, raised_at,
                                                  raised_by, evidence)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                        on conflict (call_id, rule_code) do nothing""")
                .setParameter(1, callId).setParameter(2, ruleCode).setParameter(3, kind).setParameter(4, categoryCode)
                .setParameter(5, districtCode).setParameter(6, raisedAt).setParameter(7, raisedBy)
                .setParameter(8, evidence).executeUpdate() == 1;
    }

    /** Warnings raised in [from, to) (either end open when null), per rule, category and district. */
    @SuppressWarnings("unchecked")
    public List<Count> counts(Instant from, Instant to) {
        var query = em.createNativeQuery("select rule_code, kind, category_code, district_code, count(*)"
                + " from risk_warning where true"
                + (from == null ? "" : " and raised_at >= :from")
                + (to == null ? "" : " and raised_at < :to")
                + " group by rule_code, kind, category_code, district_code"
                + " order by count(*) desc, rule_code, category_code, district_code");
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Count((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                ((Number) r[4]).longValue())).toList();
    }
}
