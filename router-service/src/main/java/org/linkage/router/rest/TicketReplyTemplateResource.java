package org.linkage.router.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkage.commons.security.CurrentActor;
import org.linkage.commons.security.Roles;
import org.linkage.router.service.ReplyTemplateService;

import java.util.List;

/** The templates that fit one ticket, filled in from it, for the reply form (答复办结). */
@Path("/api/tickets/{ref}/reply-templates")
@RolesAllowed({Roles.DEPT_AGENT, Roles.DISPATCHER, Roles.SUPERVISOR})
public class TicketReplyTemplateResource {
    private final ReplyTemplateService templates;
    private final CurrentActor currentActor;

    public TicketReplyTemplateResource(ReplyTemplateService templates, CurrentActor currentActor) {
        this.templates = templates;
        this.currentActor = currentActor;
    }

    @GET
    @Operation(summary = "工单可用答复模板（已填入工单信息） / The ticket's category's templates of the answering unit, "
            + "placeholders filled in ({ticketNumber}, {unitName}, {deadline}, {today}, {address})")
    public List<ReplyTemplateService.ForTicket> forTicket(@PathParam("ref") String ref) {
        return templates.forTicket(ref, currentActor.get("router-reply-templates"));
    }
}
