package org.linkage.router.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.linkage.commons.problem.RequestParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.security.CurrentActor;
import org.linkage.commons.security.Roles;
import org.linkage.router.service.StatisticsService;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Assessment figures for supervisors (all units) and department agents (their own unit's tickets
 * only), as JSON or CSV ({@code Accept: text/csv} or {@code ?format=csv}).
 */
@Path("/api/statistics")
@RolesAllowed({Roles.SUPERVISOR, Roles.DEPT_AGENT})
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
public class StatisticsResource {
    static final String FIGURES = """
            [{"key": "CD-HRSS", "received": 1326, "dispatched": 1326, "signedOnTime": 1311, "closedOnTime": 1290,
              "overdue": 9, "returned": 14, "calledBack": 1102, "solved": 968, "satisfied": 1037, "repeatCalls": 61,
              "signedOnTimeRate": 0.9887, "closedOnTimeRate": 0.9729, "overdueRate": 0.0068, "returnRate": 0.0106,
              "resolutionRate": 0.8784, "satisfactionRate": 0.9410, "averageReplyWorkingHours": 34.5, "paused": 6,
              "parked": 2, "terminated": 1}]""";
    static final String FIRST_CONTACT = """
            [{"key": "WAGES", "answered": 212, "tickets": 1326, "firstContactRate": 0.1378, "answered110": 87,
              "answered12345": 125}]""";
    static final String HOTSPOTS = """
            [{"categoryCode": "NOISE", "districtCode": "510107", "recent": 38, "baselinePerWindow": 9.6,
             "hot": true}]""";
    private static final String CSV = "text/csv";

    private final StatisticsService statistics;
    private final CurrentActor currentActor;
    private final Clock clock;

