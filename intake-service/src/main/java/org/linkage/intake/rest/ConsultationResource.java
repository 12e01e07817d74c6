package org.linkage.intake.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.problem.RequestParams;
import org.linkage.commons.security.CurrentActor;
import org.linkage.commons.security.Roles;
import org.linkage.intake.repository.CallEntity;
import org.linkage.intake.service.CallConsultations;
import org.linkage.intake.service.CallQueries;


@Path("/api/calls/{id}/consultation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consultation", description = "三方通话（数据） / Ask 12345 to take an unclear call")
public class ConsultationResource {
    private final CallConsultations consultations;
    private final CallQueries queries;
    private final CurrentActor currentActor;

    public ConsultationResource(CallConsultations consultations, CallQueries queries, CurrentActor currentActor) {
        this.consultations = consultations;
        this.queries = queries;
        this.currentActor = currentActor;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CALL_TAKER, Roles.OFFICER})
    @Operation(summary = "Ask 12345 to take the call (会商，三方通话)", description = """
            An unclear call, still undecided, goes to 12345 with a hand-over note (ConsultationRequested on
            linkage.referrals). A 12345 dispatcher accepts it (the call is then referred as the dispatcher's decision
            and becomes a ticket) or declines it with a reason, within linkage.intake.consultation-time-limit (3 min by
            default); past it the request expires and the call stays with 110 (首接负责). While it waits the call
            cannot be decided on the 110 side (409). One request per call.
            角色 / roles: call-taker, officer.""")
    @APIResponse(responseCode = "201", description = "Sent to 12345", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsultationView.class)))
    @APIResponse(responseCode = "404", description = "No such call, or not one you may see")
    @APIResponse(responseCode = "400", description = "No note (problem+json naming the field)")
    @APIResponse(responseCode = "409", description = "The call was already decided or already sent")
    public Response request(@PathParam("id") String id, @NotNull @Valid ConsultationRequest request) {
        return Response.status(201).entity(ConsultationView.of(
                consultations.request(RequestParams.uuid("id", id), request.note()))).build();
    }

    @GET
    @RolesAllowed({Roles.CALL_TAKER, Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The call's consultation request and 12345's answer (会商详情)", description = """
            404 when there is none. 角色 / roles: call-taker, officer, supervisor, admin.""")
    @APIResponse(responseCode = "200", description = "The request and 12345's answer", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsultationView.class)))
    @APIResponse(responseCode = "400", description = "id is not a UUID")
    @APIResponse(responseCode = "404", description = "No such call, or none you may see, or no consultation on it")
    public ConsultationView get(@PathParam("id") String id) {
        CallEntity call = queries.visible(RequestParams.uuid("id", id), currentActor.get("intake"));
        return consultations.ofCall(call.id).map(ConsultationView::of)
                .orElseThrow(() -> ProblemException.notFound("No consultation on call " + call.callNumber
                        + ". / 该来电未发起会商。"));
    }
}
