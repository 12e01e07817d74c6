package org.linkage.router.rest;

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
    private static final String COMPONENT = "router-reply-templates";

    private final ReplyTemplateService templates;
    private final CurrentActor currentActor;

    public ReplyTemplateResource(ReplyTemplateService templates, CurrentActor currentActor) {
        this.templates = templates;
        this.currentActor = currentActor;
    }

    @GET
    @Operation(summary = "答复模板列表 / Reply templates (an agent: own unit's only)")
    public List<ReplyTemplateService.View> list(
            @QueryParam("departmentCode") @Pattern(regexp = "[A-Za-z0-9-]{2,40}") String departmentCode,
            @QueryParam("categoryCode") @Pattern(regexp = "[A-Z_]{2,40}") String categoryCode) {
        return templates.list(departmentCode, categoryCode, currentActor.get(COMPONENT));
    }

    @POST
    @RolesAllowed({Roles.DEPT_AGENT, Roles.ADMIN})
    @Operation(summary = "新建答复模板 / Create a reply template for a category (own unit; admins any unit)")
    public Response create(@NotNull @Valid ReplyTemplateService.Input body) {
        return Response.status(201).entity(templates.create(body, currentActor.get(COMPONENT))).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.DEPT_AGENT, Roles.ADMIN})
    @Operation(summary = "修改答复模板（新版本） / Edit a reply template: a new version; baseVersion guards against lost edits")
    public ReplyTemplateService.View edit(@PathParam("id") String id, @NotNull @Valid ReplyTemplateService.Input body) {
        return templates.edit(id(id), body, currentActor.get(COMPONENT));
    }

    @GET
    @Path("/{id}/versions")
    @Operation(summary = "答复模板历史版本 / Every saved version of a reply template")
    public List<ReplyTemplateService.VersionView> versions(@PathParam("id") String id) {
        return templates.versions(id(id), currentActor.get(COMPONENT));
    }

    private static long id(String value) {
        return RequestParams.integer("id", value, 0, 1, Integer.MAX_VALUE);
    }
}
