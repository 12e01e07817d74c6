package org.linkage.intake.rest;

import org.linkage.commons.problem.RequestParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkage.commons.security.Roles;
import org.linkage.intake.service.OverrideExport;
import org.linkage.intake.service.OverrideStatistics;
import org.linkage.intake.service.RiskWarningStatistics;

@Path("/api/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics", description = "统计 / Statistics for supervisors")
public class StatisticsResource {
    private final OverrideStatistics statistics;
    private final OverrideExport export;
    private final RiskWarningStatistics riskWarnings;

    public StatisticsResource(OverrideStatistics statistics, OverrideExport export, RiskWarningStatistics riskWarnings) {
        this.riskWarnings = riskWarnings;
        this.statistics = statistics;
        this.export = export;
    }

    @GET
    @Path("/overrides")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Overrides per category (改判统计)", description = """
            For each suggested category: decided calls, how many call-takers overrode, the rate, and what
            they changed it to. Shows where the classifier is weak. Filters on the decision time.""")
    public OverrideStatistics.Report overrides(
            @Parameter(example = "2026-11-01T00:00:00+08:00") @QueryParam("from") String from,
            @Parameter(example = "2026-12-01T00:00:00+08:00") @QueryParam("to") String to) {
        return statistics.overrides(RequestParams.instant("from", from), RequestParams.instant("to", to));
    }

    @GET
    @Path("/overrides/export")
    @Produces("text/csv")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Overridden calls for review (改判导出)", description = """
            Every call whose classification a call-taker overrode, decided in the window: text, label (the
            call-taker's disposition), category, what the classifier suggested, and the reason. No phone, name or
            address (digit runs and the caller's name are masked in the text). CSV that the classifier's evaluation
            command reads; reviewed rows become training data (docs/classifier.md). Each export is audited.""")
    public String overridesExport(
            @Parameter(example = "2026-11-01T00:00:00+08:00") @QueryParam("from") String from,
            @Parameter(example = "2026-12-01T00:00:00+08:00") @QueryParam("to") String to,
            @Parameter(description = "at most this many rows (1-10000)", example = "1000") @QueryParam("limit") Integer limit) {
        var fromInstant = RequestParams.instant("from", from);
        var toInstant = RequestParams.instant("to", to);
        var rows = export.overridden(fromInstant, toInstant, limit == null ? OverrideExport.MAX_ROWS : limit);
        return OverrideExport.csv(rows, fromInstant, toInstant);
    }

    @GET
    @Path("/risk-warnings")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Risk warnings per category and district (风险预警统计)", description = """
            Risk warnings raised on calls in the window (by when they were raised), per rule, category and district,
            most first. A call counts once per rule however often its history was opened.""")
    public RiskWarningStatistics.Report riskWarnings(
            @Parameter(example = "2026-11-01T00:00:00+08:00") @QueryParam("from") String from,
            @Parameter(example = "2026-12-01T00:00:00+08:00") @QueryParam("to") String to) {
        return riskWarnings.of(RequestParams.instant("from", from), RequestParams.instant("to", to));
    }
}
