package org.linkage.router.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.linkage.commons.security.CurrentActor;
import org.linkage.commons.security.Roles;
import org.linkage.router.service.AppealService;

/** A ticket's appeals (申诉): its lead unit files one; the unit sees its own, dispatchers and supervisors all. */
@Path("/api/tickets/{ref}/appeals")
public class TicketAppealResource {
    private final AppealService appeals;
    private final CurrentActor currentActor;

    public TicketAppealResource(AppealService appeals, CurrentActor currentActor) {
        this.appeals = appeals;
        this.currentActor = currentActor;
    }

    @GET
    @RolesAllowed({Roles.DEPT_AGENT, Roles.DISPATCHER, Roles.SUPERVISOR})
    @Operation(summary = "A ticket's appeals (工单申诉)", description = """
            Its appeals and whether the reader's unit may file one now. Roles: dept-agent (own unit's), dispatcher,
            supervisor.""")
    @APIResponse(responseCode = "200", description = "The appeals", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AppealService.TicketAppeals.class),
            examples = @ExampleObject(name = "pending",
                    value = "{\"mayFile\": false, \"appeals\": [" + AssessmentResource.PENDING_APPEAL + "]}")))
    @APIResponse(responseCode = "404", description = "No such ticket, or not one you may see")
    public AppealService.TicketAppeals list(@PathParam("ref") String ref) {
        return appeals.ofTicket(ref, currentActor.get("router-api"));
    }

    @POST
    @RolesAllowed(Roles.DEPT_AGENT)
    @Operation(summary = "File an appeal (提出申诉)", description = """
            The lead unit asks that the ticket not count against it in the ranking, on a ground (words required for
            OTHER); once per ticket. A supervisor decides. Audited. Role: dept-agent of the lead unit.""")
    @APIResponse(responseCode = "201", description = "Filed", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppealService.AppealView.class),
            examples = @ExampleObject(name = "wrong-dispatch", value = AssessmentResource.PENDING_APPEAL)))
    @APIResponse(responseCode = "400", description = "No ground, or OTHER without a reason")
    @APIResponse(responseCode = "403", description = "Not the ticket's lead unit")
    @APIResponse(responseCode = "404", description = "No such ticket, or not one you may see")
    @APIResponse(responseCode = "409", description = "The ticket cannot be appealed now, or the unit has appealed it "
            + "already (member currentStatus)")
    public Response file(@PathParam("ref") String ref,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AssessmentRequests.Filing.class),
                    examples = @ExampleObject(name = "wrong-dispatch",
                            value = "{\"ground\": \"WRONG_DISPATCH\", \"reason\": \"用工单位注册地在德阳市，不属本市管辖\"}")))
            @NotNull @Valid AssessmentRequests.Filing body) {
        return Response.status(Response.Status.CREATED)
                .entity(appeals.file(ref, currentActor.get("router-api"), body.ground(), body.reason())).build();
    }
}
