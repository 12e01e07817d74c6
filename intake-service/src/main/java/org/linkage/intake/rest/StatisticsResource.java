package org.linkage.intake.rest;

import org.linkage.commons.problem.RequestParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    static final String OVERRIDES_EXAMPLE = """
            {"from": "2026-10-31T16:00:00Z", "to": "2026-11-30T16:00:00Z", "decided": 1840, "overridden": 212,
             "categories": [{"categoryCode": "PUBLIC_ORDER", "nameZh": "治安案件", "nameEn": "Public order",
               "decided": 326, "overridden": 71, "overrideRate": 0.2178, "overriddenTo": {"WAGES": 38, "PROPERTY": 33}},
              {"categoryCode": "NOISE", "nameZh": "噪声扰民", "nameEn": "Noise", "decided": 295, "overridden": 12,
               "overrideRate": 0.0407, "overriddenTo": {"CITY": 12}}]}""";
    static final String RISK_EXAMPLE = """
            {"from": "2026-10-31T16:00:00Z", "to": "2026-11-30T16:00:00Z", "warnings": 23,
             "rows": [{"ruleCode": "REPEAT_CALLS_30D", "kind": "REPEAT_CALLS", "ruleZh": "同一事项30天内多次来电",
               "ruleEn": "Several calls on the same matter within 30 days", "categoryCode": "WAGES",
               "categoryZh": "欠薪与劳动纠纷", "categoryEn": "Wages and labour", "districtCode": "510107",
               "districtZh": "武侯区", "districtEn": "Wuhou District", "warnings": 9},
              {"ruleCode": "POLICE_ATTENDED_90D", "kind": "POLICE_ATTENDED", "ruleZh": "非警务事项此前已有出警",
               "ruleEn": "A non-police matter police have already attended", "categoryCode": "NOISE",
               "categoryZh": "噪声扰民", "categoryEn": "Noise", "districtCode": "510108", "districtZh": "成华区",
               "districtEn": "Chenghua District", "warnings": 4}]}""";
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
            they changed it to. Shows where the classifier is weak. Filters on the decision time.
            角色 / roles: supervisor, admin.""")
    @APIResponse(responseCode = "200", description = "Overrides per suggested category", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OverrideStatistics.Report.class),
            examples = @ExampleObject(name = "november", value = OVERRIDES_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "from or to is not a time (problem+json naming the parameter)")
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
            most first. A call counts once per rule however often its history was opened.
            角色 / roles: supervisor, admin.""")
    @APIResponse(responseCode = "200", description = "Warnings per rule, category and district", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RiskWarningStatistics.Report.class),
            examples = @ExampleObject(name = "november", value = RISK_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "from or to is not a time (problem+json naming the parameter)")
    public RiskWarningStatistics.Report riskWarnings(
            @Parameter(example = "2026-11-01T00:00:00+08:00") @QueryParam("from") String from,
            @Parameter(example = "2026-12-01T00:00:00+08:00") @QueryParam("to") String to) {
        return riskWarnings.of(RequestParams.instant("from", from), RequestParams.instant("to", to));
    }
}
