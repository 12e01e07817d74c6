package org.linkage.router.rest;

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
    public List<ReceiptQueries.ReceiptView> list(@PathParam("ref") String ref) {
        return queries.of(ref, currentActor.get("router"));
    }
}
