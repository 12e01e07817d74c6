package org.linkage.console.rest;

import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.linkage.console.client.ServiceProblem;
import org.linkage.console.client.Services;
import org.linkage.console.ui.Ui;
import org.linkage.console.view.ReplyTemplateEdit;
import org.linkage.console.view.ReplyTemplateVersionEdit;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reply templates (答复模板) for the unit that owns them: its templates by category, a new one, and an edit that saves
 * a new version (the router refuses an edit made from an old version, so two editors do not overwrite each other).
 * Administrators see and edit every unit's.
 */
@Path("/templates")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"dept-agent", "admin"})
public class ReplyTemplateEditResource {
    @Inject
    Services services;
    @Inject
    Ui ui;

    @GET
    public TemplateInstance list(@QueryParam("categoryCode") String categoryCode, @QueryParam("saved") String saved) {
        return listPage(blankToNull(categoryCode), saved != null, null, Map.of(), Map.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> fields) {
        Form form = new Form(fields);
        Map<String, Object> body = body(form);
        try {
            services.writeRouter(api -> api.createReplyTemplate(body));
        } catch (ServiceProblem problem) {
            return Response.status(problem.status()).entity(listPage(null, false, Problems.message(problem),
                    problem.fieldErrors(), form.values()).render()).build();
        }
        return Response.seeOther(URI.create("/templates?saved=1")).build();
    }

    @GET
    @Path("{id:\\d+}")
    public TemplateInstance edit(@PathParam("id") long id, @QueryParam("saved") String saved) {
        return editPage(id, saved != null, null, Map.of(), Map.of());
    }

    @POST
    @Path("{id:\\d+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") long id, MultivaluedMap<String, String> fields) {
        Form form = new Form(fields);
        Map<String, Object> body = body(form);
        String base = form.get("baseVersion");
        body.put("baseVersion", base != null && base.matches("\\d{1,9}") ? Integer.valueOf(base) : null);
        try {
            services.writeRouter(api -> api.editReplyTemplate(id, body));
        } catch (ServiceProblem problem) {
            return Response.status(problem.status()).entity(editPage(id, false, Problems.message(problem),
                    problem.fieldErrors(), form.values()).render()).build();
        }
        return Response.seeOther(URI.create("/templates/" + id + "?saved=1")).build();
    }

    private TemplateInstance listPage(String categoryCode, boolean saved, String problem, Map<String, String> errors,
                                      Map<String, String> values) {
        List<ReplyTemplateEdit> templates = services.readRouter(api -> api.replyTemplatesOf(null, categoryCode));
        return View.of("templates/list", "templates", templates, "categoryCode", categoryCode, "saved", saved,
                "problem", problem, "errors", errors, "values", values, "unit", ui.department());
    }

    private TemplateInstance editPage(long id, boolean saved, String problem, Map<String, String> errors,
                                      Map<String, String> values) {
        ReplyTemplateEdit template = services.readRouter(api -> api.replyTemplatesOf(null, null)).stream()
                .filter(t -> t.id() == id).findFirst()
                .orElseThrow(() -> new jakarta.ws.rs.NotFoundException("no template " + id));
        List<ReplyTemplateVersionEdit> versions = services.readRouter(api -> api.replyTemplateVersions(id));
        return View.of("templates/edit", "template", template, "versions", versions, "saved", saved,
                "problem", problem, "errors", errors, "values", values);
    }

    /** The router's body: an agent's unit is its own (the router fills it in), an administrator names it. */
    static Map<String, Object> body(Form form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("departmentCode", form.get("departmentCode"));
        body.put("categoryCode", form.get("categoryCode"));
        body.put("titleZh", form.get("titleZh"));
        body.put("bodyZh", form.get("bodyZh"));
        body.put("active", form.checked("active"));
        return body;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
