package org.linkage.console.rest;

import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.linkage.console.client.ServiceProblem;
import org.linkage.console.client.Services;
import org.linkage.console.view.Department;
import org.linkage.console.view.DispatchRule;
import org.linkage.console.view.DistrictDetail;
import org.linkage.console.view.HolidayCalendar;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The administrator's console: units and their endpoints, districts with streets and aliases, the dispatch
 * catalogue with its versions, and the holiday calendar per year. The router owns all of it and validates
 * every save; this page shows its refusals next to the form.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("admin")
public class AdminResource {
    /** The pages of this console, by template name. */
    static class Templates {
        /** @param editing the unit being edited: as the router has it, or as typed when the router refused it */
        static TemplateInstance departments(List<Department> departments, Object editing,
                                            String problem, Map<String, String> errors, boolean saved) {
            return View.of("admin/departments", "departments", departments, "editing", editing, "problem", problem, "errors", errors, "saved", saved);
        }

        static TemplateInstance districts(List<DistrictDetail> districts, Object editing,
                                          String problem, Map<String, String> errors, boolean saved) {
            return View.of("admin/districts", "districts", districts, "editing", editing, "problem", problem, "errors", errors, "saved", saved);
        }

        static TemplateInstance catalogue(List<DispatchRule> rules, Object editing,
                                          List<DispatchRule> versions, List<Department> departments,
                                                 String problem, Map<String, String> errors, boolean saved) {
            return View.of("admin/catalogue", "rules", rules, "editing", editing, "versions", versions, "departments", departments, "problem", problem, "errors", errors, "saved", saved);
        }

        static TemplateInstance calendar(int year, HolidayCalendar calendar, List<String> missingYears,
                                                String holidays, String workdays, String problem, boolean saved) {
            return View.of("admin/calendar", "year", year, "calendar", calendar, "missingYears", missingYears, "holidays", holidays, "workdays", workdays, "problem", problem, "saved", saved);
        }
    }

    @Inject
    Services services;

    // ---- departments (units) -------------------------------------------------------------------------------

    @GET
    @Path("/departments")
    public TemplateInstance departments(@QueryParam("edit") String code, @QueryParam("saved") String saved) {
        List<Department> all = services.readRouter(api -> api.departments());
        Object editing = code == null ? null
                : all.stream().filter(d -> code.equals(d.code())).findFirst().<Object>map(d -> d)
                .orElse(Map.of("code", code));
        return Templates.departments(all, editing, null, Map.of(), saved != null);
    }

    @POST
    @Path("/departments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveDepartment(MultivaluedMap<String, String> fields) {
        Form form = new Form(fields);
        Map<String, Object> body = new LinkedHashMap<>();
        for (String f : List.of("code", "nameZh", "nameEn", "level", "parentCode", "districtCode", "adapter", "endpointUrl")) {
            body.put(f, form.get(f));
        }
        body.put("active", form.checked("active"));
        boolean existing = form.checked("existing");
        try {
            services.writeRouter(api -> existing ? api.updateDepartment(form.get("code"), body) : api.createDepartment(body));
        } catch (ServiceProblem problem) {
            return Response.status(problem.status()).entity(Templates.departments(services.readRouter(api -> api.departments()),
                    withExisting(body, existing), Problems.message(problem), problem.fieldErrors(), false)).build();
        }
        return Response.seeOther(URI.create("/admin/departments?saved=1")).build();
    }

    // ---- districts -----------------------------------------------------------------------------------------

    @GET
    @Path("/districts")
    public TemplateInstance districts(@QueryParam("edit") String code, @QueryParam("saved") String saved) {
        List<DistrictDetail> all = services.readRouter(api -> api.districts());
        Object editing = code == null ? null
                : all.stream().filter(d -> code.equals(d.code())).findFirst().<Object>map(d -> d)
                .orElse(Map.of("code", code));
        return Templates.districts(all, editing, null, Map.of(), saved != null);
    }

    @POST
    @Path("/districts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveDistrict(MultivaluedMap<String, String> fields) {
        Form form = new Form(fields);
        Map<String, Object> body = new LinkedHashMap<>();
        for (String f : List.of("code", "nameZh", "nameEn", "city")) {
            body.put(f, form.get(f));
        }
        body.put("active", form.checked("active"));
        body.put("streets", lines(form.get("streets")));
        body.put("aliases", lines(form.get("aliases")));
        boolean existing = form.checked("existing");
        try {
            services.writeRouter(api -> existing ? api.updateDistrict(form.get("code"), body) : api.createDistrict(body));
        } catch (ServiceProblem problem) {
            return Response.status(problem.status()).entity(Templates.districts(services.readRouter(api -> api.districts()),
                    withExisting(body, existing), Problems.message(problem), problem.fieldErrors(), false)).build();
        }
        return Response.seeOther(URI.create("/admin/districts?saved=1")).build();
    }

    // ---- dispatch catalogue --------------------------------------------------------------------------------

