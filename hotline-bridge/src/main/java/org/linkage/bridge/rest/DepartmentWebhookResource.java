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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.linkage.bridge.service.DepartmentUpdate;
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
@SecurityScheme(securitySchemeName = DepartmentWebhookResource.SIGNATURE, type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER, apiKeyName = WebhookSignature.SIGNATURE_HEADER,
        description = "部门密钥对时间戳和正文的 HMAC-SHA256 签名 / the department key's HMAC-SHA256 over timestamp and body"
                + " (docs/webhook-signing.md), with X-Linkage-Timestamp")
public class DepartmentWebhookResource {
    static final String SIGNATURE = "DepartmentSignature";
    static final String UPDATE_EXAMPLE = """
            {"ticketNumber": "12345-20261128-000042", "action": "REPLY", "note": "现场核查完毕",
             "answer": "已责令企业于12月5日前支付欠薪", "externalRef": "HRSS-2026-0042",
             "occurredAt": "2026-11-30T02:15:00Z",
             "attachments": [{"fileName": "现场照片.jpg", "contentType": "image/jpeg", "content": "/9j/4AAQSkZJRgABAQ..."}]}""";
    static final String APPLIED_EXAMPLE = """
            {"ticketNumber": "12345-20261128-000042", "status": "REPLIED"}""";

    private final InboundUpdateService service;

    public DepartmentWebhookResource(InboundUpdateService service) {
        this.service = service;
    }

    @POST
    @Path("/{departmentCode}")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A department system reports on its ticket (部门系统回传办理情况)", description = """
            Sign for, progress, reply to or return a ticket the department holds, as its own system does it.
            No bearer token and no role: the department's key signs timestamp and body (X-Linkage-Signature,
            X-Linkage-Timestamp; docs/webhook-signing.md), checked before the body is read. The update is applied
            in the router as the department's agent would, and every update, applied or refused, is logged. On-site
            photos, recordings and documents come with any action in attachments (base64; at most 5 files, 10 MiB each,
            15 MiB together), are checked as a console upload is and stored with the update or not at all.""")
    @SecurityRequirement(name = SIGNATURE)
    @APIResponse(responseCode = "200", description = "Applied: the ticket's new status", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InboundUpdateService.Applied.class),
            examples = @ExampleObject(name = "replied", value = APPLIED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or a missing or invalid field (errors[].field names it)")
    @APIResponse(responseCode = "401", description = "Signature missing, malformed or wrong, timestamp outside the window, or no key of the department's own")
    @APIResponse(responseCode = "404", description = "No such ticket, or not one assigned to this department")
    @APIResponse(responseCode = "409", description = "The ticket's status does not allow this action (member currentStatus)")
    @APIResponse(responseCode = "413", description = "A file or the files together too large (attachments[i].content, attachments)")
    @APIResponse(responseCode = "415", description = "A file's declared type or content is not a kind the hotline keeps "
            + "(attachments[i].contentType, attachments[i].content)")
    @APIResponse(responseCode = "422", description = "Too many files, an unreadable one, or a reply the catalogue wants "
            + "evidence for with none sent now or before (attachments)")
    @APIResponse(responseCode = "429", description = "Too many refused updates from this address this minute; see Retry-After")
    @APIResponse(responseCode = "503", description = "The router could not be reached; retry with a fresh timestamp")
    public InboundUpdateService.Applied receive(
            @Parameter(description = "部门代码 / the department's code", example = "CD-HRSS")
            @PathParam("departmentCode") @Pattern(regexp = "[A-Za-z0-9-]{2,40}") String departmentCode,
            @Parameter(description = "v1=<hex>: HMAC-SHA256(key, timestamp + \".\" + body)",
                    example = "v1=e96d45a9d4eb597f993ab810913a561b5ef5041cd6c17b8dc4a346870b14bce8")
            @HeaderParam(WebhookSignature.SIGNATURE_HEADER) String signature,
            @Parameter(description = "Unix 秒 / Unix seconds", example = "1764468900")
            @HeaderParam(WebhookSignature.TIMESTAMP_HEADER) String timestamp,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DepartmentUpdate.class),
                    examples = @ExampleObject(name = "reply", value = UPDATE_EXAMPLE)))
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
