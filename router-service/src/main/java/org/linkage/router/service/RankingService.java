package org.linkage.router.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.linkage.router.config.RouterConfig;
import org.linkage.router.domain.Assessment;
import org.linkage.router.domain.AssessmentTier;
import org.linkage.router.repository.Department;
import org.linkage.router.repository.District;
import org.linkage.router.repository.RankingFigures;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The monthly ranking report (考核排名): the tickets received in a month of the router's zone
 * ({@code linkage.router.zone}), counted for their lead unit, in two tiers. A municipal department counts for itself;
 * a district's units (its government, its law enforcement, its streets) count together for the district. A ticket
 * whose lead unit's appeal was accepted is left out of that unit's figures (and shown as {@code excludedByAppeal});
 * the appeals about the month's tickets are counted per unit whatever their outcome. A terminated ticket's return call
 * is not counted ({@link org.linkage.router.domain.TerminatedCallBack}). The rates and the score are
 * {@link Assessment}'s.
 */
@ApplicationScoped
public class RankingService {

    public record Report(String month, String zone, Instant from, Instant to, Instant generatedAt,
                         Assessment.Weights weights, List<Tier> tiers) {
    }

    public record Tier(AssessmentTier tier, String nameZh, List<Row> rows) {
    }

    public record Row(Integer rank, String unitCode, String nameZh, String nameEn, long dispatched, long signedOnTime,
                      long closedOnTime, long calledBack, long solved, long satisfied, BigDecimal signOnTimeRate,
                      BigDecimal closeOnTimeRate, BigDecimal resolutionRate, BigDecimal satisfactionRate,
                      BigDecimal score, long excludedByAppeal, long appealsFiled, long appealsAccepted,
                      long appealsRejected, long appealsPending) {
    }

    private record Key(AssessmentTier tier, String code) {
    }

    private record Appeals(long filed, long accepted, long rejected, long pending) {
    }

    private final RankingFigures figures;
    private final Assessment assessment;
    private final Clock clock;
    private final ZoneId zone;

    public RankingService(RankingFigures figures, Assessment assessment, Clock clock, RouterConfig config) {
        this.figures = figures;
        this.assessment = assessment;
        this.clock = clock;
        this.zone = ZoneId.of(config.zone());
    }

    public Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    public YearMonth lastMonth() {
        return YearMonth.now(clock.withZone(zone)).minusMonths(1);
    }

    @Transactional
    public Report report(YearMonth month) {
        Instant from = start(month);
        Instant to = start(month.plusMonths(1));
        Map<Key, Assessment.Counts> counts = new HashMap<>();
        Map<Key, Long> excluded = new HashMap<>();
        for (RankingFigures.Tickets t : figures.tickets(from, to)) {
            Key key = new Key(t.tier(), t.unit());
            counts.put(key, t.counts());
            excluded.put(key, t.excludedByAppeal());
        }
        Map<Key, Appeals> appeals = new HashMap<>();
        for (RankingFigures.Appeals a : figures.appeals(from, to)) {
            appeals.put(new Key(a.tier(), a.unit()), new Appeals(a.filed(), a.accepted(), a.rejected(), a.pending()));
        }
        Map<AssessmentTier, List<Assessment.Entry<String>>> entries = new EnumMap<>(AssessmentTier.class);
        for (AssessmentTier tier : AssessmentTier.values()) {
            entries.put(tier, new ArrayList<>());
        }
        Map<Key, Boolean> seen = new TreeMap<>((a, b) -> a.tier() != b.tier() ? a.tier().compareTo(b.tier())
                : a.code().compareTo(b.code()));
        counts.keySet().forEach(k -> seen.put(k, true));
        appeals.keySet().forEach(k -> seen.put(k, true));
        Assessment.Counts none = new Assessment.Counts(0, 0, 0, 0, 0, 0);
        for (Key k : seen.keySet()) {
            entries.get(k.tier()).add(new Assessment.Entry<>(k.code(), counts.getOrDefault(k, none)));
        }
        List<Tier> tiers = new ArrayList<>();
        for (AssessmentTier tier : AssessmentTier.values()) {
            List<Row> rows = new ArrayList<>();
            for (Assessment.Standing<String> s : assessment.rank(entries.get(tier))) {
                Key k = new Key(tier, s.unit());
                Appeals ap = appeals.getOrDefault(k, new Appeals(0, 0, 0, 0));
                String[] names = names(tier, s.unit());
                Assessment.Counts c = s.counts();
                Assessment.Rates r = s.rates();
                rows.add(new Row(s.rank(), s.unit(), names[0], names[1], c.dispatched(), c.signedOnTime(),
                        c.closedOnTime(), c.calledBack(), c.solved(), c.satisfied(), r.signOnTime(), r.closeOnTime(),
                        r.resolution(), r.satisfaction(), r.score(), excluded.getOrDefault(k, 0L), ap.filed(),
                        ap.accepted(), ap.rejected(), ap.pending()));
            }
            tiers.add(new Tier(tier, tier.nameZh(), rows));
        }
        return new Report(month.toString(), zone.getId(), from, to, clock.instant(), assessment.weights(), tiers);
    }

    private static String[] names(AssessmentTier tier, String code) {
        if (tier == AssessmentTier.MUNICIPAL) {
            Department d = Department.findById(code);
            return d == null ? new String[]{code, code} : new String[]{d.nameZh, d.nameEn};
        }
        District d = District.findById(code);
        return d == null ? new String[]{code, code} : new String[]{d.nameZh, d.nameEn};
    }

}
