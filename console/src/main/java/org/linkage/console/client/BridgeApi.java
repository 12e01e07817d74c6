package org.linkage.console.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import org.linkage.console.view.Delivery;

/** hotline-bridge, as the signed-in dispatcher or supervisor: deliveries to department systems and their replay. */
@RegisterRestClient(configKey = "bridge")
@RegisterProvider(UserToken.class)
@RegisterProvider(ProblemMapper.class)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface BridgeApi {
    @GET
    @Path("/api/deliveries")
    java.util.List<Delivery> deliveries(@QueryParam("status") String status, @QueryParam("limit") int limit);

    @POST
    @Path("/api/deliveries/{id}/replay")
    Delivery replay(@PathParam("id") String id, @QueryParam("reason") String reason);
}
