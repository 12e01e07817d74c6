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
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.linkage.bridge.service.InboundUpdateService;
import org.linkage.bridge.service.RefusalLimiter;
import org.linkage.commons.problem.Problem;

import java.util.List;
import java.util.Map;

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
            String body,
            @Context HttpServerRequest request) throws JsonProcessingException {
        // behind a proxy this is the client's address only with quarkus.http.proxy.* forwarding from trusted proxies
        return service.apply(departmentCode, signature, timestamp, body, request.remoteAddress().hostAddress());
    }

    @ServerExceptionMapper
    public Response tooMany(RefusalLimiter.TooManyRefusals e, UriInfo uri) {
        Problem problem = new Problem(null, "Too many requests", 429, e.getMessage(), uri.getPath(), List.of(),
                Map.of("retryAfter", e.retryAfterSeconds()));
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", e.retryAfterSeconds()).entity(problem).build();
    }
}
