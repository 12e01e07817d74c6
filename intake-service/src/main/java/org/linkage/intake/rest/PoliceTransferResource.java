package org.linkage.intake.rest;

import org.linkage.commons.problem.RequestParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkage.commons.audit.AuditRecord;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.commons.security.Roles;
import org.linkage.intake.repository.PoliceTransferEntity;
import org.linkage.intake.service.AuditActions;
import org.linkage.intake.service.PoliceTransfers;

import java.util.List;

@Path("/api/police-transfers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Police transfers", description = "12345移交110的警情 / Police matters handed back by 12345")
public class PoliceTransferResource {
    private final PoliceTransfers transfers;
    private final CallViews views;
    private final AuditTrail audit;

    public PoliceTransferResource(PoliceTransfers transfers, CallViews views, AuditTrail audit) {
        this.transfers = transfers;
        this.views = views;
        this.audit = audit;
    }

    @GET
    @RolesAllowed({Roles.CALL_TAKER, Roles.SUPERVISOR})
    @Operation(summary = "The hand-back queue (移交警情队列)", description = """
            Oldest first. WAITING (default) is the queue; ACCEPTED shows those taken on. Phones masked.""")
    public List<PoliceTransferView> queue(
            @Parameter(description = "WAITING or ACCEPTED", example = "WAITING") @QueryParam("state") String state) {
        PoliceTransferEntity.State s = RequestParams.enumeration("state", state, PoliceTransferEntity.State.class);
        return transfers.queue(s == null ? PoliceTransferEntity.State.WAITING : s).stream()
                .map(t -> views.transfer(t, false)).toList();
    }

    @POST
    @Path("/{id}/acceptance")
    @RolesAllowed(Roles.CALL_TAKER)
    @Operation(summary = "Accept a hand-back (受理移交警情)", description = """
            Takes the matter on; answers with the full contact so the call-taker can call back (audited).
            409 with acceptedBy if another call-taker accepted it first.""")
    @APIResponse(responseCode = "409", description = "Already accepted")
    public PoliceTransferView accept(@PathParam("id") String id, @Valid AcceptTransferRequest request) {
        AcceptTransferRequest r = request == null ? new AcceptTransferRequest(null, null) : request;
        return views.transfer(transfers.accept(RequestParams.uuid("id", id), r.incidentNumber(), r.note()), true);
    }

    @GET
    @Path("/{id}/audit")
    @RolesAllowed({Roles.CALL_TAKER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Audit trail of a hand-back (审计记录)")
    public List<AuditRecord> audit(@PathParam("id") String id) {
        PoliceTransferEntity t = transfers.get(RequestParams.uuid("id", id));
        return audit.of(AuditActions.POLICE_TRANSFER, t.id);
    }
}
