package org.linkage.commons.inbox;

import jakarta.annotation.security.RolesAllowed;
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
    static final String LETTER = """
            {"id": 17, "consumer": "router-referrals", "topic": "linkage.referrals", "partition": 0, "offset": 4821,
             "key": "0b9c7e52-4f1a-4d3e-9a0c-2f6e8d1b7a35", "eventId": "0f4c2a7e-5b1d-4d0e-9a63-2f1c8e7b9d40",
             "eventType": "org.linkage.referral.created.v1",
             "reason": "districtCode: 未知区县代码 / unknown district code 510199", "attempts": 5,
             "deadLetteredAt": "2026-11-30T02:15:00Z", "replayedAt": null, "replayedBy": null}""";
    static final String REPLAYED = """
            {"id": 17, "consumer": "router-referrals", "topic": "linkage.referrals", "partition": 0, "offset": 4821,
             "key": "0b9c7e52-4f1a-4d3e-9a0c-2f6e8d1b7a35", "eventId": "0f4c2a7e-5b1d-4d0e-9a63-2f1c8e7b9d40",
             "eventType": "org.linkage.referral.created.v1",
             "reason": "districtCode: 未知区县代码 / unknown district code 510199", "attempts": 5,
             "deadLetteredAt": "2026-11-30T02:15:00Z", "replayedAt": "2026-11-30T03:40:12Z",
             "replayedBy": "admin-wang"}""";
    private final DeadLetters deadLetters;

    public DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GET
    @Operation(summary = "The dead letters (死信列表)", description = """
            Events a consumer of this service gave up on, oldest first; those replayed already only with
            includeReplayed=true. Role: admin.""")
    @APIResponse(responseCode = "200", description = "The dead letters", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = DeadLetters.DeadLetter.class),
            examples = @ExampleObject(name = "referral", value = "[" + LETTER + "]")))
    @APIResponse(responseCode = "400", description = "consumer too long, includeReplayed not true/false, or limit "
            + "outside 1–1000")
    public List<DeadLetters.DeadLetter> list(
            @Parameter(description = "只看此消费者 / only this consumer's", example = "router-referrals")
            @QueryParam("consumer") String consumer,
            @Parameter(description = "true: 含已重放 / also those replayed", example = "false")
            @QueryParam("includeReplayed") String includeReplayed,
            @Parameter(description = "1-1000", example = "100") @QueryParam("limit") String limit) {
        return deadLetters.list(RequestParams.text("consumer", consumer, 100),
                RequestParams.bool("includeReplayed", includeReplayed),
                RequestParams.integer("limit", limit, 100, 1, 1000));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One dead letter (死信详情)", description = "What was received and why it failed. Role: admin.")
    @APIResponse(responseCode = "200", description = "The dead letter", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeadLetters.DeadLetter.class),
            examples = @ExampleObject(name = "referral", value = LETTER)))
    @APIResponse(responseCode = "400", description = "id is not an integer")
    @APIResponse(responseCode = "404", description = "No such dead letter")
    public DeadLetters.DeadLetter get(@Parameter(example = "17") @PathParam("id") String id) {
        return deadLetters.get(id(id));
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Replay a dead letter (重放死信)", description = """
            Hands the event to its consumer again, once; the replay is audited (who, when). Role: admin.""")
    @APIResponse(responseCode = "200", description = "Replayed: the dead letter, marked replayed", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeadLetters.DeadLetter.class),
            examples = @ExampleObject(name = "replayed", value = REPLAYED)))
    @APIResponse(responseCode = "400", description = "id is not an integer")
    @APIResponse(responseCode = "404", description = "No such dead letter")
    @APIResponse(responseCode = "409", description = "Replayed already (member replayedAt), or its consumer does not "
            + "run in this service")
    @APIResponse(responseCode = "422", description = "The event still cannot be processed")
    @APIResponse(responseCode = "503", description = "The database is not answering; replay again later")
    public DeadLetters.DeadLetter replay(@Parameter(example = "17") @PathParam("id") String id) {
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
