package org.linkage.router.rest;

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

    public record Update(@NotBlank @Pattern(regexp = "[A-Za-z0-9-]{2,40}") String departmentCode,
                         @NotNull @Pattern(regexp = "SIGN|PROGRESS|REPLY|RETURN") String action,
                         @Size(max = 2000) String note, @Size(max = 4000) String answer,
                         @Size(max = 2000) String reason, @Size(max = 200) String externalRef, Instant occurredAt) {
        /**
         * What a repeated key is compared on: occurredAt is left out because the bridge stamps "now" when a
         * department omits it, so a re-sent webhook would otherwise look like a different update.
         */
        Update content() {
            return new Update(departmentCode, action, note, answer, reason, externalRef, null);
        }
    }

    public record UpdateResult(String ticketNumber, String status) {
    }

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
    public UpdateResult update(@PathParam("ticketNumber") String ticketNumber,
                               @HeaderParam(IntegrationService.KEY_HEADER) String idempotencyKey,
                               @NotNull @Valid Update body) {
        Actor service = currentActor.get("router-integration");
        // The bridge acts for the department named in the update and is held to that unit's tickets.
        Actor actor = new Actor(service.name() + " for " + body.departmentCode(), service.roles(), body.departmentCode());
        String ref = body.externalRef() == null ? "" : " [ref " + body.externalRef() + "]";
        IntegrationService.Applied applied = integration.applyUpdate(ticketNumber, body.departmentCode(), idempotencyKey,
                body.content(), () -> switch (body.action()) {
                    case "SIGN" -> tickets.sign(ticketNumber, actor, text(body.note()) + ref);
                    case "PROGRESS" -> tickets.progress(ticketNumber, actor, require("note", body.note()) + ref);
                    case "REPLY" -> tickets.reply(ticketNumber, actor, require("answer", body.answer()));
                    default -> tickets.returnTicket(ticketNumber, actor, require("reason", body.reason()) + ref);
                });
        return new UpdateResult(applied.ticketNumber(), applied.status());
    }

    @POST
    @Path("/requests")
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
