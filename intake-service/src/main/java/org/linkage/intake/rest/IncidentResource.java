package org.linkage.intake.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkage.commons.security.Roles;
import org.linkage.intake.domain.Channel;
import org.linkage.events.Urgency;
import org.linkage.intake.service.CallService;
import org.linkage.intake.service.NewCall;

@Path("/api/incidents/{incidentNumber}/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Joint handling", description = "联动处置 / Officers hand the non-police rest of an incident to 12345")
public class IncidentResource {
    private final CallService service;
    private final CallViews views;

    public IncidentResource(CallService service, CallViews views) {
        this.service = service;
        this.views = views;
    }

    @POST
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Hand over the rest of an incident (民警现场移交)", description = """
            Police attended first; what remains (the wage arrears behind a fight, the fallen pole) goes to
            12345. Recorded as a call of channel OFFICER_REPORT with disposition JOINT, confirmed by the
            officer, and referred at once; the referral carries the incident number. Idempotency-Key as for
            POST /api/calls. 角色 / roles: officer.""")
    @APIResponse(responseCode = "201", description = "Referred; Location is the call", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CallView.class)))
    @APIResponse(responseCode = "200", description = "Replay of an earlier request with the same Idempotency-Key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CallView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, an unknown district or category, or an answer to "
            + "the category's questions that does not fit (problem+json naming the field)")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body")
    public Response handOver(
            @Parameter(description = "警情编号 / police incident number", example = "JQ20261128000045")
            @PathParam("incidentNumber") @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9-]+$") String incidentNumber,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @NotNull @Valid HandOverRequest request,
            @Context UriInfo uri) {
        NewCall call = new NewCall(Channel.OFFICER_REPORT, request.callerPhone(), request.callerName(),
                request.address(), request.districtCode(), request.latitude(), request.longitude(), null,
                request.content(), request.receivedAt() == null ? null : request.receivedAt().toInstant(),
                request.urgency() == null ? Urgency.URGENT : request.urgency(), true, incidentNumber,
                request.categoryCode(), false, Boolean.TRUE.equals(request.confidential()), request.attributes());
        return CallResource.answer(service.submit(call, Params.idempotencyKey(idempotencyKey)), views, uri);
    }
}
