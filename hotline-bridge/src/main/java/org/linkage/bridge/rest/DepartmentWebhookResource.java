package org.linkage.bridge.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.linkage.bridge.domain.WebhookSignature;
import org.linkage.bridge.service.InboundUpdateService;

/**
 * Status updates from department systems. No bearer token here: the HMAC signature over timestamp
 * and body (docs/webhook-signing.md) is the authentication, checked before anything is read.
 */
@Path("/api/webhooks/departments")
public class DepartmentWebhookResource {
    private final InboundUpdateService service;

    public DepartmentWebhookResource(InboundUpdateService service) {
        this.service = service;
    }

    @POST
    @Path("/{departmentCode}")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public InboundUpdateService.Applied receive(
            @PathParam("departmentCode") @Pattern(regexp = "[A-Za-z0-9-]{2,40}") String departmentCode,
            @HeaderParam(WebhookSignature.SIGNATURE_HEADER) String signature,
            @HeaderParam(WebhookSignature.TIMESTAMP_HEADER) String timestamp,
            String body) throws JsonProcessingException {
        return service.apply(departmentCode, signature, timestamp, body);
    }
}
