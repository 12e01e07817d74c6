package org.linkage.router.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.commons.outbox.Outbox;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.security.Actor;
import org.linkage.events.DistrictChanged;
import org.linkage.router.domain.LeadKind;
import org.linkage.router.domain.TimeLimit;
import org.linkage.router.domain.UnitRef;
import org.linkage.events.Urgency;
import org.linkage.router.repository.CalendarDay;
import org.linkage.router.repository.CalendarYear;
import org.linkage.router.repository.Department;
import org.linkage.router.repository.DispatchRule;
import org.linkage.router.repository.District;
import org.linkage.router.repository.DistrictPlace;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reference data maintenance. Every change is validated against the rest of the data and audited. */
@ApplicationScoped
public class AdminService {

    private final EntityManager em;
    private final AuditTrail audit;
    private final Clock clock;
    private final Outbox outbox;

    public AdminService(EntityManager em, AuditTrail audit, Clock clock, Outbox outbox) {
        this.em = em;
        this.audit = audit;
        this.clock = clock;
        this.outbox = outbox;
    }

    // ---- departments

    public List<ReferenceData.DepartmentData> departments() {
        return Department.<Department>listAll(io.quarkus.panache.common.Sort.by("code")).stream()
                .map(AdminService::data).toList();
    }

    @Transactional
    public ReferenceData.DepartmentData saveDepartment(ReferenceData.DepartmentData in, boolean create, Actor actor) {
        Department d = Department.findById(in.code());
        if (create && d != null) {
            throw ProblemException.conflict("unit " + in.code() + " already exists", Map.of());
        }
        if (!create && d == null) {
            throw ProblemException.notFound("no unit " + in.code());
        }
        if (in.parentCode() != null && (in.parentCode().equals(in.code()) || Department.findById(in.parentCode()) == null)) {
            throw ProblemException.badRequest("parentCode", "unknown parent unit " + in.parentCode());
        }
        if (in.districtCode() != null && District.findById(in.districtCode()) == null) {
            throw ProblemException.badRequest("districtCode", "unknown district " + in.districtCode());
        }
        if (!"NONE".equals(in.adapter()) && in.endpointUrl() == null) {
            throw ProblemException.badRequest("endpointUrl", "required for adapter " + in.adapter());
        }
        if (d == null) {
            d = new Department();
            d.code = in.code();
        }
        d.nameZh = in.nameZh();
        d.nameEn = in.nameEn();
        d.level = in.level();
        d.parentCode = in.parentCode();
        d.districtCode = in.districtCode();
        d.adapter = in.adapter();
        d.endpointUrl = "NONE".equals(in.adapter()) ? null : in.endpointUrl();
        d.active = in.active() == null || in.active();
        d.updatedAt = clock.instant();
        d.updatedBy = actor.name();
        d.persist();
        audit.record(actor, "department", d.code, create ? "CREATE" : "UPDATE", null, Map.of("data", in));
        return data(d);
    }

    private static ReferenceData.DepartmentData data(Department d) {
        return new ReferenceData.DepartmentData(d.code, d.nameZh, d.nameEn, d.level, d.parentCode, d.districtCode,
                d.adapter, d.endpointUrl, d.active, d.updatedAt, d.updatedBy);
    }

    // ---- districts

    public List<ReferenceData.DistrictData> districts() {
        return District.<District>listAll(io.quarkus.panache.common.Sort.by("code")).stream().map(AdminService::data).toList();
    }

    @Transactional
    public ReferenceData.DistrictData saveDistrict(ReferenceData.DistrictData in, boolean create, Actor actor) {
        District d = District.findById(in.code());
        if (create && d != null) {
            throw ProblemException.conflict("district " + in.code() + " already exists", Map.of());
        }
        if (!create && d == null) {
            throw ProblemException.notFound("no district " + in.code());
        }
        if (d == null) {
            d = new District();
            d.code = in.code();
        }
        d.nameZh = in.nameZh();
        d.nameEn = in.nameEn();
        d.city = in.city();
        d.gbCode = in.code().matches("\\d{6}");
        d.active = in.active() == null || in.active();
        d.persist();
        if (in.streets() != null || in.aliases() != null) {
            DistrictPlace.delete("districtCode", d.code);
            em.flush();
            Set<String> seen = new HashSet<>();
            place(d.code, in.streets(), "STREET", seen);
            place(d.code, in.aliases(), "ALIAS", seen);
        }
        audit.record(actor, "district", d.code, create ? "CREATE" : "UPDATE", null, Map.of("data", in));
        // the router owns the districts: intake follows what it announces
        outbox.publish(new DistrictChanged(d.code, d.nameZh, d.nameEn, d.city, d.active, clock.instant()));
        return data(d);
    }

    private static void place(String district, List<String> names, String kind, Set<String> seen) {
        if (names == null) {
            return;
        }
        for (String name : names) {
            if (seen.add(name.trim())) {
                DistrictPlace p = new DistrictPlace();
                p.districtCode = district;
                p.name = name.trim();
                p.kind = kind;
                p.persist();
            }
        }
    }

    private static ReferenceData.DistrictData data(District d) {
        List<String> streets = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        for (DistrictPlace p : DistrictPlace.<DistrictPlace>list("districtCode = ?1 order by id", d.code)) {
            ("STREET".equals(p.kind) ? streets : aliases).add(p.name);
        }
        return new ReferenceData.DistrictData(d.code, d.nameZh, d.nameEn, d.city, d.active, streets, aliases);
    }

    // ---- dispatch catalogue

