package org.linkage.router.rest;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.problem.RequestParams;
import org.linkage.commons.security.Roles;
import org.linkage.router.service.CallerTickets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** For intake-service only (role service:intake): a caller's tickets, for the call-taker's caller history. */
@Path("/api/caller-history")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.INTAKE_SERVICE)
@Tag(name = "Caller history", description = "来电人12345工单（仅限110接警服务）/ a caller's tickets, for intake only")
public class CallerHistoryResource {
    /** Further back than a year is not "a pattern", and would make one look-up read more than it should. */
    private static final Duration MAX_WINDOW = Duration.ofDays(366);

    private final CallerTickets tickets;
    private final Clock clock;

    public CallerHistoryResource(CallerTickets tickets, Clock clock) {
        this.tickets = tickets;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "A caller's tickets by caller hash (来电人工单)", description = """
            Tickets whose caller hash (HMAC-SHA256 of the number under the key intake and the router share) is
            `callerHash`, created in [from, to] (to defaults to now, from to 90 days before; at most 366 days), newest
            first, at most `limit` (1-100, default 50). Nothing personal and no text. Only intake's service account
            holds the role; every other token is refused (403).""")
    @APIResponse(responseCode = "200", description = "The caller's tickets", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CallerTickets.Answer.class),
            examples = @ExampleObject(name = "wages", value = """
            {"tickets": [{"ticketNumber": "12345-20261115-000233", "callId": "7c1e9a42-3d5b-4f08-a6e2-9b0d4c8f1e53",
              "callNumber": "110-20261115-000587", "status": "CALLED_BACK", "categoryCode": "WAGES",
              "districtCode": "510107",
              "createdAt": "2026-11-15T03:20:00Z", "closedAt": "2026-11-21T08:00:00Z", "satisfied": false,
              "reopenedCount": 1, "handedToPolice": false}]}""")))
    @APIResponse(responseCode = "400", description = "callerHash is not 64 lower-case hex digits, a time that does not "
            + "parse, a window longer than 366 days, or limit outside 1–100")
    public CallerTickets.Answer tickets(@QueryParam("callerHash") String callerHash, @QueryParam("from") String from,
                                        @QueryParam("to") String to, @QueryParam("limit") String limit) {
        if (callerHash == null || !callerHash.matches("[0-9a-f]{64}")) {
            throw ProblemException.badRequest("callerHash", "须为64位十六进制 / must be 64 lower-case hex digits");
        }
        Instant until = to == null ? clock.instant() : RequestParams.instant("to", to);
        Instant since = from == null ? until.minus(Duration.ofDays(90)) : RequestParams.instant("from", from);
        if (since.isAfter(until) || Duration.between(since, until).compareTo(MAX_WINDOW) > 0) {
            throw ProblemException.badRequest("from", "须早于to且相差不超过366天 / must be before to, at most 366 days");
        }
        return tickets.of(callerHash, since, until, RequestParams.integer("limit", limit, 50, 1, 100));
    }
}
