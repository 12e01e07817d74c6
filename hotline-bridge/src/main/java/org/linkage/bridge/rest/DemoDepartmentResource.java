package org.linkage.bridge.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.linkage.bridge.domain.WebhookSignature;
import org.linkage.bridge.service.DemoDepartment;


/**
 * The demo department endpoint (local stack only; {@code linkage.bridge.demo-receiver.enabled}).
 * Authenticated the way real department endpoints authenticate the bridge: by the webhook signature.
 */
@Path("/api/demo/departments")
public class DemoDepartmentResource {
    private final DemoDepartment department;

    public DemoDepartmentResource(DemoDepartment department) {
        this.department = department;
    }

    @POST
    @Path("/{departmentCode}/tickets")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Received receive(@PathParam("departmentCode") String departmentCode,
                                       @HeaderParam("Idempotency-Key") String idempotencyKey,
                                       @HeaderParam(WebhookSignature.SIGNATURE_HEADER) String signature,
                                       @HeaderParam(WebhookSignature.TIMESTAMP_HEADER) String timestamp,
                                       @Context UriInfo uri, String body) {
        // A real department verifies against the URL it registered; the demo one has only the address it was called at.
        return new Received(department.receive(departmentCode, uri.getRequestUri().toString(), idempotencyKey,
                signature, timestamp, body));
    }

    /** @param externalRef the department system's own reference of the ticket it took */
    public record Received(String externalRef) {
    }
}