    public StatisticsResource(StatisticsService statistics, CurrentActor currentActor, Clock clock) {
        this.statistics = statistics;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Assessment figures (考核统计)", description = """
            Received, dispatched, on-time sign and closure, overdue, returns, call-backs, resolution and satisfaction,
            per unit, district, category, day, week or month, over [from, to) (the last 30 days by default); a
            department's agent sees its own unit's tickets only. JSON, or CSV by format or Accept. Roles: supervisor,
            dept-agent.""")
    @APIResponse(responseCode = "200", description = "The figures per group", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = StatisticsService.Row.class),
                    examples = @ExampleObject(name = "by-unit", value = FIGURES)),
            @Content(mediaType = CSV)})
    @APIResponse(responseCode = "400", description = "groupBy or format not one of those listed, a time that does not "
            + "parse, or from not before to")
    public Response figures(@QueryParam("groupBy") @DefaultValue("department")
                            @Pattern(regexp = "(?i)department|district|category|day|week|month") String groupBy,
                            @QueryParam("from") String from, @QueryParam("to") String to,
                            @QueryParam("format") @Pattern(regexp = "json|csv") String format,
                            @HeaderParam("Accept") String accept) {
        Instant end = instant("to", to, clock.instant());
        Instant start = instant("from", from, end.minusSeconds(30L * 86_400));
        if (!start.isBefore(end)) {
            throw ProblemException.badRequest("from", "must be before to");
        }
        List<StatisticsService.Row> rows = statistics.figures(
                StatisticsService.GroupBy.valueOf(groupBy.toUpperCase(Locale.ROOT)), start, end, currentActor.get("router-api"));
        return respond(rows, StatisticsService.Row.class, format, accept);
    }

    /**
     * Contacts answered on the spot from the knowledge base, on both lines (110 calls intake closed as answered and
     * contacts 12345 answered directly), beside tickets received: supervisors only. {@code groupBy=line} splits them
     * by line.
     */
    @GET
    @Path("/first-contact")
    @jakarta.annotation.security.RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Resolved at first contact (一次办结率)", description = """
            Contacts answered on the spot from the knowledge base on both lines (110 and 12345) beside tickets received,
            per group or per line. JSON, or CSV. Role: supervisor.""")
    @APIResponse(responseCode = "200", description = "The figures per group", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = StatisticsService.FirstContactRow.class),
                    examples = @ExampleObject(name = "by-category", value = FIRST_CONTACT)),
            @Content(mediaType = CSV)})
    @APIResponse(responseCode = "400", description = "groupBy or format not one of those listed, a time that does not "
            + "parse, or from not before to")
    public Response firstContact(@QueryParam("groupBy") @DefaultValue("category")
                                 @Pattern(regexp = "(?i)department|district|category|day|week|month|line") String groupBy,
                                 @QueryParam("from") String from, @QueryParam("to") String to,
                                 @QueryParam("format") @Pattern(regexp = "json|csv") String format,
                                 @HeaderParam("Accept") String accept) {
        Instant end = instant("to", to, clock.instant());
        Instant start = instant("from", from, end.minusSeconds(30L * 86_400));
        if (!start.isBefore(end)) {
            throw ProblemException.badRequest("from", "must be before to");
        }
        List<StatisticsService.FirstContactRow> rows = "line".equalsIgnoreCase(groupBy)
                ? statistics.firstContactByLine(start, end)
                : statistics.firstContact(StatisticsService.GroupBy.valueOf(groupBy.toUpperCase(Locale.ROOT)), start, end);
        return respond(rows, StatisticsService.FirstContactRow.class, format, accept);
    }

    @GET
    @Path("/hotspots")
    @Operation(summary = "Hotspots (热点诉求)", description = """
            Category and district pairs with more tickets in the last window than factor times their usual (the baseline
            windows before); all=true lists every pair. JSON, or CSV. Roles: supervisor, dept-agent.""")
    @APIResponse(responseCode = "200", description = "The pairs", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = StatisticsService.Hotspot.class),
                    examples = @ExampleObject(name = "noise", value = HOTSPOTS)),
            @Content(mediaType = CSV)})
    @APIResponse(responseCode = "400", description = "A number out of range, or format not json or csv")
    public Response hotspots(@QueryParam("windowDays") String windowDays,
                             @QueryParam("baselineWindows") String baselineWindows,
                             @QueryParam("factor") String factor,
                             @QueryParam("minCount") String minCount,
                             @QueryParam("all") String all,
                             @QueryParam("format") @Pattern(regexp = "json|csv") String format,
                             @HeaderParam("Accept") String accept) {
        return respond(statistics.hotspots(RequestParams.integer("windowDays", windowDays, 1, 1, 90),
                RequestParams.integer("baselineWindows", baselineWindows, 28, 1, 365),
                RequestParams.decimal("factor", factor, 3, 1, 100),
                RequestParams.integer("minCount", minCount, 5, 1, 1_000_000), RequestParams.bool("all", all),
                currentActor.get("router-api")), StatisticsService.Hotspot.class, format, accept);
    }

    private static Instant instant(String field, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }

    private static <T extends Record> Response respond(List<T> rows, Class<T> type, String format, String accept) {
        boolean csv = "csv".equals(format) || format == null && accept != null && accept.contains(CSV);
        if (!csv) {
            return Response.ok(rows, MediaType.APPLICATION_JSON).build();
        }
        StringBuilder out = new StringBuilder();
        RecordComponent[] columns = type.getRecordComponents();
        for (int i = 0; i < columns.length; i++) {
            out.append(i == 0 ? "" : ",").append(columns[i].getName());
        }
        out.append("\r\n");
        for (T row : rows) {
            for (int i = 0; i < columns.length; i++) {
                Object v;
                try {
                    v = columns[i].getAccessor().invoke(row);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                out.append(i == 0 ? "" : ",").append(cell(v));
            }
            out.append("\r\n");
        }
        return Response.ok(out.toString(), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"statistics.csv\"").build();
    }

    private static String cell(Object v) {
        if (v == null) {
            return "";
        }
        String s = v.toString();
        return s.matches("[^,\"\r\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
