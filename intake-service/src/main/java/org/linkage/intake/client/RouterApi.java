package org.linkage.intake.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The router's caller history (role service:intake), called with intake's own client-credentials token. */
@RegisterRestClient(configKey = "router")
@OidcClientFilter
@Path("/api/caller-history")
@Produces(MediaType.APPLICATION_JSON)
public interface RouterApi {

    /** A ticket as the router lets intake see it: nothing personal, no text. */
    record CallerTicket(String ticketNumber, UUID callId, String callNumber, String status, String categoryCode,
                        String districtCode, Instant createdAt, Instant closedAt, Boolean satisfied, int reopenedCount,
                        boolean handedToPolice) {
    }

    record CallerTickets(List<CallerTicket> tickets) {
    }

    /** {@code from} and {@code to} as ISO-8601 instants. */
    @GET
    CallerTickets tickets(@QueryParam("callerHash") String callerHash, @QueryParam("from") String from,
                          @QueryParam("to") String to, @QueryParam("limit") int limit);
}
