package org.linkage.intake.rest;

import org.linkage.commons.problem.RequestParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkage.commons.audit.AuditRecord;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.commons.security.Roles;
import org.linkage.intake.repository.PoliceTransferEntity;
import org.linkage.intake.service.AuditActions;
import org.linkage.intake.config.IntakeConfig;
import org.linkage.intake.service.PoliceTransferChange;
import org.linkage.intake.service.PoliceTransferFeed;
import org.linkage.intake.service.PoliceTransfers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

@Path("/api/police-transfers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Police transfers", description = "12345移交110的警情 / Police matters handed back by 12345")
public class PoliceTransferResource {
    static final String QUEUED_EVENT = "police-transfer";
    static final String ACCEPTED_EVENT = "police-transfer-accepted";
    static final String QUEUE_EXAMPLE = """
            {"items": [{"id": "9a4d2e61-7b3c-4f80-a5e2-1c6b8d0f3a27",
             "ticketId": "5b8e2c41-0a7f-4d93-b6e1-2f4c8a9d3e15",
              "ticketNumber": "12345-20261128-000058", "callId": null, "origin": "DISPATCHER",
              "reason": "来电称对方持刀威胁", "content": "邻居因停车位争吵，对方拿出菜刀威胁要砍人",
              "address": "成华区建设路街道某小区", "districtCode": "510108", "callerPhone": "138****5678",
              "callerName": "刘*", "transferredBy": "dispatcher1", "transferredAt": "2026-11-28T11:20:00Z",
              "receivedAt": "2026-11-28T11:20:02Z", "state": "WAITING", "acceptedBy": null, "acceptedAt": null,
              "incidentNumber": null, "note": null}],
             "page": 0, "size": 20, "total": 1}""";
    static final String ACCEPTED_EXAMPLE = """
            {"id": "9a4d2e61-7b3c-4f80-a5e2-1c6b8d0f3a27", "ticketId": "5b8e2c41-0a7f-4d93-b6e1-2f4c8a9d3e15",
              "ticketNumber": "12345-20261128-000058", "callId": null, "origin": "DISPATCHER",
              "reason": "来电称对方持刀威胁", "content": "邻居因停车位争吵，对方拿出菜刀威胁要砍人",
              "address": "成华区建设路街道某小区", "districtCode": "510108", "callerPhone": "13812345678",
              "callerName": "刘先生", "transferredBy": "dispatcher1", "transferredAt": "2026-11-28T11:20:00Z",
              "receivedAt": "2026-11-28T11:20:02Z", "state": "ACCEPTED", "acceptedBy": "calltaker2",
              "acceptedAt": "2026-11-28T11:21:15Z",
              "incidentNumber": "JQ20261128000045", "note": "已派成华区建设路派出所出警"}""";
    static final String AUDIT_EXAMPLE = """
            [{"entityType": "police-transfer", "entityId": "9a4d2e61-7b3c-4f80-a5e2-1c6b8d0f3a27", "action": "RECEIVED",
              "actor": "system:intake-police-transfers", "actorRoles": null, "reason": "来电称对方持刀威胁",
              "details": "{\\"ticketNumber\\":\\"12345-20261128-000058\\",\\"origin\\":\\"DISPATCHER\\",\
            \\"by\\":\\"dispatcher1\\"}",
              "at": "2026-11-28T11:20:02Z"},
             {"entityType": "police-transfer", "entityId": "9a4d2e61-7b3c-4f80-a5e2-1c6b8d0f3a27", "action": "ACCEPTED",
              "actor": "calltaker2", "actorRoles": "call-taker", "reason": "已派成华区建设路派出所出警",
              "details": "{\\"incidentNumber\\":\\"JQ20261128000045\\",\\"contactShown\\":true}",
              "at": "2026-11-28T11:21:15Z"}]""";

    private final PoliceTransfers transfers;
    private final PoliceTransferFeed feed;
    private final CallViews views;
    private final AuditTrail audit;
    private final Duration heartbeat;
    private final SecurityIdentity identity;
    private final Clock clock;

