package org.linkage.router.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.commons.problem.Problem;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.security.Actor;
import org.linkage.router.config.RouterConfig;
import org.linkage.router.domain.ReplyTemplateText;
import org.linkage.router.repository.Department;
import org.linkage.router.repository.DispatchRule;
import org.linkage.router.repository.ReplyTemplate;
import org.linkage.router.repository.ReplyTemplateVersion;
import org.linkage.router.repository.Ticket;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reply templates (答复模板): a unit's ready answers per category, which its agents insert into a reply and then
 * edit. A unit's agents write only their own unit's templates, administrators any unit's; every save is a new
 * version (kept in reply_template_version) and audited as {@code reply_template}.
 */
@ApplicationScoped
public class ReplyTemplateService {
    static final String AUDIT_TYPE = "reply_template";
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    public record Input(@Pattern(regexp = "[A-Za-z0-9-]{2,40}") String departmentCode,
                        @NotBlank @Pattern(regexp = "[A-Z_]{2,40}") String categoryCode,
                        @NotBlank @Size(max = 200) String titleZh,
                        @NotBlank @Size(max = 4000) String bodyZh,
                        Boolean active,
                        Integer baseVersion) {
    }

    public record View(long id, String departmentCode, String categoryCode, String titleZh, String bodyZh, int version,
                       boolean active, Instant updatedAt, String updatedBy) {
    }

    public record VersionView(int version, String titleZh, String bodyZh, boolean active, Instant savedAt,
                              String savedBy) {
    }

    /** A template for one ticket: {@code preview} is the body with the ticket's values put in. */
    public record ForTicket(long id, String departmentCode, String titleZh, String bodyZh, int version, String preview) {
    }

    private final EntityManager em;
    private final AuditTrail audit;
    private final Clock clock;
    private final TicketAccess access;
    private final ZoneId zone;

    public ReplyTemplateService(EntityManager em, AuditTrail audit, Clock clock, TicketAccess access, RouterConfig config) {
        this.em = em;
        this.audit = audit;
        this.clock = clock;
        this.access = access;
        this.zone = ZoneId.of(config.zone());
    }

    /** An agent sees their own unit's templates; the hotline's roles every unit's (or one, by filter). */
    @Transactional
    public List<View> list(String departmentCode, String categoryCode, Actor actor) {
        Optional<String> own = TicketAccess.unitOf(actor);
        String unit = own.orElse(departmentCode);
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (unit != null) {
            q.append(" and departmentCode = :unit");
            params.put("unit", unit);
        }
        if (categoryCode != null) {
            q.append(" and categoryCode = :category");
            params.put("category", categoryCode);
        }
        return ReplyTemplate.<ReplyTemplate>find(q + " order by departmentCode, categoryCode, id", params).stream()
                .map(ReplyTemplateService::view).toList();
    }

    @Transactional
    public View create(Input in, Actor actor) {
        String unit = in.departmentCode() != null ? in.departmentCode() : actor.department();
        if (unit == null) {
            throw ProblemException.badRequest("departmentCode", "必填：模板所属单位 / required: the unit that owns the template");
        }
        if (Department.findById(unit) == null) {
            throw ProblemException.badRequest("departmentCode", "未知单位 / unknown unit " + unit);
        }
        requireEditor(actor, unit);
        check(in);
        ReplyTemplate t = new ReplyTemplate();
        t.departmentCode = unit;
        t.categoryCode = in.categoryCode();
        t.version = 0;
        apply(t, in, actor);
        audit.record(actor, AUDIT_TYPE, t.id, "CREATE", null, details(t));
        return view(t);
    }

