package org.linkage.console.rest;

import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.linkage.console.client.ServiceProblem;
import org.linkage.console.client.Services;
import org.linkage.console.view.Appeal;
import org.linkage.console.view.MonthlyTheme;
import org.linkage.console.view.Ranking;
import org.linkage.console.ui.Formats;
import org.linkage.console.ui.Ui;

import java.net.URI;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assessment (考核) for supervisors: the monthly ranking in its two tiers with the router's CSV and printable page,
 * the queue of appeals (申诉) to decide, and the themes of the month (每月一题), which dispatchers follow too.
 */
@Path("/assessment")
@Produces(MediaType.TEXT_HTML)
public class AssessmentResource {
    static final List<String> APPEAL_STATUSES = List.of("PENDING", "ACCEPTED", "REJECTED");

    /** The pages of this console, by template name. */
    static class Templates {
        static TemplateInstance rankings(String month, Ranking report) {
            return View.of("assessment/rankings", "month", month, "report", report);
        }

        static TemplateInstance appeals(String status, List<Appeal> appeals, String done, String failedId,
                                        String problem, Map<String, String> values) {
            return View.of("assessment/appeals", "status", status, "statuses", APPEAL_STATUSES, "appeals", appeals,
                    "done", done, "failedId", failedId, "problem", problem, "values", values);
        }

        static TemplateInstance themes(String month, List<MonthlyTheme> themes,
                                       List<MonthlyTheme.Suggestion> suggestions, String problem, Map<String, String> errors,
                                       Map<String, String> values) {
            return View.of("assessment/themes", "month", month, "themes", themes, "suggestions", suggestions,
                    "problem", problem, "errors", errors, "values", values);
        }

        static TemplateInstance theme(MonthlyTheme theme) {
            return View.of("assessment/theme", "theme", theme);
        }
    }

    @Inject
    Services services;
    @Inject
    Ui ui;

    @GET
    @Path("rankings")
    @RolesAllowed("supervisor")
    public TemplateInstance rankings(@QueryParam("month") String month) {
        String m = month(month, lastMonth());
        return Templates.rankings(m, services.readRouter(api -> api.rankings(m)));
    }

    /** The router's report as a file (CSV for Excel, with its byte-order mark) or a page to print. */
    @GET
    @Path("rankings.{format:csv|html}")
    @RolesAllowed("supervisor")
    @Produces({"text/csv", MediaType.TEXT_HTML})
    public Response rankingsFile(@PathParam("format") String format, @QueryParam("month") String month) {
        String m = month(month, lastMonth());
        String body = services.readRouter(api -> api.rankingsAs(m, format));
        Response.ResponseBuilder answer = Response.ok(body).type(("csv".equals(format) ? "text/csv" : "text/html")
                + "; charset=UTF-8");
        if ("csv".equals(format)) {
            answer.header("Content-Disposition", "attachment; filename=\"linkage-rankings-" + m + ".csv\"");
        }
        return answer.build();
    }

    @GET
    @Path("appeals")
    @RolesAllowed("supervisor")
    public TemplateInstance appeals(@QueryParam("status") String status, @QueryParam("done") String done) {
        String s = status != null && APPEAL_STATUSES.contains(status) ? status : "PENDING";
        return Templates.appeals(s, services.readRouter(api -> api.appeals(s, null, 200)),
                "ACCEPTED".equals(done) || "REJECTED".equals(done) ? done : null, null, null, Map.of());
    }

    @POST
    @Path("appeals/{id}/decision")
    @RolesAllowed("supervisor")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        Form form = new Form(fields);
        Map<String, Object> decision = decision(form);
        try {
            services.writeRouter(api -> api.decideAppeal(id, decision));
        } catch (ServiceProblem problem) {
            return Response.status(problem.status()).entity(Templates.appeals("PENDING",
                    services.readRouter(api -> api.appeals("PENDING", null, 200)), null, id, Problems.message(problem),
                    form.values()).render()).build();
        }
        return Response.seeOther(URI.create("/assessment/appeals?done="
                + (Boolean.TRUE.equals(decision.get("accept")) ? "ACCEPTED" : "REJECTED"))).build();
    }

    @GET
    @Path("themes")
    @RolesAllowed({"supervisor", "dispatcher"})
    public TemplateInstance themes(@QueryParam("month") String month) {
        String m = month(month, YearMonth.now(Formats.zone()).toString());
        return themesPage(m, null, Map.of(), Map.of());
    }

    @POST
    @Path("themes")
    @RolesAllowed("supervisor")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response flag(MultivaluedMap<String, String> fields) {
        Form form = new Form(fields);
        Map<String, Object> theme = theme(form);
        String m = month(form.get("month"), YearMonth.now(Formats.zone()).toString());
        try {
            services.writeRouter(api -> api.flagTheme(theme));
        } catch (ServiceProblem problem) {
            return Response.status(problem.status()).entity(themesPage(m, Problems.message(problem),
                    problem.fieldErrors(), form.values()).render()).build();
        }
        return Response.seeOther(URI.create("/assessment/themes?month=" + m)).build();
    }

    @GET
    @Path("themes/{id}")
    @RolesAllowed({"supervisor", "dispatcher"})
    public TemplateInstance theme(@PathParam("id") String id) {
        return Templates.theme(services.readRouter(api -> api.theme(id)));
    }

    private TemplateInstance themesPage(String month, String problem, Map<String, String> errors,
                                        Map<String, String> values) {
        List<MonthlyTheme> themes = services.readRouter(api -> api.themes(month));
        List<MonthlyTheme.Suggestion> suggestions = ui.has("supervisor")
                ? services.readRouter(api -> api.themeSuggestions(month)) : List.of();
        return Templates.themes(month, themes, suggestions, problem, errors, values);
    }

    /** The router's body for a decision: accept or reject, and the reason (the router requires it). */
    static Map<String, Object> decision(Form form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accept", "accept".equals(form.get("decision")));
        body.put("reason", form.get("reason"));
        return body;
    }

    static Map<String, Object> theme(Form form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("month", form.get("month"));
        body.put("categoryCode", form.get("categoryCode"));
        body.put("districtCode", form.get("districtCode"));
        body.put("note", form.get("note"));
        return body;
    }

    private static String lastMonth() {
        return YearMonth.now(Formats.zone()).minusMonths(1).toString();
    }

    /** A month as the browser's month picker sends it (YYYY-MM); anything else is said in words. */
    static String month(String value, String fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(value.strip()).toString();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(Ui.current().t("error_bad_month") + ": " + value);
        }
    }
}
