package org.linkage.commons.inbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.problem.RequestParams;
import org.linkage.commons.security.Roles;

import java.util.List;

/**
 * The operator's view of this service's dead letters: list them (not yet replayed, unless
 * {@code includeReplayed=true}), look at one, and replay one through its consumer. Replays are audited
 * (entity {@code dead-letter}); failures answer problem+json (404 unknown, 409 already replayed, 422 still
 * failing, 503 database down).
 */
@Path("/api/admin/dead-letters")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {
    private final DeadLetters deadLetters;

    public DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GET
    public List<DeadLetters.DeadLetter> list(@QueryParam("consumer") String consumer,
                                             @QueryParam("includeReplayed") String includeReplayed,
                                             @QueryParam("limit") String limit) {
        return deadLetters.list(RequestParams.text("consumer", consumer, 100),
                RequestParams.bool("includeReplayed", includeReplayed),
                RequestParams.integer("limit", limit, 100, 1, 1000));
    }

    @GET
    @Path("/{id}")
    public DeadLetters.DeadLetter get(@PathParam("id") String id) {
        return deadLetters.get(id(id));
    }

    @POST
    @Path("/{id}/replay")
    public DeadLetters.DeadLetter replay(@PathParam("id") String id) {
        return deadLetters.replay(id(id));
    }

    private static long id(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("id", "须为整数 / must be an integer");
        }
    }
}
