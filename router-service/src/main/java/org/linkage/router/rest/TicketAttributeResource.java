package org.linkage.router.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkage.commons.security.CurrentActor;
import org.linkage.commons.security.Roles;
import org.linkage.router.service.CategoryQuestionService;
import org.linkage.router.service.TicketAccess;

import java.util.List;

/** The answers to the category's questions (分类必填项) a ticket was made with, labelled for people. */
@Path("/api/tickets/{ref}/attributes")
@RolesAllowed({Roles.DEPT_AGENT, Roles.DISPATCHER, Roles.SUPERVISOR})
public class TicketAttributeResource {
    private final TicketAccess access;
    private final CurrentActor currentActor;

    public TicketAttributeResource(TicketAccess access, CurrentActor currentActor) {
        this.access = access;
        this.currentActor = currentActor;
    }

    @GET
    @Transactional
    @Operation(summary = "工单分类必填项 / The ticket's answers to its category's questions (own unit's tickets only)")
    public List<CategoryQuestionService.Answer> attributes(@PathParam("ref") String ref) {
        return CategoryQuestionService.labelled(access.read(ref, currentActor.get("router-api")));
    }
}
