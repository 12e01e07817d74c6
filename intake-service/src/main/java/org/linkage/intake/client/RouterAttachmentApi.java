package org.linkage.intake.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/**
 * The router's ticket attachments as intake's service account (role service:intake) may use them: put a referred
 * call's file onto the call's ticket. The attachment keeps intake's id there, so sending it again is harmless.
 */
@RegisterRestClient(configKey = "router")
@OidcClientFilter
@Path("/api/tickets/{ticketNumber}/attachments")
public interface RouterAttachmentApi {

    record Taken(UUID id, String ticketNumber) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Produces(MediaType.APPLICATION_JSON)
    Taken put(@PathParam("ticketNumber") String ticketNumber, @QueryParam("fileName") String fileName,
              @QueryParam("callId") UUID callId, @QueryParam("sourceId") UUID sourceId,
              @QueryParam("uploadedBy") String uploadedBy, byte[] content);
}
