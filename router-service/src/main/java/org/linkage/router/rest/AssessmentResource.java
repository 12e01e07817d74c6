package org.linkage.router.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.problem.RequestParams;
import org.linkage.commons.security.CurrentActor;
import org.linkage.commons.security.Roles;
import org.linkage.router.domain.AppealStatus;
import org.linkage.router.service.AppealService;
import org.linkage.router.service.MonthlyThemes;
import org.linkage.router.service.RankingService;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * Assessment the way cities do it: the monthly ranking report (JSON, CSV for Excel, printable HTML), the appeals
 * queue and decisions, and the themes of the month.
 */
@Path("/api/assessment")
public class AssessmentResource {
    private static final String MONTH = "\\d{4}-(0[1-9]|1[0-2])";

    private final RankingService rankings;
    private final AppealService appeals;
    private final MonthlyThemes themes;
    private final CurrentActor currentActor;

    public AssessmentResource(RankingService rankings, AppealService appeals, MonthlyThemes themes,
                              CurrentActor currentActor) {
        this.rankings = rankings;
        this.appeals = appeals;
        this.themes = themes;
        this.currentActor = currentActor;
    }

    @GET
    @Path("/rankings")
    @RolesAllowed(Roles.SUPERVISOR)
    @Produces({MediaType.APPLICATION_JSON, RankingFormats.CSV, MediaType.TEXT_HTML})
    public Response rankings(@Parameter(description = "YYYY-MM in the router's zone; last month when absent")
                             @QueryParam("month") String month,
                             @QueryParam("format") @Pattern(regexp = "json|csv|html") String format,
                             @HeaderParam("Accept") String accept) {
        RankingService.Report report = rankings.report(month(month));
        String chosen = format != null ? format
                : accept != null && accept.contains(RankingFormats.CSV) ? "csv"
                : accept != null && accept.contains(MediaType.TEXT_HTML) && !accept.contains(MediaType.APPLICATION_JSON)
                ? "html" : "json";
        return switch (chosen) {
            case "csv" -> Response.ok(RankingFormats.csv(report), RankingFormats.CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"rankings-" + report.month() + ".csv\"").build();
            case "html" -> Response.ok(RankingFormats.html(report), MediaType.TEXT_HTML + "; charset=UTF-8").build();
            default -> Response.ok(report, MediaType.APPLICATION_JSON).build();
        };
    }

    @GET
    @Path("/appeals")
    @RolesAllowed({Roles.SUPERVISOR, Roles.DEPT_AGENT})
    public List<AppealService.AppealView> appeals(@QueryParam("status") @Pattern(regexp = "(?i)pending|accepted|rejected") String status,
                                                  @QueryParam("month") String month, @QueryParam("size") String size) {
        return appeals.list(RequestParams.enumeration("status", status, AppealStatus.class),
                month == null || month.isBlank() ? null : month(month), currentActor.get("router-api"),
                RequestParams.integer("size", size, 100, 1, 500));
    }

    @POST
    @Path("/appeals/{id}/decision")
    @RolesAllowed(Roles.SUPERVISOR)
    public AppealService.AppealView decide(@PathParam("id") String id, @NotNull @Valid AssessmentRequests.Decision body) {
        return appeals.decide(RequestParams.uuid("id", id), currentActor.get("router-api"), body.accept(), body.reason());
    }

    @GET
    @Path("/themes")
    @RolesAllowed({Roles.SUPERVISOR, Roles.DISPATCHER})
    public List<MonthlyThemes.ThemeView> themes(@QueryParam("month") String month) {
        return themes.ofMonth(month == null || month.isBlank() ? rankings.lastMonth().plusMonths(1) : month(month));
    }

    @GET
    @Path("/themes/suggestions")
    @RolesAllowed(Roles.SUPERVISOR)
    public List<MonthlyThemes.Suggestion> suggestions(@QueryParam("month") String month) {
        return themes.suggestions(month == null || month.isBlank() ? rankings.lastMonth().plusMonths(1) : month(month),
                currentActor.get("router-api"));
    }

    @POST
    @Path("/themes")
    @RolesAllowed(Roles.SUPERVISOR)
    public Response flag(@NotNull @Valid AssessmentRequests.Theme body) {
        return Response.status(Response.Status.CREATED).entity(themes.flag(month(body.month()), body.categoryCode(),
                body.districtCode(), body.note(), currentActor.get("router-api"))).build();
    }

    @GET
    @Path("/themes/{id}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.DISPATCHER})
    public MonthlyThemes.ThemeView theme(@PathParam("id") String id) {
        return themes.get(RequestParams.uuid("id", id));
    }

    private YearMonth month(String value) {
        if (value == null || value.isBlank()) {
            return rankings.lastMonth();
        }
        if (!value.matches(MONTH)) {
            throw ProblemException.badRequest("month", "须为 YYYY-MM，如 2026-11 / must be YYYY-MM such as 2026-11");
        }
        return YearMonth.parse(value);
    }
}