    public PoliceTransferResource(PoliceTransfers transfers, PoliceTransferFeed feed, CallViews views, AuditTrail audit,
                                  IntakeConfig config, SecurityIdentity identity, Clock clock) {
        this.transfers = transfers;
        this.feed = feed;
        this.views = views;
        this.audit = audit;
        this.heartbeat = config.streamHeartbeat();
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.CALL_TAKER, Roles.SUPERVISOR})
    @Operation(summary = "The hand-back queue (移交警情队列)", description = """
            Paged like the call list. WAITING (default) is the queue, oldest first; ACCEPTED shows those taken
            on, most recently accepted first. Phones and names masked. GET /api/police-transfers/stream pushes
            changes as they happen. 角色 / roles: call-taker, supervisor.""")
    @APIResponse(responseCode = "200", description = "One page of the queue", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageView.class),
            examples = @ExampleObject(name = "waiting", value = QUEUE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A state, page or size that does not parse (problem+json naming "
            + "the parameter)")
    public PageView<PoliceTransferView> queue(
            @Parameter(description = "WAITING or ACCEPTED", example = "WAITING") @QueryParam("state") String state,
            @Parameter(example = "0") @QueryParam("page") String page,
            @Parameter(description = "1-100", example = "20") @QueryParam("size") String size) {
        PoliceTransferEntity.State s = RequestParams.enumeration("state", state, PoliceTransferEntity.State.class);
        return PageView.of(transfers.queue(s == null ? PoliceTransferEntity.State.WAITING : s, Params.page(page),
                Params.size(size)), t -> views.transfer(t, false));
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.CALL_TAKER, Roles.SUPERVISOR})
    @ResponseHeader(name = "Cache-Control", value = "no-cache")
    @ResponseHeader(name = "X-Accel-Buffering", value = "no")
    @Operation(summary = "Live changes of the hand-back queue (移交警情实时推送)", description = """
            Server-sent events: `police-transfer` when a hand-back arrives and `police-transfer-accepted` when
            a call-taker takes one on (drop it from the queue); data is the masked PoliceTransfer, sent only
            after the change is committed. A comment line opens the stream and repeats every 15 s. Nothing
            is replayed: on (re)connect, read GET /api/police-transfers again. Changes made on any replica
            reach every stream. The stream ends when the token that opened it expires (reconnect with a fresh
            one) or when this replica briefly loses its database listener (reconnect; 503 until it is back);
            a console too slow to keep up is disconnected.""")
    @APIResponse(responseCode = "200", description = "text/event-stream")
    @APIResponse(responseCode = "503", description = "Live changes are reconnecting; retry in a few seconds")
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        Multi<OutboundSseEvent> changes = feed.subscribe().map(change -> sse.newEventBuilder()
                .name(change.kind() == PoliceTransferChange.Kind.QUEUED ? QUEUED_EVENT : ACCEPTED_EVENT)
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(PoliceTransferView.class, views.transfer(change.transfer(), false))
                .build());
        // The opening comment tells the client (and any proxy) at once that the stream is live; changes is
        // subscribed first, so nothing committed after the client sees it can be missed.
        Multi<OutboundSseEvent> opened = Multi.createFrom().item(() -> sse.newEventBuilder().comment("connected").build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(heartbeat)
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        // The heartbeats never end by themselves: when the feed ends (this replica stopped hearing changes),
        // the stream must end too, at once, so the console reconnects and re-reads the list.
        Multi<OutboundSseEvent> untilFeedEnds = Multi.createBy().merging()
                .streams(changes.onCompletion().failWith(FeedEnded::new), opened, heartbeats)
                .onFailure(FeedEnded.class).recoverWithCompletion();
        return untilTokenExpires(untilFeedEnds);
    }

    /** Carries the feed's end past the merge, which would otherwise wait for the heartbeats to end. */
    private static final class FeedEnded extends RuntimeException {
        FeedEnded() {
            super(null, null, false, false);
        }
    }

    /**
     * The token is checked once, when the stream opens. Ending the stream when it expires makes the console
     * reconnect with a fresh one, so a stream never outlives its token (nor, for longer than one token
     * lifetime, a disabled account).
     */
    private Multi<OutboundSseEvent> untilTokenExpires(Multi<OutboundSseEvent> events) {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getExpirationTime() > 0) {
            Duration left = Duration.between(clock.instant(), Instant.ofEpochSecond(token.getExpirationTime()));
            return events.select().first(Duration.ofMillis(Math.max(1, left.toMillis())));
        }
        return events;
    }

    @POST
    @Path("/{id}/acceptance")
    @RolesAllowed(Roles.CALL_TAKER)
    @Operation(summary = "Accept a hand-back (受理移交警情)", description = """
            Takes the matter on; answers with the full contact so the call-taker can call back (audited).
            409 with acceptedBy if another call-taker accepted it first. 角色 / roles: call-taker.""")
    @APIResponse(responseCode = "200", description = "Accepted, with the full contact", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PoliceTransferView.class),
            examples = @ExampleObject(name = "accepted", value = ACCEPTED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "id is not a UUID, or an incident number that does not fit")
    @APIResponse(responseCode = "404", description = "No such hand-back")
    @APIResponse(responseCode = "409", description = "Already accepted")
    public PoliceTransferView accept(@PathParam("id") String id, @Valid AcceptTransferRequest request) {
        AcceptTransferRequest r = request == null ? new AcceptTransferRequest(null, null) : request;
        return views.transfer(transfers.accept(RequestParams.uuid("id", id), r.incidentNumber(), r.note()), true);
    }

    @GET
    @Path("/{id}/audit")
    @RolesAllowed({Roles.CALL_TAKER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Audit trail of a hand-back (审计记录)", description = """
            Received, accepted and each full-contact read, oldest first. 角色 / roles: call-taker, supervisor, admin.""")
    @APIResponse(responseCode = "200", description = "The audit trail", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = AuditRecord.class),
            examples = @ExampleObject(name = "accepted", value = AUDIT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "id is not a UUID")
    @APIResponse(responseCode = "404", description = "No such hand-back")
    public List<AuditRecord> audit(@PathParam("id") String id) {
        PoliceTransferEntity t = transfers.get(RequestParams.uuid("id", id));
        return audit.of(AuditActions.POLICE_TRANSFER, t.id);
    }
}
