package org.linkage.router.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.security.Actor;
import org.linkage.router.domain.TicketStatus;
import org.linkage.router.repository.DispatchRule;
import org.linkage.router.repository.District;
import org.linkage.router.repository.MonthlyTheme;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The theme of the month (每月一题): a supervisor flags a category × district, suggested from the hotspots and from the
 * busiest pairs of the month before, and follows its tickets of that month as a group: how many, how many still open
 * or overdue (the statistics' rule: replied late, or past the resolve-by and still with the unit), resolved, and the
 * callers' satisfaction. Flagging is audited ({@code monthly_theme}: FLAG).
 */
@ApplicationScoped
public class MonthlyThemes {
    public static final String ENTITY = "monthly_theme";
    private static final int SUGGESTIONS = 10;

    public record Suggestion(String categoryCode, String districtCode, String source, long count, boolean flagged) {
    }

    public record Figures(long tickets, long open, long overdue, long resolved, long calledBack, long satisfied,
                          BigDecimal resolutionRate, BigDecimal satisfactionRate) {
    }

    public record ThemeTicket(String ticketNumber, String status, String leadDepartmentCode, Instant createdAt,
                              Instant resolveBy, boolean overdue, Boolean solved, Boolean satisfied) {
    }

    public record ThemeView(UUID id, String month, String categoryCode, String districtCode, String districtNameZh,
                            String note, String flaggedBy, Instant flaggedAt, Figures figures,
                            List<ThemeTicket> tickets) {
    }

    private static final String OVERDUE = "(t.replied_at > t.resolve_by or (t.replied_at is null and t.resolve_by < :now"
            + " and t.status in ('DISPATCHED','SIGNED','IN_PROGRESS','RETURN_REVIEW')))";
    private static final String FINAL = "('CLOSED','MERGED','TRANSFERRED_TO_POLICE','TERMINATED')";

    private final EntityManager em;
    private final StatisticsService statistics;
    private final RankingService months;
    private final AuditTrail audit;
    private final Clock clock;

    public MonthlyThemes(EntityManager em, StatisticsService statistics, RankingService months, AuditTrail audit,
                         Clock clock) {
        this.em = em;
        this.statistics = statistics;
        this.months = months;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The hot pairs the statistics' hotspot query finds now (its default window), then the busiest pairs of the month
     * before {@code month}; each once, marked when already flagged for the month.
     */
    @Transactional
    public List<Suggestion> suggestions(YearMonth month, Actor actor) {
        Set<String> flagged = new HashSet<>();
        for (MonthlyTheme t : MonthlyTheme.ofMonth(month.atDay(1))) {
            flagged.add(t.categoryCode + "|" + t.districtCode);
        }
        Map<String, Suggestion> out = new LinkedHashMap<>();
        for (StatisticsService.Hotspot h : statistics.hotspots(1, 28, 3, 5, false, actor)) {
            String k = h.categoryCode() + "|" + h.districtCode();
            out.putIfAbsent(k, new Suggestion(h.categoryCode(), h.districtCode(), "HOTSPOT", h.recent(), flagged.contains(k)));
        }
        YearMonth before = month.minusMonths(1);
        List<?> rows = em.createNativeQuery("""
                select category_code, district_code, count(*) from ticket
                where created_at >= :from and created_at < :to and district_code is not null
                group by 1, 2 order by 3 desc, 1, 2 limit :limit""")
                .setParameter("from", utc(months.start(before))).setParameter("to", utc(months.start(month)))
                .setParameter("limit", SUGGESTIONS).getResultList();
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            String k = r[0] + "|" + r[1];
            out.putIfAbsent(k, new Suggestion((String) r[0], (String) r[1], "PREVIOUS_MONTH", ((Number) r[2]).longValue(),
                    flagged.contains(k)));
        }
        return new ArrayList<>(out.values());
    }

    @Transactional
    public ThemeView flag(YearMonth month, String categoryCode, String districtCode, String note, Actor actor) {
        if (DispatchRule.currentFor(categoryCode).isEmpty()) {
            throw ProblemException.badRequest("categoryCode", "no such category in the dispatch catalogue: " + categoryCode);
        }
        if (District.findById(districtCode) == null) {
            throw ProblemException.badRequest("districtCode", "no such district: " + districtCode);
        }
        if (MonthlyTheme.exists(month.atDay(1), categoryCode, districtCode)) {
            throw ProblemException.conflict(categoryCode + " × " + districtCode + " is already a theme of " + month,
                    Map.of("month", month.toString()));
        }
        MonthlyTheme t = new MonthlyTheme();
        t.id = UUID.randomUUID();
        t.month = month.atDay(1);
        t.categoryCode = categoryCode;
        t.districtCode = districtCode;
        t.note = note == null || note.isBlank() ? null : note.strip();
        t.flaggedBy = actor.name();
        t.flaggedAt = clock.instant();
        t.persist();
        em.flush();
        audit.record(actor, ENTITY, t.id, "FLAG", t.note, Map.of("month", month.toString(), "categoryCode", categoryCode,
                "districtCode", districtCode));
        return view(t, false);
    }

    @Transactional
    public List<ThemeView> ofMonth(YearMonth month) {
        List<ThemeView> views = new ArrayList<>();
        for (MonthlyTheme t : MonthlyTheme.ofMonth(month.atDay(1))) {
            views.add(view(t, false));
        }
        return views;
    }

    @Transactional
    public ThemeView get(UUID id) {
        MonthlyTheme t = MonthlyTheme.findById(id);
        if (t == null) {
            throw ProblemException.notFound("no theme " + id);
        }
        return view(t, true);
    }

    private ThemeView view(MonthlyTheme theme, boolean withTickets) {
        YearMonth month = YearMonth.from(theme.month);
        Map<String, Object> params = Map.of("c", theme.categoryCode, "d", theme.districtCode,
                "from", utc(months.start(month)), "to", utc(months.start(month.plusMonths(1))), "now", utc(clock.instant()));
        var q = em.createNativeQuery("""
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
        params.forEach(q::setParameter);
        Object[] r = (Object[]) q.getSingleResult();
        Figures figures = new Figures(n(r[0]), n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5]), d(r[6]), d(r[7]));
        List<ThemeTicket> tickets = new ArrayList<>();
        if (withTickets) {
            var list = em.createNativeQuery("""
                    select t.ticket_number, t.status, t.lead_department_code, t.created_at, t.resolve_by, %s, t.solved,
                      t.satisfied
                    from ticket t
                    where t.category_code = :c and t.district_code = :d and t.created_at >= :from and t.created_at < :to
                    order by t.created_at limit 500""".formatted(OVERDUE));
            params.forEach(list::setParameter);
            for (Object o : list.getResultList()) {
                Object[] x = (Object[]) o;
                tickets.add(new ThemeTicket((String) x[0], TicketStatus.valueOf((String) x[1]).name(), (String) x[2],
                        instant(x[3]), instant(x[4]), Boolean.TRUE.equals(x[5]), (Boolean) x[6], (Boolean) x[7]));
            }
        }
        District district = District.findById(theme.districtCode);
        return new ThemeView(theme.id, month.toString(), theme.categoryCode, theme.districtCode,
                district == null ? theme.districtCode : district.nameZh, theme.note, theme.flaggedBy, theme.flaggedAt,
                figures, tickets);
    }

    private static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp " + o.getClass());
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static BigDecimal d(Object o) {
        return o == null ? null : o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
    }
}