    @GET
    @Path("/catalogue")
    public TemplateInstance catalogue(@QueryParam("edit") String category, @QueryParam("saved") String saved) {
        List<DispatchRule> rules = services.readRouter(api -> api.catalogue());
        Object editing = category == null ? null
                : rules.stream().filter(r -> category.equals(r.categoryCode())).findFirst().<Object>map(r -> r)
                .orElse(Map.of("categoryCode", category));
        List<DispatchRule> versions = category == null ? List.of()
                : services.readRouter(api -> api.catalogueVersions(category));
        return Templates.catalogue(rules, editing, versions, services.readRouter(api -> api.departments()), null, Map.of(),
                saved != null);
    }

    @POST
    @Path("/catalogue")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveRule(MultivaluedMap<String, String> fields) {
        Form form = new Form(fields);
        String category = form.get("categoryCode");
        Map<String, Object> body = new LinkedHashMap<>();
        for (String f : List.of("leadKind", "leadDepartmentCode", "leadFunction", "defaultUrgency", "signLimit", "resolveLimit")) {
            body.put(f, form.get(f));
        }
        body.put("supporting", lines(form.get("supporting")));
        body.put("callbackRequired", form.checked("callbackRequired"));
        body.put("attachmentRequired", form.checked("attachmentRequired"));
        try {
            if (category == null || !category.matches("[A-Z_]{2,40}")) {
                throw new ServiceProblem(400, "categoryCode", null, Map.of("categoryCode", "[A-Z_]{2,40}"), Map.of());
            }
            services.writeRouter(api -> api.saveRule(category, body));
        } catch (ServiceProblem problem) {
            Map<String, Object> editing = new LinkedHashMap<>(body);
            editing.put("categoryCode", category);
            return Response.status(problem.status()).entity(Templates.catalogue(services.readRouter(api -> api.catalogue()),
                    editing, List.of(), services.readRouter(api -> api.departments()), Problems.message(problem),
                    problem.fieldErrors(), false)).build();
        }
        return Response.seeOther(URI.create("/admin/catalogue?edit=" + category + "&saved=1")).build();
    }

    // ---- calendar ------------------------------------------------------------------------------------------

    @GET
    @Path("/calendar")
    public TemplateInstance calendar(@QueryParam("year") Integer year, @QueryParam("saved") String saved) {
        int y = year == null ? LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() : year;
        HolidayCalendar calendar = readCalendar(y);
        return Templates.calendar(y, calendar, missingYears(), days(calendar.holidays()), days(calendar.workdays()),
                null, saved != null);
    }

    @POST
    @Path("/calendar")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveCalendar(MultivaluedMap<String, String> fields) {
        Form form = new Form(fields);
        int year;
        try {
            year = Integer.parseInt(form.get("year"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("year");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            body.put("holidays", parseDays(form.get("holidays")));
            body.put("workdays", parseDays(form.get("workdays")));
            services.writeRouter(api -> api.saveCalendar(String.valueOf(year), body));
        } catch (ServiceProblem | IllegalArgumentException problem) {
            String message = problem instanceof ServiceProblem p ? Problems.message(p) : problem.getMessage();
            return Response.status(400).entity(Templates.calendar(year, NO_CALENDAR, missingYears(),
                    form.get("holidays") == null ? "" : form.get("holidays"),
                    form.get("workdays") == null ? "" : form.get("workdays"), message, false)).build();
        }
        return Response.seeOther(URI.create("/admin/calendar?year=" + year + "&saved=1")).build();
    }

    /** A year the router has no calendar for. */
    private static final HolidayCalendar NO_CALENDAR = new HolidayCalendar(List.of(), List.of());

    private HolidayCalendar readCalendar(int year) {
        try {
            return services.readRouter(api -> api.calendar(String.valueOf(year)));
        } catch (ServiceProblem problem) {
            if (problem.status() == 404) {
                return NO_CALENDAR;
            }
            throw problem;
        }
    }

    /** The router names the years whose calendar is missing (this year, and next from December). */
    private List<String> missingYears() {
        List<Integer> years = services.routerCalendarStatus().missingYears();
        List<String> missing = new ArrayList<>();
        if (years != null) {
            years.forEach(y -> missing.add(String.valueOf(y)));
        }
        return missing;
    }

    /** One day a line, {@code 2027-01-01 元旦}: the date, then an optional name. */
    static List<Map<String, Object>> parseDays(String text) {
        List<Map<String, Object>> days = new ArrayList<>();
        for (String line : lines(text)) {
            String[] parts = line.split("\\s+", 2);
            LocalDate date;
            try {
                date = LocalDate.parse(parts[0]);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException(org.linkage.console.ui.Ui.current().t("error_bad_date") + ": " + line);
            }
            Map<String, Object> day = new LinkedHashMap<>();
            day.put("date", date.toString());
            day.put("name", parts.length > 1 ? parts[1] : null);
            days.add(day);
        }
        return days;
    }

    private static String days(List<HolidayCalendar.Day> days) {
        if (days == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (HolidayCalendar.Day d : days) {
            out.append(d.date()).append(d.name() == null ? "" : " " + d.name()).append('\n');
        }
        return out.toString();
    }

    private static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[\\r\\n,，、]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Map<String, Object> withExisting(Map<String, Object> body, boolean existing) {
        Map<String, Object> m = new LinkedHashMap<>(body);
        m.put("existing", existing);
        return m;
    }
}
