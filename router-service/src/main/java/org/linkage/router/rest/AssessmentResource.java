package org.linkage.router.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
import org.linkage.router.service.RankingReports;
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
    static final String REPORT = """
            {"month": "2026-11", "zone": "Asia/Shanghai", "from": "2026-10-31T16:00:00Z", "to": "2026-11-30T16:00:00Z",
             "generatedAt": "2026-12-01T01:00:00Z",
             "weights": {"signOnTime": 0.2, "closeOnTime": 0.3, "resolution": 0.25, "satisfaction": 0.25},
             "tiers": [{"tier": "MUNICIPAL", "nameZh": "市级部门", "rows": [
               {"rank": 1, "unitCode": "CD-HRSS", "nameZh": "成都市人力资源和社会保障局",
                "nameEn": "Chengdu Human Resources and Social Security Bureau", "dispatched": 1326,
                "signedOnTime": 1311,
                "closedOnTime": 1290, "calledBack": 1102, "solved": 968, "satisfied": 1037, "signOnTimeRate": 0.9887,
                "closeOnTimeRate": 0.9729, "resolutionRate": 0.8784, "satisfactionRate": 0.9410, "score": 94.21,
                "excludedByAppeal": 4, "appealsFiled": 6, "appealsAccepted": 4, "appealsRejected": 1,
                "appealsPending": 1}]}]}""";
    static final String PENDING_APPEAL = """
            {"id": "c2f1a7d4-3b9e-4e61-8a05-6d7c9b2e1f48", "ticketId": "5b8e2c41-0a7f-4d93-b6e1-2f4c8a9d3e15",
             "ticketNumber": "12345-20261128-000042", "categoryCode": "WAGES", "ticketStatus": "CLOSED",
             "departmentCode": "CD-HRSS", "ground": "WRONG_DISPATCH", "groundZh": "派单错误",
             "reason": "用工单位注册地在德阳市，不属本市管辖", "status": "PENDING", "filedBy": "hrss-agent1",
             "filedAt": "2026-11-29T03:00:00Z", "decidedBy": null, "decidedAt": null, "decisionReason": null}""";
    static final String ACCEPTED_APPEAL = """
            {"id": "c2f1a7d4-3b9e-4e61-8a05-6d7c9b2e1f48", "ticketId": "5b8e2c41-0a7f-4d93-b6e1-2f4c8a9d3e15",
             "ticketNumber": "12345-20261128-000042", "categoryCode": "WAGES", "ticketStatus": "CLOSED",
             "departmentCode": "CD-HRSS", "ground": "WRONG_DISPATCH", "groundZh": "派单错误",
             "reason": "用工单位注册地在德阳市，不属本市管辖", "status": "ACCEPTED", "filedBy": "hrss-agent1",
             "filedAt": "2026-11-29T03:00:00Z", "decidedBy": "supervisor1", "decidedAt": "2026-11-30T02:00:00Z",
             "decisionReason": "核实用工单位在市外，派单有误，不计入考核"}""";
    static final String THEME = """
            {"id": "e8b3c6a1-5d2f-4a97-9c40-1f6e2d8b7a53", "month": "2026-12", "categoryCode": "NOISE",
             "districtCode": "510107", "districtNameZh": "武侯区", "note": "玉林片区夜间施工噪声投诉集中",
             "flaggedBy": "supervisor1", "flaggedAt": "2026-12-01T02:00:00Z",
             "figures": {"tickets": 46, "open": 9, "overdue": 2, "resolved": 31, "calledBack": 33, "satisfied": 28,
                         "resolutionRate": 0.8378, "satisfactionRate": 0.8485},
             "tickets": [{"ticketNumber": "12345-20261203-000117", "status": "REPLIED",
             "leadDepartmentCode": "510107-URBAN",
                          "createdAt": "2026-12-03T14:20:00Z", "resolveBy": "2026-12-08T09:30:00Z", "overdue": false,
                          "solved": true, "satisfied": null}]}""";
    static final String THEME_IN = """
            {"month": "2026-12", "categoryCode": "NOISE", "districtCode": "510107", "note": "玉林片区夜间施工噪声投诉集中"}""";
    static final String SUGGESTIONS = """
            [{"categoryCode": "NOISE", "districtCode": "510107", "source": "HOTSPOT", "count": 38, "flagged": true},
             {"categoryCode": "PROPERTY", "districtCode": "510116", "source": "PREVIOUS_MONTH", "count": 27,
              "flagged": false}]""";
    static final String PUBLISHED = """
            {"id": "3f6a9c2e-7b14-4d85-a0e3-9c1b5d7f2e64", "month": "2026-11", "version": 2, "latest": true,
             "reason": "3 件申诉经复核成立，更正排名",
             "publishedBy": "supervisor1", "publishedAt": "2026-12-03T02:00:00Z",
             "weights": {"signOnTime": 0.2, "closeOnTime": 0.3, "resolution": 0.25, "satisfaction": 0.25},
             "versions": [1, 2], "report": """ + REPORT + "}";
    static final String PUBLISHED_LIST = """
            [{"id": "3f6a9c2e-7b14-4d85-a0e3-9c1b5d7f2e64", "month": "2026-11", "version": 2, "latest": true,
             "reason": "3 件申诉经复核成立，更正排名",
              "publishedBy": "supervisor1", "publishedAt": "2026-12-03T02:00:00Z",
              "weights": {"signOnTime": 0.2, "closeOnTime": 0.3, "resolution": 0.25, "satisfaction": 0.25}},
             {"id": "b1d4e8f2-06a3-4c97-8e25-7f3a9c1d6b40", "month": "2026-11", "version": 1, "latest": false,
              "reason": null,
              "publishedBy": "supervisor1", "publishedAt": "2026-12-01T02:00:00Z",
              "weights": {"signOnTime": 0.2, "closeOnTime": 0.3, "resolution": 0.25, "satisfaction": 0.25}}]""";
    private static final String MONTH = "\\d{4}-(0[1-9]|1[0-2])";

    private final RankingService rankings;
    private final RankingReports reports;
    private final AppealService appeals;
    private final MonthlyThemes themes;
    private final CurrentActor currentActor;

    public AssessmentResource(RankingService rankings, RankingReports reports, AppealService appeals,
                              MonthlyThemes themes, CurrentActor currentActor) {
        this.rankings = rankings;
        this.reports = reports;
        this.appeals = appeals;
        this.themes = themes;
        this.currentActor = currentActor;
    }

    @GET
    @Path("/rankings")
    @RolesAllowed(Roles.SUPERVISOR)
    @Produces({MediaType.APPLICATION_JSON, RankingFormats.CSV, MediaType.TEXT_HTML})
    @Operation(summary = "The monthly ranking report (月度考核排名)", description = """
            Units ranked within their tier (municipal, district) by the weighted sign, closure, resolution and
            satisfaction rates; tickets excluded by accepted appeals are not counted. JSON, CSV for Excel or printable
            HTML, by format or Accept. Role: supervisor.""")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RankingService.Report.class),
                    examples = @ExampleObject(name = "november", value = REPORT)),
            @Content(mediaType = RankingFormats.CSV), @Content(mediaType = MediaType.TEXT_HTML)})
    @APIResponse(responseCode = "400", description = "month is not YYYY-MM, or format is not json, csv or html")
    public Response rankings(@Parameter(description = "YYYY-MM in the router's zone; last month when absent")
                             @QueryParam("month") String month,
                             @QueryParam("format") @Pattern(regexp = "json|csv|html") String format,
                             @HeaderParam("Accept") String accept) {
        RankingService.Report report = rankings.report(month(month));
        return switch (chosen(format, accept)) {
            case "csv" -> csv(RankingFormats.csv(report), "rankings-" + report.month() + ".csv");
            case "html" -> Response.ok(RankingFormats.html(report), MediaType.TEXT_HTML + "; charset=UTF-8").build();
            default -> Response.ok(report, MediaType.APPLICATION_JSON).build();
        };
    }

    @POST
    @Path("/reports")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Publish a month's ranking report (发布月度考核排名通报)", description = """
            Freezes the ranking of a month that is over, both tiers with the weighting in force, as the month's
            published report: appeals decided or tickets changed afterwards no longer move it. A month already
            published is published again only as a new version with a reason; the old version is kept. Audited.
            Role: supervisor.""")
    @APIResponse(responseCode = "201", description = "Published", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RankingReports.Published.class),
            examples = @ExampleObject(name = "november", value = PUBLISHED)))
    @APIResponse(responseCode = "400", description = "month missing or not YYYY-MM, or reason too long")
    @APIResponse(responseCode = "409", description = "The month is not over yet, or it is published already and no reason was given")
    public Response publish(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AssessmentRequests.Publication.class),
                    examples = {@ExampleObject(name = "first", value = "{\"month\": \"2026-11\"}"),
                            @ExampleObject(name = "again", value = "{\"month\": \"2026-11\", \"reason\": \"3 件申诉经复核成立，更正排名\"}")}))
            @NotNull @Valid AssessmentRequests.Publication body) {
        RankingReports.Published p = reports.publish(month(body.month()), body.reason(), currentActor.get("router-api"));
        return Response.created(java.net.URI.create("/api/assessment/reports/" + p.month() + "?version=" + p.version()))
                .entity(p).build();
    }

    @GET
    @Path("/reports")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Published ranking reports (已发布的月度考核排名)", description = """
            Every published version, newest month first and within a month newest version first; latest marks the
            version in force. Role: supervisor.""")
    @APIResponse(responseCode = "200", description = "The published reports", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = RankingReports.Summary.class),
            examples = @ExampleObject(name = "november", value = PUBLISHED_LIST)))
    @APIResponse(responseCode = "400", description = "size outside 1–500")
    public List<RankingReports.Summary> published(@QueryParam("size") String size) {
        return reports.list(RequestParams.integer("size", size, 120, 1, 500));
    }

    @GET
    @Path("/reports/{month}")
    @RolesAllowed(Roles.SUPERVISOR)
    @Produces({MediaType.APPLICATION_JSON, RankingFormats.CSV, MediaType.TEXT_HTML})
    @Operation(summary = "One month's published ranking report (月度考核排名通报)", description = """
            The month's report as published (its newest version, or the version asked for): JSON, CSV for Excel
            (UTF-8 with a byte-order mark, Chinese headings with English beside) or printable HTML, by format or
            Accept. Role: supervisor.""")
    @APIResponse(responseCode = "200", description = "The published report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RankingReports.Published.class),
                    examples = @ExampleObject(name = "november", value = PUBLISHED)),
            @Content(mediaType = RankingFormats.CSV), @Content(mediaType = MediaType.TEXT_HTML)})
    @APIResponse(responseCode = "400", description = "month is not YYYY-MM, version is not a positive number, or format is not json, csv or html")
    @APIResponse(responseCode = "404", description = "The month (or that version of it) is not published")
    public Response report(@Parameter(description = "YYYY-MM") @PathParam("month") String month,
                           @Parameter(description = "a version number; the newest when absent")
                           @QueryParam("version") String version,
                           @QueryParam("format") @Pattern(regexp = "json|csv|html") String format,
                           @HeaderParam("Accept") String accept) {
        Integer v = version == null || version.isBlank() ? null
                : RequestParams.integer("version", version, 1, 1, Integer.MAX_VALUE);
        RankingReports.Published p = reports.get(month(month), v);
        return switch (chosen(format, accept)) {
            case "csv" -> csv(RankingFormats.csv(p), "ranking-report-" + p.month() + "-v" + p.version() + ".csv");
            case "html" -> Response.ok(RankingFormats.html(p), MediaType.TEXT_HTML + "; charset=UTF-8").build();
            default -> Response.ok(p, MediaType.APPLICATION_JSON).build();
        };
    }

    private static String chosen(String format, String accept) {
        return format != null ? format
                : accept != null && accept.contains(RankingFormats.CSV) ? "csv"
                : accept != null && accept.contains(MediaType.TEXT_HTML) && !accept.contains(MediaType.APPLICATION_JSON)
                ? "html" : "json";
    }

    private static Response csv(String body, String filename) {
        return Response.ok(body, RankingFormats.CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }

    @GET
    @Path("/appeals")
    @RolesAllowed({Roles.SUPERVISOR, Roles.DEPT_AGENT})
    @Operation(summary = "Appeals (考核申诉)", description = """
            The appeals queue, by status and month; a department's agent sees its own unit's only. Roles: supervisor,
            department agent.""")
    @APIResponse(responseCode = "200", description = "The appeals", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = AppealService.AppealView.class),
            examples = @ExampleObject(name = "pending", value = "[" + PENDING_APPEAL + "]")))
    @APIResponse(responseCode = "400", description = "status, month or size that does not parse")
    public List<AppealService.AppealView> appeals(@QueryParam("status") @Pattern(regexp = "(?i)pending|accepted|rejected") String status,
                                                  @QueryParam("month") String month, @QueryParam("size") String size) {
        return appeals.list(RequestParams.enumeration("status", status, AppealStatus.class),
                month == null || month.isBlank() ? null : month(month), currentActor.get("router-api"),
                RequestParams.integer("size", size, 100, 1, 500));
    }

    @POST
    @Path("/appeals/{id}/decision")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Decide an appeal (申诉审核)", description = """
            Accepted, the ticket no longer counts against the unit in the ranking; rejected, it does. Always with a
            reason; audited. Role: supervisor.""")
    @APIResponse(responseCode = "200", description = "Decided", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppealService.AppealView.class),
            examples = @ExampleObject(name = "accepted", value = ACCEPTED_APPEAL)))
    @APIResponse(responseCode = "400", description = "No accept or no reason")
    @APIResponse(responseCode = "404", description = "No such appeal")
    @APIResponse(responseCode = "409", description = "Already decided")
    public AppealService.AppealView decide(@PathParam("id") String id,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AssessmentRequests.Decision.class),
                    examples = @ExampleObject(name = "accept",
                            value = "{\"accept\": true, \"reason\": \"核实用工单位在市外，派单有误，不计入考核\"}")))
            @NotNull @Valid AssessmentRequests.Decision body) {
        return appeals.decide(RequestParams.uuid("id", id), currentActor.get("router-api"), body.accept(), body.reason());
    }

    @GET
    @Path("/themes")
    @RolesAllowed({Roles.SUPERVISOR, Roles.DISPATCHER})
    @Operation(summary = "Themes of the month (每月一题)", description = """
            Category and district pairs flagged for the month (this month when absent), each with its tickets followed
            as a group. Roles: supervisor, dispatcher.""")
    @APIResponse(responseCode = "200", description = "The month's themes", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = MonthlyThemes.ThemeView.class),
            examples = @ExampleObject(name = "noise", value = "[" + THEME + "]")))
    @APIResponse(responseCode = "400", description = "month is not YYYY-MM")
    public List<MonthlyThemes.ThemeView> themes(@QueryParam("month") String month) {
        return themes.ofMonth(month == null || month.isBlank() ? rankings.lastMonth().plusMonths(1) : month(month));
    }

    @GET
    @Path("/themes/suggestions")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Suggested themes (每月一题建议)", description = """
            The busiest category and district pairs (hotspots, and the month before), and whether each is flagged
            already. Role: supervisor.""")
    @APIResponse(responseCode = "200", description = "Suggestions", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = MonthlyThemes.Suggestion.class),
            examples = @ExampleObject(name = "suggestions", value = SUGGESTIONS)))
    @APIResponse(responseCode = "400", description = "month is not YYYY-MM")
    public List<MonthlyThemes.Suggestion> suggestions(@QueryParam("month") String month) {
        return themes.suggestions(month == null || month.isBlank() ? rankings.lastMonth().plusMonths(1) : month(month),
                currentActor.get("router-api"));
    }

    @POST
    @Path("/themes")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Flag a theme of the month (设立每月一题)", description = """
            A category and district pair to follow for the month; audited. Role: supervisor.""")
    @APIResponse(responseCode = "201", description = "Flagged", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MonthlyThemes.ThemeView.class),
            examples = @ExampleObject(name = "noise", value = THEME)))
    @APIResponse(responseCode = "400", description = "Invalid month, or an unknown category or district")
    @APIResponse(responseCode = "409", description = "Already a theme of that month")
    public Response flag(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AssessmentRequests.Theme.class),
                    examples = @ExampleObject(name = "noise", value = THEME_IN)))
            @NotNull @Valid AssessmentRequests.Theme body) {
        return Response.status(Response.Status.CREATED).entity(themes.flag(month(body.month()), body.categoryCode(),
                body.districtCode(), body.note(), currentActor.get("router-api"))).build();
    }

    @GET
    @Path("/themes/{id}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.DISPATCHER})
    @Operation(summary = "One theme of the month (每月一题详情)", description = """
            The theme with its figures and tickets. Roles: supervisor, dispatcher.""")
    @APIResponse(responseCode = "200", description = "The theme", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MonthlyThemes.ThemeView.class),
            examples = @ExampleObject(name = "noise", value = THEME)))
    @APIResponse(responseCode = "400", description = "id is not a UUID")
    @APIResponse(responseCode = "404", description = "No such theme")
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
