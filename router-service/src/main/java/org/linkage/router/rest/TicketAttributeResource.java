package org.linkage.router.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.ws.rs.core.MediaType;
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
    @Operation(summary = "工单分类必填项 / The ticket's answers to its category's questions (own unit's tickets only)",
            description = """
            Each answer with the question's labels, and a choice's names. Roles: dept-agent, dispatcher, supervisor.""")
    @APIResponse(responseCode = "200", description = "The answers", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = CategoryQuestionService.Answer.class),
            examples = @ExampleObject(name = "wages", value = """
            [{"code": "employer", "labelZh": "用工单位（欠薪单位）", "labelEn": "Employer owing the wages", "datatype": "TEXT",
              "value": "某建筑劳务公司", "valueZh": "某建筑劳务公司", "valueEn": null},
             {"code": "amount", "labelZh": "拖欠金额（元）", "labelEn": "Amount owed (yuan)", "datatype": "NUMBER",
              "value": "20000", "valueZh": "20000", "valueEn": null}]""")))
    @APIResponse(responseCode = "404", description = "No such ticket, or not one you may see")
    public List<CategoryQuestionService.Answer> attributes(@PathParam("ref") String ref) {
        return CategoryQuestionService.labelled(access.read(ref, currentActor.get("router-api")));
    }
}
