package org.linkage.router.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkage.commons.problem.RequestParams;
import org.linkage.commons.security.CurrentActor;
import org.linkage.commons.security.Roles;
import org.linkage.router.service.ReplyTemplateService;

import java.util.List;

/**
 * Reply templates (答复模板). Department agents read and write their own unit's; administrators any unit's;
 * dispatchers and supervisors read them. A ticket's templates, filled in, are under
 * {@code /api/tickets/{ref}/reply-templates}.
 */
@Path("/api/reply-templates")
@RolesAllowed({Roles.DEPT_AGENT, Roles.ADMIN, Roles.DISPATCHER, Roles.SUPERVISOR})
public class ReplyTemplateResource {
    static final String VIEW = """
            {"id": 7, "departmentCode": "CD-HRSS", "categoryCode": "WAGES", "titleZh": "欠薪已督促支付",
             "bodyZh": "您好，关于工单{ticketNumber}反映的欠薪问题，{unitName}已于{today}督促用工单位支付拖欠工资，请注意查收。",
             "version": 2, "active": true, "updatedAt": "2026-11-20T02:00:00Z", "updatedBy": "hrss-agent1"}""";
    static final String INPUT = """
            {"departmentCode": "CD-HRSS", "categoryCode": "WAGES", "titleZh": "欠薪已督促支付",
             "bodyZh": "您好，关于工单{ticketNumber}反映的欠薪问题，{unitName}已于{today}督促用工单位支付拖欠工资，请注意查收。",
             "active": true, "baseVersion": 1}""";
    static final String VERSIONS = """
            [{"version": 1, "titleZh": "欠薪已督促支付", "bodyZh": "您好，{unitName}已督促用工单位支付拖欠工资。",
              "active": true, "savedAt": "2026-11-10T02:00:00Z", "savedBy": "hrss-agent1"},
             {"version": 2, "titleZh": "欠薪已督促支付",
              "bodyZh": "您好，关于工单{ticketNumber}反映的欠薪问题，{unitName}已于{today}督促用工单位支付拖欠工资，请注意查收。",
              "active": true, "savedAt": "2026-11-20T02:00:00Z", "savedBy": "hrss-agent1"}]""";
    private static final String COMPONENT = "router-reply-templates";

    private final ReplyTemplateService templates;
    private final CurrentActor currentActor;

    public ReplyTemplateResource(ReplyTemplateService templates, CurrentActor currentActor) {
        this.templates = templates;
        this.currentActor = currentActor;
    }

    @GET
    @Operation(summary = "答复模板列表 / Reply templates (an agent: own unit's only)", description = """
            By unit and category. Roles: dept-agent, admin, dispatcher, supervisor.""")
    @APIResponse(responseCode = "200", description = "The templates", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ReplyTemplateService.View.class),
            examples = @ExampleObject(name = "wages", value = "[" + VIEW + "]")))
    @APIResponse(responseCode = "400", description = "A unit or category code that does not fit")
    public List<ReplyTemplateService.View> list(
            @QueryParam("departmentCode") @Pattern(regexp = "[A-Za-z0-9-]{2,40}") String departmentCode,
            @QueryParam("categoryCode") @Pattern(regexp = "[A-Z_]{2,40}") String categoryCode) {
        return templates.list(departmentCode, categoryCode, currentActor.get(COMPONENT));
    }

    @POST
    @RolesAllowed({Roles.DEPT_AGENT, Roles.ADMIN})
    @Operation(summary = "新建答复模板 / Create a reply template for a category (own unit; admins any unit)",
            description = """
            Placeholders {ticketNumber}, {unitName}, {deadline}, {today} and {address} are filled in per ticket.
            Audited. Roles: dept-agent, admin.""")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReplyTemplateService.View.class),
            examples = @ExampleObject(name = "wages", value = VIEW)))
    @APIResponse(responseCode = "400", description = "Invalid field, no or an unknown unit, a category not in the "
            + "catalogue, or an unknown placeholder")
    @APIResponse(responseCode = "403", description = "Not an editor of that unit")
    public Response create(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReplyTemplateService.Input.class),
                    examples = @ExampleObject(name = "wages", value = INPUT)))
            @NotNull @Valid ReplyTemplateService.Input body) {
        return Response.status(201).entity(templates.create(body, currentActor.get(COMPONENT))).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.DEPT_AGENT, Roles.ADMIN})
    @Operation(summary = "修改答复模板（新版本） / Edit a reply template: a new version; baseVersion guards against lost edits",
            description = """
            Audited. Roles: dept-agent of its unit, admin.""")
    @APIResponse(responseCode = "200", description = "The new version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReplyTemplateService.View.class),
            examples = @ExampleObject(name = "wages", value = VIEW)))
    @APIResponse(responseCode = "400", description = "Invalid field, another unit, a category not in the catalogue, or "
            + "an unknown placeholder")
    @APIResponse(responseCode = "403", description = "Not an editor of the template's unit")
    @APIResponse(responseCode = "404", description = "No such template")
    @APIResponse(responseCode = "409", description = "A newer version exists than baseVersion")
    public ReplyTemplateService.View edit(@PathParam("id") String id,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReplyTemplateService.Input.class),
                    examples = @ExampleObject(name = "wages", value = INPUT)))
            @NotNull @Valid ReplyTemplateService.Input body) {
        return templates.edit(id(id), body, currentActor.get(COMPONENT));
    }

    @GET
    @Path("/{id}/versions")
    @Operation(summary = "答复模板历史版本 / Every saved version of a reply template", description = """
            Oldest first. Roles: dept-agent (own unit's), admin, dispatcher, supervisor.""")
    @APIResponse(responseCode = "200", description = "The versions", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ReplyTemplateService.VersionView.class),
            examples = @ExampleObject(name = "wages", value = VERSIONS)))
    @APIResponse(responseCode = "400", description = "id is not a positive integer")
    @APIResponse(responseCode = "404", description = "No such template, or not one you may see")
    public List<ReplyTemplateService.VersionView> versions(@PathParam("id") String id) {
        return templates.versions(id(id), currentActor.get(COMPONENT));
    }

    private static long id(String value) {
        return RequestParams.integer("id", value, 0, 1, Integer.MAX_VALUE);
    }
}
