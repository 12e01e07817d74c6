package org.linkage.bridge.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.linkage.bridge.domain.DeliveryStatus;
import org.linkage.bridge.repository.Delivery;
import org.linkage.bridge.repository.DeliveryRepository;
import org.linkage.bridge.service.DeliveryService;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.security.Roles;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Deliveries to department systems: what was sent, how each attempt went, and replay of dead letters. */
@Path("/api/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {
    static final String DELIVERY = """
            {"id": "7d3f6b2a-91c4-4e0b-8f25-3a6e1c9d4b70", "ticketId": "5b8e2c41-0a7f-4d93-b6e1-2f4c8a9d3e15",
             "ticketNumber": "12345-20261128-000042", "ticketVersion": 1, "departmentCode": "CD-HRSS",
             "adapter": "WEBHOOK", "endpointUrl": "https://hrss.chengdu.example/linkage/tickets",
             "status": "DEAD_LETTERED", "attemptCount": 8, "lastResponseCode": 503, "lastLatencyMs": 30012,
             "lastError": "HTTP 503: 人社局系统维护中 / under maintenance", "externalRef": null,
             "idempotencyKey": "5b8e2c41-0a7f-4d93-b6e1-2f4c8a9d3e15:1", "nextAttemptAt": null,
             "createdAt": "2026-11-28T01:30:05Z", "updatedAt": "2026-11-28T09:42:17Z", "deliveredAt": null,
             "kind": "TICKET", "attachmentId": null""";
    static final String ATTEMPTS = """
            , "attempts": [
              {"attemptNo": 7, "startedAt": "2026-11-28T07:41:40Z", "latencyMs": 30004, "responseCode": null,
               "outcome": "FAILED", "error": "读取超时 / read timed out", "externalRef": null},
              {"attemptNo": 8, "startedAt": "2026-11-28T09:41:47Z", "latencyMs": 30012, "responseCode": 503,
               "outcome": "FAILED", "error": "HTTP 503: 人社局系统维护中 / under maintenance", "externalRef": null}]}""";
    static final String REPLAYED = """
            {"id": "7d3f6b2a-91c4-4e0b-8f25-3a6e1c9d4b70", "ticketId": "5b8e2c41-0a7f-4d93-b6e1-2f4c8a9d3e15",
             "ticketNumber": "12345-20261128-000042", "ticketVersion": 1, "departmentCode": "CD-HRSS",
             "adapter": "WEBHOOK", "endpointUrl": "https://hrss.chengdu.example/linkage/tickets",
             "status": "PENDING", "attemptCount": 0, "lastResponseCode": 503, "lastLatencyMs": 30012,
             "lastError": "HTTP 503: 人社局系统维护中 / under maintenance", "externalRef": null,
             "idempotencyKey": "5b8e2c41-0a7f-4d93-b6e1-2f4c8a9d3e15:1", "nextAttemptAt": "2026-11-28T10:05:00Z",
             "createdAt": "2026-11-28T01:30:05Z", "updatedAt": "2026-11-28T10:05:00Z", "deliveredAt": null,
             "kind": "TICKET", "attachmentId": null, "attempts": null}""";
    private final DeliveryRepository deliveries;
    private final DeliveryService service;

    public DeliveryResource(DeliveryRepository deliveries, DeliveryService service) {
        this.deliveries = deliveries;
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.DISPATCHER, Roles.SUPERVISOR})
    @Operation(summary = "Recent deliveries to department systems (工单推送记录)", description = """
            The latest deliveries, newest first, optionally of one status (e.g. DEAD_LETTERED, to find those to
            replay); without their attempts. Roles: dispatcher, supervisor.""")
    @APIResponse(responseCode = "200", description = "The deliveries", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = DeliveryView.class),
            examples = @ExampleObject(name = "dead-lettered", value = "[" + DELIVERY + ", \"attempts\": null}]")))
    @APIResponse(responseCode = "400", description = "Unknown status, or limit outside 1–1000")
    public List<DeliveryView> list(@Parameter(description = "只看此状态 / only this status", example = "DEAD_LETTERED")
                                   @QueryParam("status") String status,
                                   @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        List<Delivery> found = status == null || status.isBlank()
                ? deliveries.recent(limit)
                : deliveries.byStatus(parseStatus(status), limit);
        return found.stream().map(d -> DeliveryView.of(d, null)).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DISPATCHER, Roles.SUPERVISOR})
    @Operation(summary = "One delivery with its attempts (推送详情)", description = """
            The delivery and every attempt made, with each answer's code, latency and error. Roles: dispatcher,
            supervisor.""")
    @APIResponse(responseCode = "200", description = "The delivery and its attempts", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class),
            examples = @ExampleObject(name = "dead-lettered", value = DELIVERY + ATTEMPTS)))
    @APIResponse(responseCode = "400", description = "id is not a UUID")
    @APIResponse(responseCode = "404", description = "No such delivery")
    public DeliveryView get(@Parameter(example = "7d3f6b2a-91c4-4e0b-8f25-3a6e1c9d4b70") @PathParam("id") String id) {
        UUID deliveryId = parseId(id);
        Delivery d = deliveries.findById(deliveryId);
        if (d == null) {
            throw ProblemException.notFound("No delivery " + id);
        }
        return DeliveryView.of(d, deliveries.attemptsOf(deliveryId));
    }

    /** Starts a fresh round of attempts for a dead letter, with the same Idempotency-Key as before. */
    @POST
    @Path("/{id}/replay")
    @RolesAllowed(Roles.DISPATCHER)
    @Operation(summary = "Replay a dead-lettered delivery (重新推送)", description = """
            Starts a fresh round of attempts for a dead letter, with the same Idempotency-Key, so a department
            system that did receive it acts once. Audited with the reason. Role: dispatcher.""")
    @APIResponse(responseCode = "200", description = "Pending again: the delivery", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class),
            examples = @ExampleObject(name = "replayed", value = REPLAYED)))
    @APIResponse(responseCode = "400", description = "id is not a UUID, or reason longer than 500 characters")
    @APIResponse(responseCode = "404", description = "No such delivery")
    @APIResponse(responseCode = "409", description = "Not dead-lettered (member currentStatus), or the department's "
            + "endpoint is refused now (member departmentCode)")
    public DeliveryView replay(@Parameter(example = "7d3f6b2a-91c4-4e0b-8f25-3a6e1c9d4b70") @PathParam("id") String id,
                               @Parameter(description = "重放原因 / why", example = "人社局系统已恢复")
                               @QueryParam("reason") @Size(max = 500) String reason) {
        return DeliveryView.of(service.replay(parseId(id), reason), null);
    }

    private static DeliveryStatus parseStatus(String status) {
        try {
            return DeliveryStatus.valueOf(status.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status", "must be one of " + Arrays.toString(DeliveryStatus.values()));
        }
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("id", "must be a UUID");
        }
    }
}
