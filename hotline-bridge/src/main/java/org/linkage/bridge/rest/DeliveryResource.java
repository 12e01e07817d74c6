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
    private final DeliveryRepository deliveries;
    private final DeliveryService service;

    public DeliveryResource(DeliveryRepository deliveries, DeliveryService service) {
        this.deliveries = deliveries;
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.DISPATCHER, Roles.SUPERVISOR})
    public List<DeliveryView> list(@QueryParam("status") String status,
                                   @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        List<Delivery> found = status == null || status.isBlank()
                ? deliveries.recent(limit)
                : deliveries.byStatus(parseStatus(status), limit);
        return found.stream().map(d -> DeliveryView.of(d, null)).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DISPATCHER, Roles.SUPERVISOR})
    public DeliveryView get(@PathParam("id") String id) {
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
    public DeliveryView replay(@PathParam("id") String id, @QueryParam("reason") @Size(max = 500) String reason) {
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