    @Transactional
    public View edit(long id, Input in, Actor actor) {
        ReplyTemplate t = em.find(ReplyTemplate.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (t == null || TicketAccess.unitOf(actor).map(u -> !u.equals(t.departmentCode)).orElse(false)) {
            throw ProblemException.notFound("no reply template " + id);
        }
        requireEditor(actor, t.departmentCode);
        if (in.departmentCode() != null && !in.departmentCode().equals(t.departmentCode)) {
            throw ProblemException.badRequest("departmentCode", "模板所属单位不能更改 / a template stays with its unit ("
                    + t.departmentCode + ")");
        }
        if (in.baseVersion() != null && in.baseVersion() != t.version) {
            throw new ProblemException(409, "Conflict", "已有更新的版本 / a newer version exists (" + t.version + ")",
                    List.of(new Problem.FieldError("baseVersion", "latest version is " + t.version)),
                    Map.of("latestVersion", t.version));
        }
        check(in);
        Map<String, Object> before = details(t);
        t.categoryCode = in.categoryCode();
        apply(t, in, actor);
        audit.record(actor, AUDIT_TYPE, t.id, "NEW_VERSION", null, Map.of("before", before, "after", details(t)));
        return view(t);
    }

    @Transactional
    public List<VersionView> versions(long id, Actor actor) {
        ReplyTemplate t = ReplyTemplate.findById(id);
        if (t == null || TicketAccess.unitOf(actor).map(u -> !u.equals(t.departmentCode)).orElse(false)) {
            throw ProblemException.notFound("no reply template " + id);
        }
        return ReplyTemplateVersion.<ReplyTemplateVersion>list("templateId = ?1 order by version", id).stream()
                .map(v -> new VersionView(v.version, v.titleZh, v.bodyZh, v.active, v.savedAt, v.savedBy)).toList();
    }

    /**
     * The active templates for the ticket's category of the unit that answers it: the agent's own unit, for the
     * hotline's roles the lead unit. Each comes filled in from the ticket, ready to insert and edit.
     */
    @Transactional
    public List<ForTicket> forTicket(String ref, Actor actor) {
        Ticket t = access.read(ref, actor);
        String unit = TicketAccess.unitOf(actor).orElse(t.leadDepartmentCode);
        if (unit == null) {
            return List.of();
        }
        Department d = Department.findById(unit);
        Map<String, String> values = new HashMap<>();
        values.put("ticketNumber", t.ticketNumber);
        values.put("unitName", d == null ? unit : d.nameZh);
        values.put("deadline", t.resolveBy == null ? null : DEADLINE.format(t.resolveBy.atZone(zone)));
        values.put("today", DAY.format(LocalDate.ofInstant(clock.instant(), zone)));
        values.put("address", t.address);
        return ReplyTemplate.<ReplyTemplate>list("departmentCode = ?1 and categoryCode = ?2 and active = true order by id",
                        unit, t.categoryCode).stream()
                .map(x -> new ForTicket(x.id, x.departmentCode, x.titleZh, x.bodyZh, x.version,
                        ReplyTemplateText.fill(x.bodyZh, values)))
                .toList();
    }

    private void apply(ReplyTemplate t, Input in, Actor actor) {
        t.titleZh = in.titleZh().strip();
        t.bodyZh = in.bodyZh().strip();
        t.active = in.active() == null || in.active();
        t.version = t.version + 1;
        t.updatedAt = clock.instant();
        t.updatedBy = actor.name();
        t.persist();
        ReplyTemplateVersion v = new ReplyTemplateVersion();
        v.templateId = t.id;
        v.version = t.version;
        v.titleZh = t.titleZh;
        v.bodyZh = t.bodyZh;
        v.active = t.active;
        v.savedAt = t.updatedAt;
        v.savedBy = t.updatedBy;
        v.persist();
    }

    private static void check(Input in) {
        if (DispatchRule.currentFor(in.categoryCode()).isEmpty()) {
            throw ProblemException.badRequest("categoryCode", "派单目录中没有该类别 / not a category of the dispatch catalogue: "
                    + in.categoryCode());
        }
        Set<String> unknown = ReplyTemplateText.unknownPlaceholders(in.bodyZh());
        if (!unknown.isEmpty()) {
            throw ProblemException.badRequest("bodyZh", "未知占位符 / unknown placeholder(s) " + unknown + "; use "
                    + ReplyTemplateText.PLACEHOLDERS.stream().map(p -> "{" + p + "}").toList());
        }
    }

    private static void requireEditor(Actor actor, String unit) {
        if (!ReplyTemplateText.canEdit(actor.roles(), actor.department(), unit)) {
            String message = "只能编辑本单位的答复模板 / you edit only your own unit's reply templates";
            throw new ProblemException(403, "Forbidden", message, List.of(new Problem.FieldError("departmentCode", message)), null);
        }
    }

    private static Map<String, Object> details(ReplyTemplate t) {
        return Map.of("version", t.version, "departmentCode", t.departmentCode, "categoryCode", t.categoryCode,
                "titleZh", t.titleZh, "bodyZh", t.bodyZh, "active", t.active);
    }

    private static View view(ReplyTemplate t) {
        return new View(t.id, t.departmentCode, t.categoryCode, t.titleZh, t.bodyZh, t.version, t.active, t.updatedAt,
                t.updatedBy);
    }
}
