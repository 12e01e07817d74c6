package org.linkage.router.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.commons.problem.Problem;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.security.Actor;
import org.linkage.router.config.RouterConfig;
import org.linkage.router.domain.ArticleStatus;
import org.linkage.router.domain.KnowledgeText;
import org.linkage.router.domain.KnowledgeWorkflow;
import org.linkage.router.repository.Department;
import org.linkage.router.repository.DispatchRule;
import org.linkage.router.repository.KnowledgeArticle;
import org.linkage.router.repository.KnowledgeVersion;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writing and reviewing knowledge-base articles. Every edit is a new version; a version reaches readers only once
 * a reviewer publishes it ({@link KnowledgeWorkflow}). Every change is audited as {@code knowledge_article}.
 */
@ApplicationScoped
public class KnowledgeService {
    static final String AUDIT_TYPE = "knowledge_article";

    private final EntityManager em;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    public KnowledgeService(EntityManager em, AuditTrail audit, Clock clock, RouterConfig config) {
        this.em = em;
        this.audit = audit;
        this.clock = clock;
        this.zone = ZoneId.of(config.zone());
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    // ---- writing

    @Transactional
    public KnowledgeData.ArticleView create(KnowledgeData.ArticleInput in, Actor actor) {
        String unit = in.departmentCode() != null ? in.departmentCode() : actor.department();
        if (unit == null) {
            throw ProblemException.badRequest("departmentCode", "必填：文章所属单位 / required: the unit that owns the article");
        }
        if (Department.findById(unit) == null) {
            throw ProblemException.badRequest("departmentCode", "未知单位 / unknown unit " + unit);
        }
        requireEditor(actor, unit);
        KnowledgeArticle a = new KnowledgeArticle();
        a.departmentCode = unit;
        a.latestVersion = 0;
        a.createdAt = clock.instant();
        a.createdBy = actor.name();
        a.persist();
        KnowledgeVersion v = newVersion(a, in, actor);
        audit.record(actor, AUDIT_TYPE, a.id, "CREATE", null, details(v));
        return view(a, actor);
    }

    @Transactional
    public KnowledgeData.ArticleView edit(long id, KnowledgeData.ArticleInput in, Actor actor) {
        KnowledgeArticle a = lockedArticle(id, actor);
        requireEditor(actor, a.departmentCode);
        if (in.departmentCode() != null && !in.departmentCode().equals(a.departmentCode)) {
            throw ProblemException.badRequest("departmentCode", "文章所属单位不能更改 / an article stays with its unit ("
                    + a.departmentCode + ")");
        }
        if (in.baseVersion() != null && in.baseVersion() != a.latestVersion) {
            throw new ProblemException(409, "Conflict", "已有更新的版本 / a newer version exists (" + a.latestVersion + ")",
                    List.of(new Problem.FieldError("baseVersion", "latest version is " + a.latestVersion)),
                    Map.of("latestVersion", a.latestVersion));
        }
        // an open draft or review the new edit replaces is withdrawn; published versions stay until one replaces them
        for (KnowledgeVersion old : KnowledgeVersion.history(a.id)) {
            if (old.status.unpublished()) {
                old.status = ArticleStatus.WITHDRAWN;
            }
        }
        KnowledgeVersion v = newVersion(a, in, actor);
        audit.record(actor, AUDIT_TYPE, a.id, "NEW_VERSION", null, details(v));
        return view(a, actor);
    }

    @Transactional
    public KnowledgeData.ArticleView submit(long id, int version, Actor actor) {
        KnowledgeArticle a = lockedArticle(id, actor);
        requireEditor(actor, a.departmentCode);
        KnowledgeVersion v = step(a, version, KnowledgeWorkflow.Step.SUBMIT);
        v.submittedAt = clock.instant();
        v.submittedBy = actor.name();
        audit.record(actor, AUDIT_TYPE, a.id, "SUBMIT", null, details(v));
        return view(a, actor);
    }

    @Transactional
    public KnowledgeData.ArticleView review(long id, int version, KnowledgeData.ReviewInput in, Actor actor) {
        KnowledgeArticle a = lockedArticle(id, actor);
        if (!KnowledgeWorkflow.canReview(actor.roles())) {
            throw ProblemException.forbidden("只有管理员或督办人员审核 / only administrators and supervisors review");
        }
        KnowledgeVersion target = KnowledgeVersion.of(a.id, version)
                .orElseThrow(() -> ProblemException.notFound("no version " + version + " of article " + id));
        if (!KnowledgeWorkflow.mayReview(actor.roles(), actor.name(), target.createdBy)) {
            throw ProblemException.forbidden("不能审核自己撰写的版本 / a version is reviewed by someone other than its author");
        }
        String note = in.note() == null || in.note().isBlank() ? null : in.note().strip();
        if (!in.approve() && note == null) {
            throw ProblemException.badRequest("note", "驳回须说明理由 / a rejection needs a reason");
        }
        KnowledgeVersion v = step(a, version, in.approve() ? KnowledgeWorkflow.Step.APPROVE : KnowledgeWorkflow.Step.REJECT);
        v.reviewedAt = clock.instant();
        v.reviewedBy = actor.name();
        v.reviewNote = note;
        if (in.approve()) {
            if (a.publishedVersion != null) {
                KnowledgeVersion.of(a.id, a.publishedVersion).ifPresent(old -> old.status = ArticleStatus.SUPERSEDED);
                em.flush(); // the old version leaves the published indexes before the new one enters
            }
            a.publishedVersion = v.version;
        }
        audit.record(actor, AUDIT_TYPE, a.id, in.approve() ? "PUBLISH" : "REJECT", note, details(v));
        return view(a, actor);
    }

    private KnowledgeVersion step(KnowledgeArticle a, int version, KnowledgeWorkflow.Step step) {
        KnowledgeVersion v = KnowledgeVersion.of(a.id, version)
                .orElseThrow(() -> ProblemException.notFound("no version " + version + " of article " + a.id));
        ArticleStatus to = KnowledgeWorkflow.next(v.status, step).orElseThrow(() -> ProblemException.conflict(
                "版本" + version + "当前为" + v.status + "，不能" + step + " / version " + version + " is " + v.status
                        + ": " + step + " is not possible", Map.of("currentStatus", v.status.name(),
                        "latestVersion", a.latestVersion)));
        v.status = to;
        return v;
    }

    private KnowledgeVersion newVersion(KnowledgeArticle a, KnowledgeData.ArticleInput in, Actor actor) {
        if (DispatchRule.currentFor(in.categoryCode()).isEmpty()) {
            throw ProblemException.badRequest("categoryCode", "派单目录中没有该类别 / not a category of the dispatch catalogue: "
                    + in.categoryCode());
        }
        LocalDate from = in.validFrom() == null ? today() : in.validFrom();
        if (in.validTo() != null && in.validTo().isBefore(from)) {
            throw ProblemException.badRequest("validTo", "失效日期早于生效日期 / must not be before validFrom (" + from + ")");
        }
        List<String> keywords = KnowledgeText.keywords(in.keywords());
        KnowledgeVersion v = new KnowledgeVersion();
        v.articleId = a.id;
        v.version = a.latestVersion + 1;
        v.status = Boolean.TRUE.equals(in.submit()) ? ArticleStatus.IN_REVIEW : ArticleStatus.DRAFT;
        v.categoryCode = in.categoryCode();
        v.titleZh = in.titleZh().strip();
        v.titleEn = blankToNull(in.titleEn());
        v.bodyZh = in.bodyZh().strip();
        v.bodyEn = blankToNull(in.bodyEn());
        v.keywords = keywords.toArray(String[]::new);
        v.validFrom = from;
        v.validTo = in.validTo();
        v.searchText = KnowledgeText.searchText(v.titleZh, String.join(" ", keywords), v.bodyZh, v.titleEn, v.bodyEn);
        v.bigrams = KnowledgeText.bigrams(v.searchText).toArray(String[]::new);
        v.createdAt = clock.instant();
        v.createdBy = actor.name();
        if (v.status == ArticleStatus.IN_REVIEW) {
            v.submittedAt = v.createdAt;
            v.submittedBy = actor.name();
        }
        v.persist();
        a.latestVersion = v.version;
        return v;
    }

    private KnowledgeArticle lockedArticle(long id, Actor actor) {
        KnowledgeArticle a = em.find(KnowledgeArticle.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (a == null || !maySee(a, actor)) {
            throw ProblemException.notFound("no article " + id);
        }
        return a;
    }

    private static void requireEditor(Actor actor, String unit) {
        if (!KnowledgeWorkflow.canEdit(actor.roles(), actor.department(), unit)) {
            String message = "只能编辑本单位的文章 / you edit only your own unit's articles";
            throw new ProblemException(403, "Forbidden", message, List.of(new Problem.FieldError("departmentCode", message)), null);
        }
    }

    // ---- reading

    public KnowledgeData.ArticleView view(long id, Actor actor) {
        KnowledgeArticle a = KnowledgeArticle.findById(id);
        if (a == null || !maySee(a, actor)) {
            throw ProblemException.notFound("no article " + id);
        }
        return view(a, actor);
    }

    /** A version by number: editors and reviewers read every one, other readers the versions that were published. */
    public KnowledgeData.VersionView version(long id, int version, Actor actor) {
        KnowledgeArticle a = KnowledgeArticle.findById(id);
        if (a == null || !maySee(a, actor)) {
            throw ProblemException.notFound("no article " + id);
        }
        return KnowledgeVersion.of(id, version).filter(v -> insider(a, actor) || wasPublished(v)).map(KnowledgeService::data)
                .orElseThrow(() -> ProblemException.notFound("no version " + version + " of article " + id));
    }

    public List<KnowledgeData.VersionView> history(long id, Actor actor) {
        KnowledgeArticle a = KnowledgeArticle.findById(id);
        if (a == null || !maySee(a, actor)) {
            throw ProblemException.notFound("no article " + id);
        }
        boolean insider = insider(a, actor);
        return KnowledgeVersion.history(id).stream().filter(v -> insider || wasPublished(v)).map(KnowledgeService::data).toList();
    }

    /** Articles by their latest version, for editors (their own unit; administrators all) and reviewers (all). */
    public KnowledgeData.Page<KnowledgeData.ArticleSummary> list(Optional<ArticleStatus> status, String departmentCode,
                                                               int page, int size, Actor actor) {
        String unit = ownUnitOnly(actor) ? String.valueOf(actor.department()) : departmentCode;
        StringBuilder where = new StringBuilder("v.version = a.latestVersion");
        Map<String, Object> params = new LinkedHashMap<>();
        if (unit != null) {
            where.append(" and a.departmentCode = :unit");
            params.put("unit", unit);
        }
        status.ifPresent(s -> {
            where.append(" and v.status = :status");
            params.put("status", s);
        });
        String from = " from KnowledgeArticle a, KnowledgeVersion v where v.articleId = a.id and " + where;
        var count = em.createQuery("select count(a)" + from, Long.class);
        var rows = em.createQuery("select a, v" + from + " order by coalesce(v.submittedAt, v.createdAt) desc, a.id desc",
                Object[].class);
        params.forEach((k, val) -> {
            count.setParameter(k, val);
            rows.setParameter(k, val);
        });
        List<KnowledgeData.ArticleSummary> items = new ArrayList<>();
        for (Object[] r : rows.setFirstResult(page * size).setMaxResults(size).getResultList()) {
            KnowledgeArticle a = (KnowledgeArticle) r[0];
            KnowledgeVersion v = (KnowledgeVersion) r[1];
            items.add(new KnowledgeData.ArticleSummary(a.id, a.departmentCode, a.latestVersion, a.publishedVersion,
                    v.status.name(), v.categoryCode, v.titleZh, v.titleEn, v.validFrom, v.validTo, v.createdAt, v.createdBy));
        }
        return new KnowledgeData.Page<>(items, page, size, count.getSingleResult());
    }

    private KnowledgeData.ArticleView view(KnowledgeArticle a, Actor actor) {
        boolean insider = insider(a, actor);
        LocalDate today = today();
        KnowledgeVersion published = a.publishedVersion == null ? null
                : KnowledgeVersion.of(a.id, a.publishedVersion).orElse(null);
        boolean validNow = published != null && published.validOn(today);
        KnowledgeVersion latest = insider ? KnowledgeVersion.of(a.id, a.latestVersion).orElse(null) : null;
        List<String> actions = new ArrayList<>();
        if (KnowledgeWorkflow.canEdit(actor.roles(), actor.department(), a.departmentCode)) {
            actions.add("EDIT");
            if (latest != null && KnowledgeWorkflow.next(latest.status, KnowledgeWorkflow.Step.SUBMIT).isPresent()) {
                actions.add("SUBMIT");
            }
        }
        if (latest != null && latest.status == ArticleStatus.IN_REVIEW
                && KnowledgeWorkflow.mayReview(actor.roles(), actor.name(), latest.createdBy)) {
            actions.add("APPROVE");
            actions.add("REJECT");
        }
        Department d = Department.findById(a.departmentCode);
        return new KnowledgeData.ArticleView(a.id, a.departmentCode, d == null ? null : d.nameZh, d == null ? null : d.nameEn,
                a.publishedVersion, a.latestVersion, validNow,
                published != null && (validNow || insider) ? data(published) : null,
                latest == null ? null : data(latest), actions);
    }

    /** Readers see an article only while a published version of it is valid; its editors and reviewers always. */
    private boolean maySee(KnowledgeArticle a, Actor actor) {
        if (insider(a, actor)) {
            return true;
        }
        return a.publishedVersion != null && KnowledgeVersion.of(a.id, a.publishedVersion)
                .map(v -> v.validOn(today())).orElse(false);
    }

    private static boolean insider(KnowledgeArticle a, Actor actor) {
        return KnowledgeWorkflow.canReview(actor.roles())
                || KnowledgeWorkflow.canEdit(actor.roles(), actor.department(), a.departmentCode);
    }

    private static boolean ownUnitOnly(Actor actor) {
        return !actor.hasRole(KnowledgeWorkflow.ADMIN) && !actor.hasRole(KnowledgeWorkflow.SUPERVISOR);
    }

    private static boolean wasPublished(KnowledgeVersion v) {
        return v.status == ArticleStatus.PUBLISHED || v.status == ArticleStatus.SUPERSEDED;
    }

    static KnowledgeData.VersionView data(KnowledgeVersion v) {
        return new KnowledgeData.VersionView(v.version, v.status.name(), v.categoryCode, v.titleZh, v.titleEn, v.bodyZh,
                v.bodyEn, List.of(v.keywords), v.validFrom, v.validTo, v.createdAt, v.createdBy, v.submittedAt,
                v.submittedBy, v.reviewedAt, v.reviewedBy, v.reviewNote);
    }

    private static Map<String, Object> details(KnowledgeVersion v) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("version", v.version);
        d.put("status", v.status.name());
        d.put("titleZh", v.titleZh);
        d.put("categoryCode", v.categoryCode);
        return d;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
