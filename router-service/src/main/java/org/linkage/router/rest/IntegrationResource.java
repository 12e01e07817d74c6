package org.linkage.router.rest;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.linkage.router.service.AttachmentService;
import java.util.List;
import jakarta.ws.rs.core.Response;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.privacy.PhoneNumbers;
import org.linkage.commons.security.Actor;
import org.linkage.commons.security.CurrentActor;
import org.linkage.commons.security.Roles;
import org.linkage.router.service.IntegrationService;
import org.linkage.router.service.TicketDraft;
import org.linkage.router.service.TicketService;

import org.linkage.router.service.CategoryQuestionService;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** For the hotline bridge (role service:bridge): department systems' updates and Open311 requests. */
@Path("/api/integration")
@RolesAllowed(Roles.BRIDGE_SERVICE)
public class IntegrationResource {

    @Schema(description = "部门系统回传 / a department system's update, relayed by the bridge", example = """
            {"departmentCode": "CD-HRSS", "action": "REPLY", "note": "现场核查完毕",
             "answer": "已责令企业于12月5日前支付欠薪", "reason": null, "externalRef": "HRSS-2026-0042",
             "occurredAt": "2026-11-30T02:15:00Z",
             "attachments": [{"fileName": "现场照片.jpg", "contentType": "image/jpeg", "content": "/9j/4AAQSkZJRgABAQ..."}]}""")
    public record Update(@NotBlank @Pattern(regexp = "[A-Za-z0-9-]{2,40}") String departmentCode,
                         @NotNull @Pattern(regexp = "SIGN|PROGRESS|REPLY|RETURN") String action,
                         @Size(max = 2000) String note, @Size(max = 4000) String answer,
                         @Size(max = 2000) String reason, @Size(max = 200) String externalRef, Instant occurredAt,
                         // the department system's files that came with the update; left out of the JSON when none,
                         // so the fingerprint of an update without files is what it was before files existed
                         @com.fasterxml.jackson.annotation.JsonInclude(
                                 com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
                         @Size(max = MAX_FILES_PER_UPDATE) List<@Valid @NotNull File> attachments) {
        /**
         * What a repeated key is compared on: occurredAt is left out because the bridge stamps "now" when a
         * department omits it, so a re-sent webhook would otherwise look like a different update; files by name and
         * checksum, not their megabytes.
         */
        Object content() {
            Update text = new Update(departmentCode, action, note, answer, reason, externalRef, null, null);
            if (attachments == null || attachments.isEmpty()) {
                return text;
            }
            return List.of(text, attachments.stream().map(f -> List.of(String.valueOf(f.fileName()),
                    f.content() == null ? "" : org.linkage.commons.evidence.EvidenceUploads.sha256(f.content()))).toList());
        }

        List<AttachmentService.Incoming> files() {
            return attachments == null ? List.of() : attachments.stream()
                    .map(f -> new AttachmentService.Incoming(f.fileName(), f.content())).toList();
        }
    }

    /** More than the bridge lets through (its default is 5): the per-ticket limit is what really bounds evidence. */
    static final int MAX_FILES_PER_UPDATE = 10;

    /**
     * A file a department system sent with its update, bytes in base64 as JSON carries them. The declared type is
     * kept for the record only: the router stores what the bytes are, as for an upload in the console.
     */
    @Schema(description = "部门系统随回传附带的文件 / a file sent with a department system's update")
    public record File(@Size(max = 200) String fileName, @Size(max = 100) String contentType,
                       @NotNull @Schema(format = "byte", description = "the file, base64") byte[] content) {
    }

    @Schema(example = """
            {"ticketNumber": "12345-20261128-000042", "status": "REPLIED"}""")
    public record UpdateResult(String ticketNumber, String status) {
    }

    @Schema(description = "Open311 诉求 / a service request filed through Open311", example = """
            {"channel": "OPEN311:tianfu-app", "categoryCode": "ROADS", "content": "天府大道北段人行道地砖松动，雨天踩上去溅水",
             "address": "高新区天府大道北段1480号", "districtCode": "CD-HIGHTECH", "latitude": 30.5862,
             "longitude": 104.0665, "callerName": "陈女士", "callerPhone": "13812345678",
             "email": "chen@example.com", "attributes": {}}""")
    public record Request(@NotBlank @Pattern(regexp = "[A-Z0-9]{2,20}(:[A-Za-z0-9._-]{1,60})?") String channel,
                          @NotBlank @Pattern(regexp = "[A-Z_]{2,40}") String categoryCode,
                          @NotBlank @Size(max = 4000) String content, @Size(max = 500) String address,
                          @Pattern(regexp = "[A-Za-z0-9-]{2,20}") String districtCode,
                          @DecimalMin("-90") @DecimalMax("90") Double latitude,
                          @DecimalMin("-180") @DecimalMax("180") Double longitude,
                          @Size(max = 100) String callerName,
                          @Pattern(regexp = "[+0-9 ()-]{5,30}") String callerPhone,
                          @Email @Size(max = 200) String email,
                          // the answers to the category's questions (Open311 attribute[code]); checked here, the owner
                          Map<String, String> attributes,
                          // the caller's photo link (Open311 media_url), kept on the ticket as a link: checked here
                          // again with the bridge's rule, the router being the one that shows it to people
                          @Size(max = org.linkage.commons.evidence.MediaLink.MAX_LENGTH) String mediaUrl) {
    }

    @Schema(example = """
            {"ticketId": "8d2f4b61-7e3a-4c90-b5d8-1a6e9c3f2b47", "ticketNumber": "12345-20261128-000402",
             "status": "DISPATCHED"}""")
    public record Created(UUID ticketId, String ticketNumber, String status) {
    }

    private final TicketService tickets;
    private final IntegrationService integration;
    private final CurrentActor currentActor;

    private final CategoryQuestionService questions;
    @jakarta.inject.Inject
    AttachmentService attachments;

    public IntegrationResource(TicketService tickets, IntegrationService integration, CurrentActor currentActor,
                               CategoryQuestionService questions) {
        this.questions = questions;
        this.tickets = tickets;
        this.integration = integration;
        this.currentActor = currentActor;
    }

    @POST
    @Path("/tickets/{ticketNumber}/updates")
    @Operation(summary = "A department system's update (部门系统回传)", description = """
            Sign, progress, reply or return on behalf of the department named in the body, held to that unit's tickets,
            with the files its system sent (attachments, base64; checked as a console upload is, stored in the same
            transaction as the transition); the Idempotency-Key makes a retry answer the first result, storing no file
            twice. Role: bridge service.""")
    @APIResponse(responseCode = "200", description = "Applied: the ticket's new status", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UpdateResult.class)))
    @APIResponse(responseCode = "400", description = "No or a malformed Idempotency-Key, an invalid field, or no note, "
            + "answer or reason for the action")
    @APIResponse(responseCode = "404", description = "No such ticket, or not one of the department's")
    @APIResponse(responseCode = "409", description = "The ticket's status does not allow the action (member "
            + "currentStatus)")
    @APIResponse(responseCode = "413", description = "A file is too large (attachments[i].content)")
    @APIResponse(responseCode = "415", description = "A file is not a kind the hotline keeps (attachments[i].content)")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different update, too many files on "
            + "the ticket or an unreadable one, or a reply the catalogue wants evidence for without any")
    public UpdateResult update(@PathParam("ticketNumber") String ticketNumber,
                               @HeaderParam(IntegrationService.KEY_HEADER) String idempotencyKey,
                               @NotNull @Valid Update body) {
        Actor service = currentActor.get("router-integration");
        // The bridge acts for the department named in the update and is held to that unit's tickets.
        Actor actor = new Actor(service.name() + " for " + body.departmentCode(), service.roles(), body.departmentCode());
        String ref = body.externalRef() == null ? "" : " [ref " + body.externalRef() + "]";
        IntegrationService.Applied applied = integration.applyUpdate(ticketNumber, body.departmentCode(), idempotencyKey,
                body.content(), () -> {
                    // Files first, in the same transaction: a reply the catalogue wants evidence for counts the files
                    // that came with it, and a refused update keeps none of them.
                    attachments.fromDepartmentSystem(ticketNumber, actor, body.files());
                    return switch (body.action()) {
                        case "SIGN" -> tickets.sign(ticketNumber, actor, text(body.note()) + ref);
                        case "PROGRESS" -> tickets.progress(ticketNumber, actor, require("note", body.note()) + ref);
                        case "REPLY" -> tickets.reply(ticketNumber, actor, require("answer", body.answer()));
                        default -> tickets.returnTicket(ticketNumber, actor, require("reason", body.reason()) + ref);
                    };
                });
        return new UpdateResult(applied.ticketNumber(), applied.status());
    }

    @POST
    @Path("/requests")
    @Operation(summary = "File an Open311 request (Open311 诉求受理)", description = """
            A citizen's request through the bridge's Open311 endpoint becomes a ticket, dispatched by the category's
            rule; a repeated Idempotency-Key answers 200 with the ticket first made. Role: bridge service.""")
    @APIResponse(responseCode = "201", description = "Filed", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Created.class)))
    @APIResponse(responseCode = "200", description = "Replay of an earlier request with the same Idempotency-Key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Created.class)))
    @APIResponse(responseCode = "400", description = "No or a malformed Idempotency-Key, an invalid field, an unknown "
            + "category or district, or an answer to the category's questions that does not fit")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different request")
    public Response request(@HeaderParam(IntegrationService.KEY_HEADER) String idempotencyKey,
                            @NotNull @Valid Request body) {
        Actor actor = currentActor.get("router-integration");
        Map<String, String> answers = questions.checked(body.categoryCode(), body.attributes());
        String mediaUrl = mediaLink(body.mediaUrl());
        IntegrationService.Filed t = integration.createRequest(idempotencyKey, new TicketDraft(null, null, null, body.channel(), body.categoryCode(), null,
                body.content(), body.address(), body.districtCode(), body.latitude(), body.longitude(),
                PhoneNumbers.normalisedOrAsGiven(body.callerPhone()), body.callerName(), body.email(), null, null, false,
                false, null, answers, mediaUrl), actor);
        // A repeated key answers 200 with the body first sent: nothing new was created.
        return Response.status(t.replayed() ? 200 : 201).entity(new Created(t.ticketId(), t.ticketNumber(), t.status()))
                .build();
    }

    /** A link to keep, as MediaLink spells it; a bad one is refused naming the field, nothing filed. */
    private static String mediaLink(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return org.linkage.commons.evidence.MediaLink.check(raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("mediaUrl", e.getMessage());
        }
    }

    private static String require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field, "must not be blank for this action");
        }
        return value;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    @GET
    @Path("/tickets/{ticketNumber}/attachment-links")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Expiring links to a ticket's attachments (附件限时链接)", description = """
            For the bridge's webhooks and Open311 media_url: each attachment of the ticket with a link that opens it
            without a token until expiresAt (linkage.attachment-links.valid-for, 7 days as shipped), and only it.""")
    @APIResponse(responseCode = "404", description = "No such ticket")
    public List<AttachmentService.Link> attachmentLinks(@PathParam("ticketNumber") String ticketNumber) {
        return attachments.links(ticketNumber, currentActor.get("router-api"));
    }
}
