package org.linkage.router.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.linkage.commons.problem.RequestParams;
import org.linkage.commons.security.CurrentActor;
import org.linkage.commons.security.Roles;
import org.linkage.router.domain.ClockRequestKind;
import org.linkage.router.service.TicketClocks;

import java.util.List;

/** The clock requests (挂起 / 挂账 / 终止办理) awaiting a decision: the dispatcher's and the supervisor's work lists. */
@Path("/api/clock-requests")
public class ClockRequestResource {
    private final TicketClocks clocks;
    private final CurrentActor currentActor;

    public ClockRequestResource(TicketClocks clocks, CurrentActor currentActor) {
        this.clocks = clocks;
        this.currentActor = currentActor;
    }

    @GET
    @RolesAllowed({Roles.DEPT_AGENT, Roles.DISPATCHER, Roles.SUPERVISOR})
    @Operation(summary = "Clock requests awaiting a decision (挂起 / 挂账 / 终止待审)", description = """
            The work list: pauses for dispatchers, parks and terminations for supervisors, oldest first; a department's
            agent sees its own unit's. Roles: dept-agent, dispatcher, supervisor.""")
    @APIResponse(responseCode = "200", description = "The pending requests", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = TicketView.ClockRequestView.class),
            examples = @ExampleObject(name = "pause", value = "[" + TicketView.PAUSE_PENDING + "]")))
    @APIResponse(responseCode = "400", description = "kind is not pause, park or terminate, or size outside 1–500")
    public List<TicketView.ClockRequestView> pending(
            @Parameter(description = "pause, park or terminate; every kind when absent")
            @QueryParam("kind") @Pattern(regexp = "pause|park|terminate") String kind,
            @QueryParam("size") String size) {
        return clocks.pending(kind == null ? null : ClockRequestKind.ofPath(kind), currentActor.get("router-api"),
                RequestParams.integer("size", size, 100, 1, 500)).stream().map(TicketView.ClockRequestView::of).toList();
    }
}
