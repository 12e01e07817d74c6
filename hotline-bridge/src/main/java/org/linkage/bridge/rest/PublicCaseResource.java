package org.linkage.bridge.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.linkage.bridge.service.LookupLimiter;
import org.linkage.bridge.service.PublicCaseService;
import org.linkage.commons.problem.Problem;

import java.util.List;
import java.util.Map;

/**
 * The caller follows their own case (issue 12). The one endpoint of Linkage that takes no token, on purpose: a
 * caller has no account. What protects it instead: the retrieval code (8 of 31 symbols, ≈39.6 bits; see
 * {@code CaseCodes}), the per-ticket and per-address limits, the same 404 for a wrong code and an unknown number,
 * an answer that holds nothing personal, and an audit entry for every attempt. The code travels in the body, not
 * the URL, so it stays out of access logs and browser history.
 */
@Path("/api/public/cases")
public class PublicCaseResource {
    private final PublicCaseService service;

    static final String CASE_EXAMPLE = """
            {"ticketNumber":"12345-20261201-000042","status":"IN_PROGRESS",
             "statusLabel":{"zh":"办理中","en":"In progress"},"closed":false,
             "department":{"nameZh":"成都市人力资源和社会保障局","nameEn":"Chengdu Human Resources and Social Security Bureau"},
             "submittedAt":"2026-12-01T01:12:00Z","deadline":"2026-12-06T01:12:00Z","updatedAt":"2026-12-01T03:40:00Z",
             "answer":null,"updates":[{"at":"2026-12-01T03:40:00Z","status":"IN_PROGRESS",
             "statusLabel":{"zh":"办理中","en":"In progress"},"note":"已联系用工单位核实欠薪情况"}]}""";

    public PublicCaseResource(PublicCaseService service) {
        this.service = service;
    }

    @Schema(description = "工单号与查询码 / ticket number and retrieval code",
            example = "{\"ticketNumber\":\"12345-20261201-000042\",\"retrievalCode\":\"K7M2Q9XA\"}")
    public record LookupRequest(
            @Schema(description = "工单号 / ticket number", example = "12345-20261201-000042")
            @NotBlank @Pattern(regexp = "12345-\\d{8}-\\d{6,10}", message = "不是有效的工单号 / not a ticket number")
            String ticketNumber,
            @Schema(description = "查询码（来电时告知） / retrieval code given on the call", example = "K7M2Q9XA")
            @NotBlank @Pattern(regexp = "\\s*[A-Za-z0-9]{4,16}\\s*", message = "不是有效的查询码 / not a retrieval code")
            String retrievalCode) {
    }

    @POST
    @Path("/lookup")
    @PermitAll
    @SecurityRequirement(name = "none")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "来电人查询工单进度（无需登录） / a caller looks up their case (no login)",
            description = "Status, responsible unit, deadline, public updates and the answer. No personal data and no "
                    + "internal note. A wrong code answers exactly like an unknown ticket number (404); attempts are "
                    + "limited per client address and per ticket number (429 with Retry-After); every attempt is audited.")
    @APIResponse(responseCode = "200", description = "The case", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicCaseService.CaseView.class),
            examples = @ExampleObject(name = "handling", value = CASE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Malformed ticket number or code (problem+json naming the field)")
    @APIResponse(responseCode = "404", description = "No case with this number and code")
    @APIResponse(responseCode = "429", description = "Too many attempts; Retry-After says when to try again")
    public Response lookup(@NotNull @Valid LookupRequest request, @Context HttpServerRequest http) {
        // remoteAddress() is the peer; it is the forwarded client only when quarkus.http.proxy trusts the peer
        PublicCaseService.CaseView view = service.lookup(request.ticketNumber(), request.retrievalCode(),
                http.remoteAddress().hostAddress());
        return Response.ok(view).cacheControl(noStore()).build();
    }

    @ServerExceptionMapper
    public Response tooMany(LookupLimiter.TooManyLookups e, UriInfo uri) {
        Problem problem = new Problem(null, "Too many requests", 429, e.getMessage(), uri.getPath(), List.of(),
                Map.of("retryAfter", e.retryAfterSeconds()));
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", e.retryAfterSeconds())
                .entity(problem).build();
    }

    private static CacheControl noStore() {
        CacheControl c = new CacheControl();
        c.setNoStore(true);
        return c;
    }
}
