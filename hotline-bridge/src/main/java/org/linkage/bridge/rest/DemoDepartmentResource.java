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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.linkage.bridge.domain.WebhookSignature;
import org.linkage.bridge.service.DemoDepartment;
import org.linkage.bridge.service.DepartmentTicket;


/**
 * The demo department endpoint (local stack only; {@code linkage.bridge.demo-receiver.enabled}).
 * Authenticated the way real department endpoints authenticate the bridge: by the webhook signature.
 */
@Path("/api/demo/departments")
public class DemoDepartmentResource {
    static final String TICKET_EXAMPLE = """
            {"schema": "linkage.ticket.v1", "ticketId": "5b8e2c41-0a7f-4d93-b6e1-2f4c8a9d3e15",
             "ticketNumber": "12345-20261128-000042", "version": 1, "categoryCode": "WAGES", "urgency": "NORMAL",
             "content": "在武侯区红牌楼街道某工地务工三个月，包工头拖欠工资两万余元，多次讨要未果",
             "address": "武侯区红牌楼街道佳灵路", "districtCode": "510107", "latitude": 30.6286, "longitude": 104.0312,
             "callerName": "张先生", "callerPhone": "138****5678",
             "department": {"code": "CD-HRSS", "nameZh": "成都市人力资源和社会保障局",
                            "nameEn": "Chengdu Human Resources and Social Security Bureau"},
             "supportingDepartments": [{"code": "510107-GOV", "nameZh": "武侯区人民政府",
                                        "nameEn": "Wuhou District People's Government"}],
             "signBy": "2026-11-30T01:30:00Z", "resolveBy": "2026-12-05T09:30:00Z",
             "dispatchedAt": "2026-11-28T01:30:00Z", "confidential": false, "contactNotice": null,
             "attributes": {"employer": "某建筑劳务公司", "amount": "20000"}}""";
    private final DemoDepartment department;

    public DemoDepartmentResource(DemoDepartment department) {
        this.department = department;
    }

    @POST
    @Path("/{departmentCode}/tickets")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The demo department takes a ticket (演示部门接收工单)", description = """
            Stands in for a department system on the local stack, so a delivery can be followed end to end. No
            bearer token and no role: the bridge's v2 signature, which covers this URL and the department's code,
            is checked as a real department would; the same Idempotency-Key always gets the same reference.""")
    @SecurityRequirement(name = DepartmentWebhookResource.SIGNATURE)
    @APIResponse(responseCode = "200", description = "Taken: the demo department's reference", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Received.class),
            examples = @ExampleObject(name = "taken", value = "{\"externalRef\": \"DEMO-CD-HRSS-1\"}")))
    @APIResponse(responseCode = "400", description = "No Idempotency-Key")
    @APIResponse(responseCode = "401", description = "Signature missing or wrong, or no key for this department")
    @APIResponse(responseCode = "404", description = "The demo receiver is disabled")
    public Received receive(@Parameter(description = "部门代码 / the department's code", example = "CD-HRSS")
                                       @PathParam("departmentCode") String departmentCode,
                                       @Parameter(description = "工单编号:版本 / ticket id and version",
                                               example = "5b8e2c41-0a7f-4d93-b6e1-2f4c8a9d3e15:1")
                                       @HeaderParam("Idempotency-Key") String idempotencyKey,
                                       @HeaderParam(WebhookSignature.SIGNATURE_HEADER) String signature,
                                       @HeaderParam(WebhookSignature.TIMESTAMP_HEADER) String timestamp,
                                       @Context UriInfo uri,
                                       @RequestBody(required = true,
                                               content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                               schema = @Schema(implementation = DepartmentTicket.class),
                                               examples = @ExampleObject(name = "wages", value = TICKET_EXAMPLE)))
                                       String body) {
        // A real department verifies against the URL it registered; the demo one has only the address it was called at.
        return new Received(department.receive(departmentCode, uri.getRequestUri().toString(), idempotencyKey,
                signature, timestamp, body));
    }

    /** @param externalRef the department system's own reference of the ticket it took */
    public record Received(String externalRef) {
    }
}
