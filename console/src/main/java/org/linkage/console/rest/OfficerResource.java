package org.linkage.console.rest;

import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.linkage.console.client.Category;
import org.linkage.console.client.District;
import org.linkage.console.client.Requests;
import org.linkage.console.client.ServiceProblem;
import org.linkage.console.client.Services;
import org.linkage.console.view.CallDetail;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The officer on scene hands the non-police rest of an incident to 12345 (联动移交), from a phone. */
@Path("/officer/handover")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("officer")
public class OfficerResource {
    /** The pages of this console, by template name. */
    static class Templates {
        static TemplateInstance handover(Map<String, String> values, Map<String, String> errors, String problem,
                                                List<District> districts,
                                                List<Category> categories, String idempotencyKey) {
            return View.of("officer/handover", "values", values, "errors", errors, "problem", problem, "districts", districts, "categories", categories, "idempotencyKey", idempotencyKey);
        }
    }

    @Inject
    Services services;
    @Inject
    Reference reference;

    @GET
    public TemplateInstance form() {
        return page(Map.of(), Map.of(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(MultivaluedMap<String, String> fields) {
        Form form = new Form(fields);
        String incident = form.get("incidentNumber");
        if (incident == null || !incident.matches("[A-Za-z0-9-]{1,64}")) {
            return Response.status(400).entity(page(form.values(), Map.of("incidentNumber",
                    org.linkage.console.ui.Ui.current().t("incident_number_invalid")), null).render()).build();
        }
        String key = form.get("idempotencyKey") == null ? UUID.randomUUID().toString() : form.get("idempotencyKey");
        try {
            CallDetail call = services.writeIntake(api -> api.handOver(key, incident, new Requests.HandOver(
                    form.get("content"), form.get("address"), form.get("districtCode"), form.get("callerPhone"),
                    form.get("callerName"), form.get("categoryCode"), form.get("urgency"),
                    "true".equals(form.get("confidential")))));
            return Response.seeOther(URI.create("/calls/" + call.id() + "?new=1")).build();
        } catch (ServiceProblem problem) {
            return Response.status(problem.status()).entity(page(form.values(), problem.fieldErrors(),
                    Problems.message(problem)).render()).build();
        }
    }

    private TemplateInstance page(Map<String, String> values, Map<String, String> errors, String problem) {
        List<Category> nonPolice = reference.categories().stream().filter(c -> !c.police()).toList();
        return Templates.handover(values, errors, problem, reference.districts(), nonPolice,
                values.getOrDefault("idempotencyKey", UUID.randomUUID().toString()));
    }
}
