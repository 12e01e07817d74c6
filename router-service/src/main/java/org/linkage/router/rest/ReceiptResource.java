package org.linkage.router.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.linkage.commons.security.CurrentActor;
import org.linkage.commons.security.Roles;
import org.linkage.router.service.ReceiptQueries;

import java.util.List;

/** The receipts a ticket's caller was (or is to be) sent: for dispatchers answering "did I get a text?". */
@Path("/api/tickets/{ref}/receipts")
public class ReceiptResource {
    private final ReceiptQueries queries;
    private final CurrentActor currentActor;

    public ReceiptResource(ReceiptQueries queries, CurrentActor currentActor) {
        this.queries = queries;
        this.currentActor = currentActor;
    }

    @GET
    @RolesAllowed({Roles.DISPATCHER, Roles.SUPERVISOR})
    @Operation(summary = "Text-message receipts of a ticket (短信回执)", description = """
            What the caller was sent, or is to be sent, and how each attempt went; the phone masked. Roles: dispatcher,
            supervisor.""")
    @APIResponse(responseCode = "200", description = "The receipts", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ReceiptQueries.ReceiptView.class),
            examples = @ExampleObject(name = "created", value = """
            [{"id": "2d9f6a13-8c4e-4b71-a0e5-7f3b1c9d8e26", "kind": "CREATED", "round": 0, "phone": "138****5678",
              "language": "zh",
              "message": "【12345热线】您反映的事项已受理，工单号12345-20261128-000042，查询码K7M2Q9XR。\
            凭工单号和查询码可在https://12345.chengdu.example/case查询办理进度。",
              "status": "SENT", "attempts": 1, "lastError": null, "createdAt": "2026-11-28T01:30:00Z",
              "sentAt": "2026-11-28T01:30:04Z"}]""")))
    @APIResponse(responseCode = "404", description = "No such ticket")
    public List<ReceiptQueries.ReceiptView> list(@PathParam("ref") String ref) {
        return queries.of(ref, currentActor.get("router"));
    }
}