    public List<ReferenceData.RuleData> currentRules() {
        return DispatchRule.<DispatchRule>list("currentRule = true order by categoryCode").stream().map(AdminService::data).toList();
    }

    public List<ReferenceData.RuleData> ruleVersions(String category) {
        return DispatchRule.<DispatchRule>list("categoryCode = ?1 order by version", category).stream().map(AdminService::data).toList();
    }

    /** A change to the catalogue is a new version; tickets keep the version they were dispatched under. */
    @Transactional
    public ReferenceData.RuleData saveRule(String category, ReferenceData.RuleData in, Actor actor) {
        LeadKind kind = LeadKind.valueOf(in.leadKind());
        if (kind == LeadKind.MUNICIPAL) {
            if (in.leadDepartmentCode() == null || Department.findById(in.leadDepartmentCode()) == null) {
                throw ProblemException.badRequest("leadDepartmentCode", "a known unit is required for a MUNICIPAL rule");
            }
        } else if (in.leadFunction() == null) {
            throw ProblemException.badRequest("leadFunction", "GOV or URBAN is required for a DISTRICT rule");
        }
        limit("signLimit", in.signLimit());
        limit("resolveLimit", in.resolveLimit());
        List<String> supporting = in.supporting() == null ? List.of() : in.supporting();
        for (int i = 0; i < supporting.size(); i++) {
            String s = supporting.get(i);
            if (UnitRef.parse(s) instanceof UnitRef.Named named && Department.findById(named.code()) == null) {
                throw ProblemException.badRequest("supporting[" + i + "]", "unknown unit " + s);
            }
        }
        Integer last = em.createQuery("select max(r.version) from DispatchRule r where r.categoryCode = ?1", Integer.class)
                .setParameter(1, category).getSingleResult();
        DispatchRule.update("currentRule = false where categoryCode = ?1 and currentRule = true", category);
        em.flush();
        DispatchRule r = new DispatchRule();
        r.categoryCode = category;
        r.version = last == null ? 1 : last + 1;
        r.leadKind = kind;
        r.leadDepartmentCode = kind == LeadKind.MUNICIPAL ? in.leadDepartmentCode() : null;
        r.leadFunction = kind == LeadKind.DISTRICT ? in.leadFunction() : null;
        r.supporting = supporting.isEmpty() ? null : String.join(",", supporting);
        r.defaultUrgency = Urgency.valueOf(in.defaultUrgency());
        r.signLimit = TimeLimit.parse(in.signLimit()).toString();
        r.resolveLimit = TimeLimit.parse(in.resolveLimit()).toString();
        r.callbackRequired = Boolean.TRUE.equals(in.callbackRequired());
        r.attachmentRequired = Boolean.TRUE.equals(in.attachmentRequired());
        r.currentRule = true;
        r.createdAt = clock.instant();
        r.createdBy = actor.name();
        r.persist();
        audit.record(actor, "dispatch_rule", category, "NEW_VERSION", null, Map.of("version", r.version, "data", in));
        return data(r);
    }

    private static void limit(String field, String value) {
        try {
            TimeLimit.parse(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, e.getMessage());
        }
    }

    private static ReferenceData.RuleData data(DispatchRule r) {
        return new ReferenceData.RuleData(r.categoryCode, r.version, r.leadKind.name(), r.leadDepartmentCode, r.leadFunction,
                r.supporting == null ? List.of() : List.of(r.supporting.split(",")), r.defaultUrgency.name(),
                r.signLimit, r.resolveLimit, r.callbackRequired, r.currentRule, r.createdAt, r.createdBy,
                r.attachmentRequired);
    }

    // ---- business calendar

    public ReferenceData.CalendarData calendar(int year) {
        List<ReferenceData.Day> holidays = new ArrayList<>();
        List<ReferenceData.Day> workdays = new ArrayList<>();
        for (CalendarDay d : CalendarDay.<CalendarDay>list("day >= ?1 and day < ?2 order by day",
                LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))) {
            ("HOLIDAY".equals(d.kind) ? holidays : workdays).add(new ReferenceData.Day(d.day, d.name));
        }
        return new ReferenceData.CalendarData(holidays, workdays);
    }

    /** Replaces a year's holidays and make-up working days (published each November). */
    @Transactional
    public ReferenceData.CalendarData loadCalendar(int year, ReferenceData.CalendarData in, Actor actor) {
        Set<LocalDate> seen = new HashSet<>();
        check(year, in.holidays(), "holidays", seen);
        check(year, in.workdays(), "workdays", seen);
        CalendarDay.delete("day >= ?1 and day < ?2", LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
        em.flush();
        save(in.holidays(), "HOLIDAY");
        save(in.workdays(), "WORKDAY");
        CalendarYear.markLoaded(year, actor.name());
        audit.record(actor, "calendar", year, "LOAD", null,
                Map.of("holidays", in.holidays().size(), "workdays", in.workdays().size()));
        return calendar(year);
    }

    private static void check(int year, List<ReferenceData.Day> days, String field, Set<LocalDate> seen) {
        for (int i = 0; i < days.size(); i++) {
            LocalDate d = days.get(i).date();
            if (d.getYear() != year) {
                throw ProblemException.badRequest(field + "[" + i + "].date", d + " is not in " + year);
            }
            if (!seen.add(d)) {
                throw ProblemException.badRequest(field + "[" + i + "].date", d + " is listed twice");
            }
        }
    }

    private static void save(List<ReferenceData.Day> days, String kind) {
        for (ReferenceData.Day day : days) {
            CalendarDay d = new CalendarDay();
            d.day = day.date();
            d.kind = kind;
            d.name = day.name();
            d.persist();
        }
    }
}
