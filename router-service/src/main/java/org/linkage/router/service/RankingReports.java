package org.linkage.router.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.commons.problem.Problem;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.security.Actor;
import org.linkage.router.domain.Assessment;
import org.linkage.router.domain.ReportPublication;
import org.linkage.router.repository.RankingReport;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Published monthly ranking reports (月度考核排名通报): a supervisor freezes {@link RankingService}'s report of a month
 * that is over. The snapshot is stored whole, so an appeal decided or a ticket called back afterwards changes the live
 * ranking but not what was published; publishing the month again makes a new version with a reason (audited:
 * {@code ranking_report} PUBLISH).
 */
@ApplicationScoped
public class RankingReports {
    public static final String ENTITY = "ranking_report";

    /** A published version without its rows, for the list. */
    public record Summary(UUID id, String month, int version, boolean latest, String reason, String publishedBy,
                          Instant publishedAt, Assessment.Weights weights) {
    }

    /** A published version with the report as it was published. */
    public record Published(UUID id, String month, int version, boolean latest, String reason, String publishedBy,
                            Instant publishedAt, Assessment.Weights weights, List<Integer> versions,
                            RankingService.Report report) {
    }

    private final RankingService rankings;
    private final EntityManager em;
    private final ObjectMapper json;
    private final AuditTrail audit;
    private final Clock clock;

    public RankingReports(RankingService rankings, EntityManager em, ObjectMapper json, AuditTrail audit, Clock clock) {
        this.rankings = rankings;
        this.em = em;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Published publish(YearMonth month, String reason, Actor actor) {
        // two supervisors publishing the same month at once would otherwise both take the next version number
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(:k))")
                .setParameter("k", ENTITY + ":" + month).getSingleResult();
        Integer latest = RankingReport.latest(month.atDay(1)).map(r -> r.version).orElse(null);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        Optional<ReportPublication.Refusal> refusal = ReportPublication.refusal(month,
                rankings.lastMonth().plusMonths(1), latest, why);
        if (refusal.isPresent()) {
            throw switch (refusal.get()) {
                case MONTH_NOT_OVER -> refused("Month not over", "month", month + " 尚未结束，不能发布 / "
                        + month + " has not ended yet and cannot be published", Map.of("month", month.toString()));
                case REASON_REQUIRED -> refused("Already published", "reason", month + " 已发布第 " + latest
                        + " 版；重新发布须说明理由 / " + month + " is published already (version " + latest
                        + "); a new version needs a reason", Map.of("month", month.toString(), "publishedVersion", latest));
            };
        }
        RankingService.Report report = rankings.report(month);
        RankingReport r = new RankingReport();
        r.id = UUID.randomUUID();
        r.month = month.atDay(1);
        r.version = ReportPublication.nextVersion(latest);
        r.content = write(report);
        r.weights = write(report.weights());
        r.reason = why;
        r.publishedBy = actor.name();
        r.publishedAt = clock.instant();
        r.persist();
        em.flush();
        audit.record(actor, ENTITY, r.id, "PUBLISH", why, Map.of("month", month.toString(), "version", r.version));
        return view(r, true, versions(month));
    }

    @Transactional
    public List<Summary> list(int size) {
        List<RankingReport> all = RankingReport.newestFirst(size);
        String[] previousMonth = {null};
        return all.stream().map(r -> {
            boolean latest = !r.month.toString().equals(previousMonth[0]);
            previousMonth[0] = r.month.toString();
            return new Summary(r.id, YearMonth.from(r.month).toString(), r.version, latest, r.reason, r.publishedBy,
                    r.publishedAt, read(r.weights, Assessment.Weights.class));
        }).toList();
    }

    /** The month's newest version, or the one asked for. */
    @Transactional
    public Published get(YearMonth month, Integer version) {
        List<RankingReport> all = RankingReport.ofMonth(month.atDay(1));
        if (all.isEmpty()) {
            throw ProblemException.notFound(month + " 尚未发布考核排名 / no ranking report is published for " + month);
        }
        RankingReport r = version == null ? all.get(0)
                : all.stream().filter(x -> x.version == version).findFirst().orElseThrow(() -> ProblemException.notFound(
                month + " 无第 " + version + " 版 / " + month + " has no version " + version));
        return view(r, r == all.get(0), all.stream().map(x -> x.version).sorted().toList());
    }

    private List<Integer> versions(YearMonth month) {
        return RankingReport.ofMonth(month.atDay(1)).stream().map(x -> x.version).sorted().toList();
    }

    private Published view(RankingReport r, boolean latest, List<Integer> versions) {
        return new Published(r.id, YearMonth.from(r.month).toString(), r.version, latest, r.reason, r.publishedBy,
                r.publishedAt, read(r.weights, Assessment.Weights.class), versions,
                read(r.content, RankingService.Report.class));
    }

    private static ProblemException refused(String title, String field, String detail, Map<String, Object> extensions) {
        return new ProblemException(409, title, detail, List.of(new Problem.FieldError(field, detail)), extensions);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the ranking report does not serialise", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored ranking report does not parse", e);
        }
    }
}
