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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.linkage.console.client.Category;
import org.linkage.console.client.ServiceProblem;
import org.linkage.console.client.Services;
import org.linkage.console.view.ConsultationRequest;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 会商请求: the unclear calls 110 sends to 12345 (三方通话 in data), live for the dispatchers (the list refreshes every
 * few seconds), each accepted or declined with a reason before its time limit.
 */
@Path("/consultations")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("dispatcher")
public class ConsultationResource {
    static class Templates {
        static TemplateInstance desk(List<ConsultationRequest> pending, List<ConsultationRequest> recent,
                                     List<Category> categories, String problem) {
            return View.of("consultations/desk", "pending", pending, "recent", recent, "categories", categories,
                    "problem", problem);
        }

        static TemplateInstance rows(List<ConsultationRequest> pending, List<Category> categories) {
            return View.of("consultations/rows", "pending", pending, "categories", categories);
        }
    }

    @Inject
    Services services;
    @Inject
    Reference reference;

    @GET
    public TemplateInstance desk() {
        return page(null);
    }

    /** The pending list alone, for the page's polling. */
    @GET
    @Path("rows")
    public TemplateInstance rows() {
        return Templates.rows(services.readRouter(api -> api.consultations("PENDING", 50)), reference.categories());
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        Form form = new Form(fields);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accept", "accept".equals(form.get("decision")));
        body.put("reason", form.get("reason"));
        body.put("categoryCode", form.get("categoryCode"));
        try {
            services.writeRouter(api -> api.decideConsultation(id, body));
        } catch (ServiceProblem problem) {
            if (!problem.isClientError()) {
                throw problem;
            }
            return Response.status(problem.status()).entity(page(Problems.message(problem)).render()).build();
        }
        return Response.seeOther(URI.create("/consultations")).build();
    }

    private TemplateInstance page(String problem) {
        List<ConsultationRequest> recent = new java.util.ArrayList<>();
        for (String status : List.of("ACCEPTED", "DECLINED", "EXPIRED")) {
            recent.addAll(services.readRouter(api -> api.consultations(status, 10)));
        }
        recent.sort((a, b) -> String.valueOf(b.decidedAt()).compareTo(String.valueOf(a.decidedAt())));
        return Templates.desk(services.readRouter(api -> api.consultations("PENDING", 50)), recent,
                reference.categories(), problem);
    }
}
