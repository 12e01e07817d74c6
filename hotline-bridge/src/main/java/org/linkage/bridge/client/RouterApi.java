package org.linkage.bridge.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.util.UUID;

/** The router's integration API (role service), called with the bridge's client-credentials token. */
@RegisterRestClient(configKey = "router")
@OidcClientFilter
@Path("/api/integration")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface RouterApi {
    /** The router files or applies a call once per key, so a retry after a lost answer is answered, not repeated. */
    String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** @param attachments the department system's files, checked by the bridge; left out when none */
    record TicketUpdate(String departmentCode, String action, String note, String answer, String reason,
                        String externalRef, Instant occurredAt,
                        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
                        java.util.List<File> attachments) {
    }

    /** A file for the router: the bytes go as base64, the router sniffs and cleans them. */
    record File(String fileName, String contentType, byte[] content) {
    }

    record UpdateResult(String ticketNumber, String status) {
    }

    /** @param attributes the answers to the category's questions (Open311 attribute[code]); null when none */
    record NewRequest(String channel, String categoryCode, String content, String address, String districtCode,
                      Double latitude, Double longitude, String callerName, String callerPhone, String email,
                      java.util.Map<String, String> attributes,
                      // the client's media_url as MediaLink kept it (a refused one never gets here); null: none
                      @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                      String mediaUrl) {
    }

    record CreatedTicket(UUID ticketId, String ticketNumber, String status) {
    }

    @POST
    @Path("/tickets/{ticketNumber}/updates")
    UpdateResult update(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, @PathParam("ticketNumber") String ticketNumber,
                        TicketUpdate update);

    @POST
    @Path("/requests")
    CreatedTicket createRequest(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, NewRequest request);

    /** An attachment of a ticket with a link that opens it without a token until {@code expiresAt}. */
    record AttachmentLink(UUID id, String fileName, String contentType, long sizeBytes, String url, Instant expiresAt) {
    }

    @jakarta.ws.rs.GET
    @Path("/tickets/{ticketNumber}/attachment-links")
    java.util.List<AttachmentLink> attachmentLinks(@PathParam("ticketNumber") String ticketNumber);
}
