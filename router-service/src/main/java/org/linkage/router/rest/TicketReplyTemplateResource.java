package org.linkage.router.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.ws.rs.core.MediaType;
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
            + "placeholders filled in ({ticketNumber}, {unitName}, {deadline}, {today}, {address})", description = """
            Roles: dept-agent (own unit's tickets), dispatcher, supervisor.""")
    @APIResponse(responseCode = "200", description = "The templates, filled in", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ReplyTemplateService.ForTicket.class),
            examples = @ExampleObject(name = "wages", value = """
            [{"id": 7, "departmentCode": "CD-HRSS", "titleZh": "欠薪已督促支付",
              "bodyZh": "您好，关于工单{ticketNumber}反映的欠薪问题，{unitName}已于{today}督促用工单位支付拖欠工资，请注意查收。",
              "version": 2,
              "preview": "您好，关于工单12345-20261128-000042反映的欠薪问题，成都市人力资源和社会保障局已于2026年12月3日督促用工单位支付拖欠工资，请注意查收。"}]""")))
    @APIResponse(responseCode = "404", description = "No such ticket, or not one you may see")
    public List<ReplyTemplateService.ForTicket> forTicket(@PathParam("ref") String ref) {
        return templates.forTicket(ref, currentActor.get("router-reply-templates"));
    }
}
