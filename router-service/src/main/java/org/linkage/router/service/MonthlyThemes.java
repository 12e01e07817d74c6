package org.linkage.router.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.security.Actor;
import org.linkage.router.domain.TicketStatus;
import org.linkage.router.repository.DispatchRule;
import org.linkage.router.repository.District;
import org.linkage.router.repository.MonthlyTheme;
import org.linkage.router.repository.ThemeFigures;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
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

    private final ThemeFigures figures;
    private final StatisticsService statistics;
    private final RankingService months;
    private final AuditTrail audit;
    private final Clock clock;

    public MonthlyThemes(ThemeFigures figures, StatisticsService statistics, RankingService months, AuditTrail audit,
                         Clock clock) {
        this.figures = figures;
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
        for (ThemeFigures.Pair p : figures.busiestPairs(months.start(before), months.start(month), SUGGESTIONS)) {
            String k = p.categoryCode() + "|" + p.districtCode();
            out.putIfAbsent(k, new Suggestion(p.categoryCode(), p.districtCode(), "PREVIOUS_MONTH", p.count(),
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
        t.persistAndFlush();
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
        Instant from = months.start(month);
        Instant to = months.start(month.plusMonths(1));
        Instant now = clock.instant();
        ThemeFigures.Counts c = figures.counts(theme.categoryCode, theme.districtCode, from, to, now);
        Figures counts = new Figures(c.tickets(), c.open(), c.overdue(), c.resolved(), c.calledBack(), c.satisfied(),
                c.resolutionRate(), c.satisfactionRate());
        List<ThemeTicket> tickets = new ArrayList<>();
        if (withTickets) {
            for (ThemeFigures.Row x : figures.tickets(theme.categoryCode, theme.districtCode, from, to, now)) {
                tickets.add(new ThemeTicket(x.ticketNumber(), TicketStatus.valueOf(x.status()).name(),
                        x.leadDepartmentCode(), x.createdAt(), x.resolveBy(), x.overdue(), x.solved(), x.satisfied()));
            }
        }
        District district = District.findById(theme.districtCode);
        return new ThemeView(theme.id, month.toString(), theme.categoryCode, theme.districtCode,
                district == null ? theme.districtCode : district.nameZh, theme.note, theme.flaggedBy, theme.flaggedAt,
                counts, tickets);
    }
}
