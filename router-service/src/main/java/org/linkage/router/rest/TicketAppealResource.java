package org.linkage.router.rest;

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
    public AppealService.TicketAppeals list(@PathParam("ref") String ref) {
        return appeals.ofTicket(ref, currentActor.get("router-api"));
    }

    @POST
    @RolesAllowed(Roles.DEPT_AGENT)
    public Response file(@PathParam("ref") String ref, @NotNull @Valid AssessmentRequests.Filing body) {
        return Response.status(Response.Status.CREATED)
                .entity(appeals.file(ref, currentActor.get("router-api"), body.ground(), body.reason())).build();
    }
}
