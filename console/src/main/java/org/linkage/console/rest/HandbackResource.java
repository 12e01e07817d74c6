package org.linkage.console.rest;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.linkage.console.client.Requests;
import org.linkage.console.client.ServiceProblem;
import org.linkage.console.client.Services;
import org.linkage.console.view.Page;
import org.linkage.console.view.PoliceTransfer;

import java.time.Duration;

/**
 * The hand-back queue (回转): police matters 12345 found, waiting for a call-taker. The page listens to
 * intake's live stream through the console, so a new hand-back appears without a reload on every open page.
 */
@Path("/handbacks")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"call-taker", "supervisor"})
public class HandbackResource {
    /** The pages of this console, by template name. */
    static class Templates {
        static TemplateInstance page(Page<PoliceTransfer> waiting, Page<PoliceTransfer> accepted,
                                     PoliceTransfer taken, String problem) {
            return View.of("handbacks/page", "waiting", waiting, "accepted", accepted, "taken", taken, "problem", problem);
        }

        static TemplateInstance queue(Page<PoliceTransfer> waiting) {
            return View.of("handbacks/queue", "waiting", waiting);
        }
    }

    @Inject
    Services services;
    @Inject
    SecurityIdentity identity;

    @GET
    public TemplateInstance page() {
        return Templates.page(waiting(), accepted(), null, null);
    }

    @GET
    @Path("/queue")
    public TemplateInstance queue() {
        return Templates.queue(waiting());
    }

    /**
     * Intake's hand-back events, relayed by name for htmx to refresh the queue on. The user's token is taken
     * when the stream opens; when it lapses intake ends the stream and the browser reconnects with a fresh one.
     */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        String bearer = token == null ? null : "Bearer " + token.getToken();
        Multi<OutboundSseEvent> upstream = services.intakeStream().policeTransferStream(bearer)
                .filter(e -> e.name() != null && e.name().startsWith("police-transfer"))
                .map(e -> sse.newEventBuilder().name(e.name()).data("changed").build());
        // A comment-free heartbeat of our own keeps proxies between the browser and the console from closing it.
        Multi<OutboundSseEvent> heartbeat = Multi.createFrom().ticks().every(Duration.ofSeconds(20))
                .map(t -> sse.newEventBuilder().name("heartbeat").data("").build());
        return Multi.createBy().merging().streams(upstream, heartbeat);
    }

    /** Accepting shows the full contact once (intake audits it) so the call-taker can call the person now. */
    @POST
    @Path("/{id}/acceptance")
    @RolesAllowed("call-taker")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        Form form = new Form(fields);
        try {
            PoliceTransfer taken = services.writeIntake(api -> api.acceptTransfer(id,
                    new Requests.Acceptance(form.get("incidentNumber"), form.get("note"))));
            return Response.ok(Templates.page(waiting(), accepted(), taken, null)).build();
        } catch (ServiceProblem problem) {
            return Response.status(problem.status()).entity(Templates.page(waiting(), accepted(), null,
                    Problems.message(problem))).build();
        }
    }

    private Page<PoliceTransfer> waiting() {
        return services.readIntake(api -> api.policeTransfers("WAITING", 0, 50));
    }

    private Page<PoliceTransfer> accepted() {
        return services.readIntake(api -> api.policeTransfers("ACCEPTED", 0, 10));
    }
}
