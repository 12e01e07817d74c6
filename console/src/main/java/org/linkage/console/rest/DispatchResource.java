package org.linkage.console.rest;

import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.linkage.console.client.ServiceProblem;
import org.linkage.console.client.Services;
import org.linkage.console.view.Delivery;
import org.linkage.console.view.Department;
import org.linkage.console.view.WorkList;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 12345 dispatcher's desk (派单台): what waits for a person — the manual queue, return reviews, possible
 * duplicates, answers awaiting a call-back, and call-backs to close or reopen — and the bridge's dead letters.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("dispatcher")
public class DispatchResource {
    /** The desk's work lists, each a router query, in the order a dispatcher works them. */
    static final Map<String, String> QUEUES;

    static {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("manual", "PENDING_DISPATCH");
        q.put("returns", "RETURN_REVIEW");
        q.put("duplicates", null);
        q.put("callbacks", "REPLIED");
        q.put("closing", "CALLED_BACK");
        QUEUES = java.util.Collections.unmodifiableMap(q);
    }

    /** The pages of this console, by template name. */
    static class Templates {
        static TemplateInstance desk(Map<String, WorkList> queues, List<Department> departments) {
            return View.of("dispatch/desk", "queues", queues, "departments", departments);
        }

        static TemplateInstance deliveries(List<Delivery> deadLetters, String done, String problem) {
            return View.of("dispatch/deliveries", "deadLetters", deadLetters, "done", done, "problem", problem);
        }
    }

    @Inject
    Services services;

    @GET
    @Path("dispatch")
    public TemplateInstance desk() {
        Map<String, WorkList> queues = new LinkedHashMap<>();
        QUEUES.forEach((name, status) -> queues.put(name, WorkList.first(services.readRouter(api -> api.tickets(status,
                null, null, null, status == null ? Boolean.TRUE : null, null, null, null, 0, 50)))));
        // Clock requests: pauses a dispatcher decides, and proposed terminations awaiting a supervisor.
        queues.put("pauses", WorkList.all(services.readRouter(api -> api.pendingClockRequests("pause", 50))));
        queues.put("terminations", WorkList.all(services.readRouter(api -> api.pendingClockRequests("terminate", 50))));
        return Templates.desk(queues, services.readRouter(api -> api.departments()));
    }

    @GET
    @Path("deliveries")
    public TemplateInstance deliveries() {
        return Templates.deliveries(deadLetters(), null, null);
    }

    @POST
    @Path("deliveries/{id}/replay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replay(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        Form form = new Form(fields);
        try {
            services.writeBridge(api -> api.replay(id, form.get("reason")));
        } catch (ServiceProblem problem) {
            return Response.status(problem.status()).entity(Templates.deliveries(deadLetters(), null,
                    Problems.message(problem))).build();
        }
        return Response.seeOther(URI.create("/deliveries")).build();
    }

    private List<Delivery> deadLetters() {
        return services.readBridge(api -> api.deliveries("DEAD_LETTERED", 200));
    }
}
