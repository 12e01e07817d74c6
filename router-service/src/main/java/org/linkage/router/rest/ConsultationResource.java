package org.linkage.router.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import org.linkage.commons.problem.RequestParams;
import org.linkage.commons.security.CurrentActor;
import org.linkage.commons.security.Roles;
import org.linkage.router.domain.ConsultationStatus;
import org.linkage.router.repository.ConsultationRequest;
import org.linkage.router.service.ConsultationDesk;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Consultation requests from 110 (三方通话 in data): the dispatchers' live list and their decisions. */
@Path("/api/consultations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consultations", description = "110会商请求 / Unclear calls 110 asks 12345 to take")
public class ConsultationResource {
    private final ConsultationDesk desk;
    private final CurrentActor currentActor;

    public ConsultationResource(ConsultationDesk desk, CurrentActor currentActor) {
        this.desk = desk;
        this.currentActor = currentActor;
    }

    static final String PENDING = """
            {"id": "3e7b1c90-6d2a-4f58-8b14-9c0a5e2d7f63", "callNumber": "110-20261128-000377", "status": "PENDING",
             "suggestedDisposition": "NON_POLICE", "categoryCode": "PROPERTY",
             "content": "小区门口有人争吵，物业和业主因停车收费起了冲突", "address": "双流区东升街道某小区",
             "districtCode": "510116", "note": "来电人反映小区门口有人争吵，未见动手，疑为物业纠纷，请12345判断是否受理",
             "requestedBy": "calltaker1", "requestedAt": "2026-11-28T12:02:10Z", "expiresAt": "2026-11-28T12:05:10Z",
             "decidedBy": null, "decidedAt": null, "reason": null, "acceptedCategory": null, "ticketNumber": null}""";

    /** A request as dispatchers see it; no caller contact (an accepted call brings it as an ordinary referral). */
    @Schema(description = "110会商请求 / a consultation request from 110", example = """
            {"id": "3e7b1c90-6d2a-4f58-8b14-9c0a5e2d7f63", "callNumber": "110-20261128-000377", "status": "ACCEPTED",
             "suggestedDisposition": "NON_POLICE", "categoryCode": "PROPERTY",
             "content": "小区门口有人争吵，物业和业主因停车收费起了冲突", "address": "双流区东升街道某小区",
             "districtCode": "510116", "note": "来电人反映小区门口有人争吵，未见动手，疑为物业纠纷，请12345判断是否受理",
             "requestedBy": "calltaker1", "requestedAt": "2026-11-28T12:02:10Z", "expiresAt": "2026-11-28T12:05:10Z",
             "decidedBy": "dispatcher1", "decidedAt": "2026-11-28T12:03:02Z", "reason": null,
             "acceptedCategory": "PROPERTY", "ticketNumber": "12345-20261128-000391"}""")
    public record View(UUID id, String callNumber, String status, String suggestedDisposition, String categoryCode,
                       String content, String address, String districtCode, String note, String requestedBy,
                       Instant requestedAt, Instant expiresAt, String decidedBy, Instant decidedAt, String reason,
                       String acceptedCategory, String ticketNumber) {
        static View of(ConsultationRequest c) {
            return new View(c.id, c.callNumber, c.status.name(), c.suggestedDisposition, c.categoryCode, c.content,
                    c.address, c.districtCode, c.note, c.requestedBy, c.requestedAt, c.expiresAt, c.decidedBy,
                    c.decidedAt, c.reason, c.acceptedCategory, c.ticketNumber);
        }
    }

    /** @param accept true takes the call for 12345; false leaves it with 110 and needs a reason */
    @Schema(description = "接收或拒绝 / accept or decline", example = """
            {"accept": true, "categoryCode": "PROPERTY"}""")
    public record Decision(@NotNull Boolean accept, @Size(max = 1000) String reason,
                           @Pattern(regexp = "[A-Z_]{2,40}") String categoryCode) {
    }

    @GET
    @RolesAllowed({Roles.DISPATCHER, Roles.SUPERVISOR})
    @Operation(summary = "Consultation requests by status (会商请求列表)", description = """
            Default PENDING, soonest time limit first. Roles: dispatcher, supervisor.""")
    @APIResponse(responseCode = "200", description = "The requests", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = View.class),
            examples = @ExampleObject(name = "pending", value = "[" + PENDING + "]")))
    @APIResponse(responseCode = "400", description = "status not PENDING, ACCEPTED, DECLINED or EXPIRED, or size "
            + "outside 1–500")
    public List<View> list(@Parameter(description = "PENDING, ACCEPTED, DECLINED or EXPIRED")
                           @QueryParam("status") @Pattern(regexp = "PENDING|ACCEPTED|DECLINED|EXPIRED") String status,
                           @QueryParam("size") String size) {
        return desk.list(status == null ? ConsultationStatus.PENDING : ConsultationStatus.valueOf(status),
                RequestParams.integer("size", size, 50, 1, 500)).stream().map(View::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DISPATCHER, Roles.SUPERVISOR})
    @Operation(summary = "One consultation request (会商请求详情)", description = """
            The request, and the decision once made. Roles: dispatcher, supervisor.""")
    @APIResponse(responseCode = "200", description = "The request", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "400", description = "id is not a UUID")
    @APIResponse(responseCode = "404", description = "No such consultation request")
    public View get(@PathParam("id") String id) {
        return View.of(desk.get(RequestParams.uuid("id", id)));
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DISPATCHER)
    @Operation(summary = "Accept or decline (接收 / 拒绝)", description = """
            Accepting takes the call for 12345: intake refers it as this dispatcher's decision and it becomes a
            ticket as any referral does (categoryCode, optional, replaces the suggested category). Declining, with a
            reason, leaves it with 110. Both are sent to intake (ConsultationDecided on linkage.consultations) and
            audited. 409 once decided or past the time limit (then the request expires: 首接负责, 110 keeps the call).
            Role: dispatcher.""")
    @APIResponse(responseCode = "200", description = "Decided", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "400", description = "Decline without a reason, or an unknown category")
    @APIResponse(responseCode = "404", description = "No such consultation request")
    @APIResponse(responseCode = "409", description = "Already decided, or the time limit has passed")
    public View decide(@PathParam("id") String id, @NotNull @Valid Decision body) {
        return View.of(desk.decide(RequestParams.uuid("id", id), currentActor.get("router-api"), body.accept(),
                body.reason(), body.categoryCode()));
    }
}
