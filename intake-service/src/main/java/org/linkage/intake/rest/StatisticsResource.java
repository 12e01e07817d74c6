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
import org.linkage.intake.service.OverrideStatistics;

@Path("/api/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics", description = "统计 / Statistics for supervisors")
public class StatisticsResource {
    private final OverrideStatistics statistics;

    public StatisticsResource(OverrideStatistics statistics) {
        this.statistics = statistics;
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
}
