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
import org.linkage.console.client.ServiceProblem;
import org.linkage.console.client.Services;
import org.linkage.console.view.Ticket;
import org.linkage.console.view.TicketAppeals;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The appeal form (申诉) on a unit's ticket: the lead unit's agent disputes that the ticket counts in its figures.
 * The router decides whether this reader may (its {@code mayFile}); another unit's ticket answers 404 as everywhere.
 */
@Path("/tickets/{ref}/appeal")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("dept-agent")
public class AppealResource {
    static final List<String> GROUNDS = List.of("WRONG_DISPATCH", "UNREASONABLE_DEMAND", "OTHER");

    /** The pages of this console, by template name. */
    static class Templates {
        static TemplateInstance form(Ticket ticket, TicketAppeals appeals, String problem,
                                     Map<String, String> errors, Map<String, String> values) {
            return View.of("assessment/appeal-form", "ticket", ticket, "appeals", appeals, "grounds", GROUNDS,
                    "problem", problem, "errors", errors, "values", values);
        }
    }

    @Inject
    Services services;

    @GET
    public TemplateInstance form(@PathParam("ref") String ref) {
        return page(ref, null, Map.of(), Map.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response file(@PathParam("ref") String ref, MultivaluedMap<String, String> fields) {
        Form form = new Form(fields);
        Map<String, Object> body = body(form);
        try {
            services.writeRouter(api -> api.fileAppeal(ref, body));
        } catch (ServiceProblem problem) {
            return Response.status(problem.status()).entity(page(ref, Problems.message(problem), problem.fieldErrors(),
                    form.values()).render()).build();
        }
        return Response.seeOther(URI.create("/tickets/" + ref + "#appeals")).build();
    }

    private TemplateInstance page(String ref, String problem, Map<String, String> errors, Map<String, String> values) {
        Ticket ticket = services.readRouter(api -> api.ticket(ref));
        TicketAppeals appeals = services.readRouter(api -> api.ticketAppeals(ref));
        return Templates.form(ticket, appeals, problem, errors, values);
    }

    /** The router's body: the ground and, for OTHER required, the words. */
    static Map<String, Object> body(Form form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ground", form.get("ground"));
        body.put("reason", form.get("reason"));
        return body;
    }
}
