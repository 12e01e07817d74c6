package org.linkage.router.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import org.linkage.commons.problem.RequestParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.security.Actor;
import org.linkage.commons.security.CurrentActor;
import org.linkage.commons.security.Roles;
import org.linkage.router.domain.SupervisionStep;
import org.linkage.router.repository.ClockRequest;
import org.linkage.router.repository.ExtensionRequest;
import org.linkage.router.repository.Ticket;
import org.linkage.router.service.TicketClocks;
import org.linkage.router.service.TicketQueries;
import org.linkage.router.service.TicketService;

import java.util.List;
import java.util.UUID;

/**
 * Tickets for department agents (their own unit's only), dispatchers and supervisors. {@code ref}
 * is a ticket number or id.
 */
@Path("/api/tickets")
public class TicketResource {
    static final String EXTENSIONS = """
            [{"id": "a7e3c1d9-2b6f-4e80-9d15-8c4b2f6e1a37", "status": "APPROVED", "departmentCode": "CD-HRSS",
              "requestedBy": "hrss-agent1", "requestedAt": "2026-12-03T02:00:00Z",
              "reason": "需协调住建部门共同核查项目总包单位，申请延期5个工作日", "previousResolveBy": "2026-12-05T09:30:00Z",
              "requestedResolveBy": "2026-12-12T09:30:00Z", "decidedBy": "supervisor1",
              "decidedAt": "2026-12-03T06:00:00Z",
              "decisionNote": "同意延期，请于12月12日前办结"}]""";
    static final String DUPLICATES = """
            [{"ticketNumber": "12345-20261127-000318", "status": "SIGNED", "similarity": 0.912, "place": "SAME_ADDRESS",
              "createdAt": "2026-11-27T06:12:00Z"},
             {"ticketNumber": "12345-20261125-000207", "status": "REPLIED", "similarity": 0.774, "place": "NEARBY",
              "createdAt": "2026-11-25T03:40:00Z"}]""";
    static final String STATUS_PATTERN = "PENDING_DISPATCH|DISPATCHED|SIGNED|IN_PROGRESS|REPLIED|RETURN_REVIEW|CALLED_BACK|CLOSED|MERGED|TRANSFERRED_TO_POLICE|PAUSED|PARKED|TERMINATED";

    private final TicketService tickets;
    private final TicketQueries queries;
    private final CurrentActor currentActor;
    private final TicketClocks clocks;

    public TicketResource(TicketService tickets, TicketQueries queries, CurrentActor currentActor, TicketClocks clocks) {
        this.clocks = clocks;
        this.tickets = tickets;
        this.queries = queries;
        this.currentActor = currentActor;
    }

    @GET
    @RolesAllowed({Roles.DEPT_AGENT, Roles.DISPATCHER, Roles.SUPERVISOR})
    @Operation(summary = "Search tickets (工单查询)", description = """
            Newest first (or by deadline), paged, by status, category, district, unit, duplicates, extension awaiting a
            decision, or every status a unit still holds. A department's agent sees its own unit's tickets only; phones
            masked. Roles: dept-agent, dispatcher, supervisor.""")
    @APIResponse(responseCode = "200", description = "One page of tickets", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketView.Page.class)))
    @APIResponse(responseCode = "400", description = "A filter, page or size that does not parse (problem+json naming "
            + "the parameter)")
    public TicketView.Page list(@QueryParam("status") @Pattern(regexp = STATUS_PATTERN) String status,
                                @QueryParam("categoryCode") @Pattern(regexp = "[A-Z_]{2,40}") String categoryCode,
                                @QueryParam("districtCode") @Pattern(regexp = "[A-Za-z0-9-]{2,20}") String districtCode,
                                @QueryParam("departmentCode") @Pattern(regexp = "[A-Za-z0-9-]{2,40}") String departmentCode,
                                @QueryParam("duplicates") String duplicates,
                                @Parameter(description = "deadline: oldest resolve-by first; default newest first")
                                @QueryParam("sort") @Pattern(regexp = "deadline|created") String sort,
                                @Parameter(description = "true: only tickets whose extension request awaits a supervisor")
                                @QueryParam("pendingExtension") String pendingExtension,
                                @Parameter(description = "open: any status a unit still holds (DISPATCHED, SIGNED, IN_PROGRESS, and PAUSED or PARKED with the clock held)")
                                @QueryParam("state") @Pattern(regexp = "open") String state,
                                @QueryParam("page") String page, @QueryParam("size") String size) {
        return TicketView.Page.of(queries.list(new TicketQueries.Filter(status, categoryCode, districtCode, departmentCode,
                        RequestParams.bool("duplicates", duplicates), "deadline".equals(sort),
                        RequestParams.bool("pendingExtension", pendingExtension),
                        "open".equals(state) ? java.util.Arrays.stream(org.linkage.router.domain.TicketStatus.values())
                                .filter(org.linkage.router.domain.TicketStatus::heldByDepartment).map(Enum::name).toList()
                                : java.util.List.of()), actor(),
                RequestParams.integer("page", page, 0, 0, 1_000_000), RequestParams.integer("size", size, 50, 1, 500)));
    }

    @GET
    @Path("/{ref}")
    @RolesAllowed({Roles.DEPT_AGENT, Roles.DISPATCHER, Roles.SUPERVISOR})
    @Operation(summary = "One ticket (工单详情)", description = """
            The ticket with its units, deadlines, history, resolve clock and the actions the reader may take now. ref is
            the ticket number or id. Roles: dept-agent (own unit's), dispatcher, supervisor.""")
    @APIResponse(responseCode = "200", description = "The ticket", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "404", description = "No such ticket, or not one you may see")
    public TicketView get(@Parameter(example = "12345-20261128-000042") @PathParam("ref") String ref) {
        return TicketView.of(queries.detail(ref, actor()));
    }

    @POST
    @Path("/{ref}/sign")
    @RolesAllowed(Roles.DEPT_AGENT)
    @Operation(summary = "Sign for a ticket (签收)", description = """
            The unit takes the ticket on: DISPATCHED becomes SIGNED, on time if before sign-by. An optional note,
            PUBLIC when the caller may read it. 角色 / roles: dept-agent of the ticket's lead unit.""")
    @APIResponse(responseCode = "200", description = "Signed")
    @APIResponse(responseCode = "400", description = "A note too long or an unknown visibility (problem+json naming the"
            + " field)")
    @APIResponse(responseCode = "404", description = "No such ticket, or not one of your unit's")
    @APIResponse(responseCode = "409", description = "The ticket's status does not allow signing (member currentStatus)")
    public TicketRequests.Result sign(@PathParam("ref") String ref, @Valid TicketRequests.Note body) {
        return result(tickets.sign(ref, actor(), body == null ? null : body.note(), body == null ? null : body.visibility()));
    }

    @POST
    @Path("/{ref}/progress")
    @RolesAllowed(Roles.DEPT_AGENT)
    public TicketRequests.Result progress(@PathParam("ref") String ref, @NotNull @Valid TicketRequests.Note body) {
        if (body.note() == null || body.note().isBlank()) {
            throw ProblemException.badRequest("note", "must not be blank");
        }
        return result(tickets.progress(ref, actor(), body.note(), body.visibility()));
    }

    @POST
    @Path("/{ref}/reply")
    @RolesAllowed(Roles.DEPT_AGENT)
    @Operation(summary = "Reply with the outcome (办结答复)", description = """
            The unit's answer to the caller: the ticket becomes REPLIED and waits for the dispatcher's return call.
            角色 / roles: dept-agent of the ticket's lead unit.""")
    @APIResponse(responseCode = "200", description = "Replied")
    @APIResponse(responseCode = "400", description = "No answer, or one too long (problem+json naming answer)")
    @APIResponse(responseCode = "404", description = "No such ticket, or not one of your unit's")
    @APIResponse(responseCode = "409", description = "The ticket's status does not allow a reply (member currentStatus)")
    public TicketRequests.Result reply(@PathParam("ref") String ref, @NotNull @Valid TicketRequests.Reply body) {
        return result(tickets.reply(ref, actor(), body.answer()));
    }

    @POST
    @Path("/{ref}/return")
    @RolesAllowed(Roles.DEPT_AGENT)
    @Operation(summary = "Return a ticket that is not the unit's (退单)", description = """
            With a reason, the ticket goes back to the dispatcher for review (RETURN_REVIEW); allowed before
            return-by. 角色 / roles: dept-agent of the ticket's lead unit.""")
    @APIResponse(responseCode = "200", description = "Returned for review")
    @APIResponse(responseCode = "400", description = "No reason (problem+json naming reason)")
    @APIResponse(responseCode = "404", description = "No such ticket, or not one of your unit's")
    @APIResponse(responseCode = "409", description = "The ticket's status or its return-by does not allow a return "
            + "(member currentStatus)")
    public TicketRequests.Result returnTicket(@PathParam("ref") String ref, @NotNull @Valid TicketRequests.Reason body) {
        return result(tickets.returnTicket(ref, actor(), body.reason()));
    }

    @POST
    @Path("/{ref}/extensions")
    @RolesAllowed(Roles.DEPT_AGENT)
    @Operation(summary = "Ask for more time (延期申请)", description = """
            The lead unit asks for a later resolve-by, with a reason; a supervisor decides. Role: dept-agent of the lead
            unit.""")
    @APIResponse(responseCode = "200", description = "Requested, pending a decision", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TicketRequests.ExtensionResult.class)))
    @APIResponse(responseCode = "400", description = "No reason, or a new resolve-by not after the current one")
    @APIResponse(responseCode = "404", description = "No such ticket, or not one of your unit's")
    @APIResponse(responseCode = "409", description = "The ticket's status does not allow it, or an extension request is"
            + " pending (member currentStatus)")
    public TicketRequests.ExtensionResult requestExtension(@PathParam("ref") String ref,
                                                           @NotNull @Valid TicketRequests.Extension body) {
        ExtensionRequest x = tickets.requestExtension(ref, actor(), body.reason(), body.newResolveBy());
        return new TicketRequests.ExtensionResult(x.id, ref, x.status.name(), x.requestedResolveBy);
    }

    @GET
    @Path("/{ref}/extensions")
    @RolesAllowed({Roles.DEPT_AGENT, Roles.DISPATCHER, Roles.SUPERVISOR})
    @Operation(summary = "A ticket's extension requests (延期记录)", description = """
            Every extension request and its decision, oldest first. Roles: dept-agent (own unit's), dispatcher,
            supervisor.""")
    @APIResponse(responseCode = "200", description = "The extension requests", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = TicketQueries.ExtensionView.class),
            examples = @ExampleObject(name = "approved", value = EXTENSIONS)))
    @APIResponse(responseCode = "404", description = "No such ticket, or not one you may see")
    public List<TicketQueries.ExtensionView> extensions(@PathParam("ref") String ref) {
        return queries.extensions(ref, actor());
    }

    @POST
    @Path("/{ref}/extensions/{id}/decision")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Decide an extension request (延期审核)", description = """
            Approved, the ticket's resolve-by becomes the one requested; rejected, it stays. Audited. Role:
            supervisor.""")
    @APIResponse(responseCode = "200", description = "Decided", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TicketRequests.ExtensionResult.class)))
    @APIResponse(responseCode = "400", description = "approve missing, or a note too long")
    @APIResponse(responseCode = "404", description = "No such ticket, or no such extension request on it")
    @APIResponse(responseCode = "409", description = "The request was already decided (member currentStatus)")
    public TicketRequests.ExtensionResult decideExtension(@PathParam("ref") String ref, @PathParam("id") UUID id,
                                                          @NotNull @Valid TicketRequests.Decision body) {
        ExtensionRequest x = tickets.decideExtension(ref, id, actor(), body.approve(), body.note());
        return new TicketRequests.ExtensionResult(x.id, ref, x.status.name(), x.requestedResolveBy);
    }

    @POST
    @Path("/{ref}/supervision")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Chase or supervise by hand (催办 / 督办 / 挂牌督办)", description = """
            A step of the supervision ladder on a ticket a unit is working on; WARNING is the timer's alone. Audited.
            Role: supervisor.""")
    @APIResponse(responseCode = "200", description = "Supervised", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketRequests.Result.class)))
    @APIResponse(responseCode = "400", description = "No step, or WARNING")
    @APIResponse(responseCode = "404", description = "No such ticket, or not one you may see")
    @APIResponse(responseCode = "409", description = "No unit is working on the ticket (member currentStatus)")
    public TicketRequests.Result supervise(@PathParam("ref") String ref, @NotNull @Valid TicketRequests.Supervise body) {
        if (body.step() == SupervisionStep.WARNING) {
            throw ProblemException.badRequest("step", "by hand a supervisor may CHASE, SUPERVISE or LISTED");
        }
        return result(tickets.superviseByHand(ref, actor(), body.step(), body.note()));
    }

    @POST
    @Path("/{ref}/callback")
    @RolesAllowed(Roles.DISPATCHER)
    @Operation(summary = "Record the return call (回访)", description = """
            The dispatcher called the caller back after the reply: satisfied and solved are counted in the unit's
            ranking; the ticket becomes CALLED_BACK, and one whose caller was not satisfied may then be reopened. A
            terminated ticket (终止办理) is called back once and stays TERMINATED: the call's record names the approved
            ground and reason, and its verdict is not counted in the unit's rates. 角色 / roles: dispatcher.""")
    @APIResponse(responseCode = "200", description = "Called back")
    @APIResponse(responseCode = "400", description = "satisfied or solved missing (problem+json naming the field)")
    @APIResponse(responseCode = "404", description = "No such ticket")
    @APIResponse(responseCode = "409", description = "The ticket has not been replied to, or a terminated ticket was called back already (member currentStatus)")
    public TicketRequests.Result callBack(@PathParam("ref") String ref, @NotNull @Valid TicketRequests.CallBack body) {
        return result(tickets.callBack(ref, actor(), body.satisfied(), body.solved(), body.note()));
    }

    @POST
    @Path("/{ref}/close")
    @RolesAllowed(Roles.DISPATCHER)
    public TicketRequests.Result close(@PathParam("ref") String ref, @Valid TicketRequests.Note body) {
        return result(tickets.close(ref, actor(), body == null ? null : body.note(), body == null ? null : body.visibility()));
    }

    @POST
    @Path("/{ref}/reopen")
    @RolesAllowed(Roles.DISPATCHER)
    public TicketRequests.Result reopen(@PathParam("ref") String ref, @NotNull @Valid TicketRequests.Reason body) {
        return result(tickets.reopen(ref, actor(), body.reason()));
    }

    @POST
    @Path("/{ref}/assign")
    @RolesAllowed(Roles.DISPATCHER)
    @Operation(summary = "Dispatch by hand (人工派单)", description = """
            Places a ticket from the manual queue (PENDING_DISPATCH): to a unit, or to a district for the category's
            rule to pick the unit. Role: dispatcher.""")
    @APIResponse(responseCode = "200", description = "Dispatched", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketRequests.Result.class)))
    @APIResponse(responseCode = "400", description = "An unknown district, or an unknown or inactive unit")
    @APIResponse(responseCode = "404", description = "No such ticket, or not one you may see")
    @APIResponse(responseCode = "409", description = "The ticket's status does not allow this (member currentStatus)")
    public TicketRequests.Result assign(@PathParam("ref") String ref, @NotNull @Valid TicketRequests.Assign body) {
        return result(tickets.assign(ref, actor(), body.departmentCode(), body.districtCode(), body.note()));
    }

    @POST
    @Path("/{ref}/redispatch")
    @RolesAllowed(Roles.DISPATCHER)
    @Operation(summary = "Re-dispatch a returned ticket (改派)", description = """
            After a return under review, to another unit (or district) as a new dispatch version with fresh deadlines.
            Role: dispatcher.""")
    @APIResponse(responseCode = "200", description = "Re-dispatched", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketRequests.Result.class)))
    @APIResponse(responseCode = "400", description = "The same unit again (uphold instead), an unknown district, or an "
            + "unknown or inactive unit")
    @APIResponse(responseCode = "404", description = "No such ticket, or not one you may see")
    @APIResponse(responseCode = "409", description = "The ticket's status does not allow this (member currentStatus)")
    public TicketRequests.Result redispatch(@PathParam("ref") String ref, @NotNull @Valid TicketRequests.Assign body) {
        return result(tickets.redispatch(ref, actor(), body.departmentCode(), body.districtCode(), body.note()));
    }

    @POST
    @Path("/{ref}/uphold")
    @RolesAllowed(Roles.DISPATCHER)
    public TicketRequests.Result uphold(@PathParam("ref") String ref, @Valid TicketRequests.Note body) {
        return result(tickets.uphold(ref, actor(), body == null ? null : body.note()));
    }

    @POST
    @Path("/{ref}/merge")
    @RolesAllowed(Roles.DISPATCHER)
    @Operation(summary = "Merge into a master ticket (并单)", description = """
            A repeat of the same matter becomes MERGED into its master, which carries on. Role: dispatcher.""")
    @APIResponse(responseCode = "200", description = "Merged", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TicketRequests.Result.class)))
    @APIResponse(responseCode = "400", description = "No master, or the ticket itself")
    @APIResponse(responseCode = "404", description = "No such ticket or master ticket")
    @APIResponse(responseCode = "409", description = "The ticket's or the master's status does not allow it, or the "
            + "master is merged itself (member currentStatus)")
    public TicketRequests.Result merge(@PathParam("ref") String ref, @NotNull @Valid TicketRequests.Merge body) {
        return result(tickets.merge(ref, actor(), body.masterTicketNumber()));
    }

    @POST
    @Path("/{ref}/police-transfer")
    @RolesAllowed(Roles.DISPATCHER)
    public TicketRequests.Result transferToPolice(@PathParam("ref") String ref,
                                                  @NotNull @Valid TicketRequests.Reason body) {
        return result(tickets.transferToPolice(ref, actor(), body.reason(), "DISPATCHER"));
    }

    @POST
    @Path("/{ref}/pause")
    @RolesAllowed({Roles.DEPT_AGENT, Roles.DISPATCHER})
    @Operation(summary = "Ask to pause the clock (挂起申请)", description = """
            The resolve clock stands still while the unit waits for the caller or a third party, until the given
            time, once a dispatcher approves; limited in count and total time. Roles: dept-agent of the lead unit,
            dispatcher.""")
    @APIResponse(responseCode = "200", description = "Requested, pending a decision", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TicketView.ClockRequestView.class)))
    @APIResponse(responseCode = "400", description = "No reason or until, or past the pause limits")
    @APIResponse(responseCode = "404", description = "No such ticket, or not one of your unit's")
    @APIResponse(responseCode = "409", description = "The ticket's status does not allow it, or a clock request is "
            + "pending (member currentStatus)")
    public TicketView.ClockRequestView pause(@PathParam("ref") String ref, @NotNull @Valid TicketRequests.Pause body) {
        return clockView(ref, clocks.requestPause(ref, actor(), body.reason(), body.until()));
    }

    @POST
    @Path("/{ref}/park")
    @RolesAllowed(Roles.DEPT_AGENT)
    @Operation(summary = "Ask to park the ticket (挂账申请)", description = """
            A matter that cannot be solved in time (budget, planning) leaves the overdue figures and returns on its plan
            date, once a supervisor approves. Role: dept-agent of the lead unit.""")
    @APIResponse(responseCode = "200", description = "Requested, pending a decision", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TicketView.ClockRequestView.class)))
    @APIResponse(responseCode = "400", description = "No reason or plan date, or a plan date too far ahead")
    @APIResponse(responseCode = "404", description = "No such ticket, or not one of your unit's")
    @APIResponse(responseCode = "409", description = "The ticket's status does not allow it, or a clock request is "
            + "pending (member currentStatus)")
    public TicketView.ClockRequestView park(@PathParam("ref") String ref, @NotNull @Valid TicketRequests.Park body) {
        return clockView(ref, clocks.requestPark(ref, actor(), body.reason(), body.planDate()));
    }

    @POST
    @Path("/{ref}/terminate")
    @RolesAllowed(Roles.DISPATCHER)
    @Operation(summary = "Propose ending the ticket (终止办理申请)", description = """
            After review, on an unlawful demand or a caller who refuses all contact; a supervisor decides. Role:
            dispatcher.""")
    @APIResponse(responseCode = "200", description = "Proposed, pending a decision", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TicketView.ClockRequestView.class)))
    @APIResponse(responseCode = "400", description = "No ground or reason")
    @APIResponse(responseCode = "404", description = "No such ticket, or not one you may see")
    @APIResponse(responseCode = "409", description = "The ticket's status does not allow it, or a clock request is "
            + "pending (member currentStatus)")
    public TicketView.ClockRequestView terminate(@PathParam("ref") String ref,
                                                 @NotNull @Valid TicketRequests.Terminate body) {
        return clockView(ref, clocks.proposeTermination(ref, actor(), body.ground(), body.reason()));
    }

    @POST
    @Path("/{ref}/clock-decision")
    @RolesAllowed({Roles.DISPATCHER, Roles.SUPERVISOR})
    @Operation(summary = "Decide a clock request (挂起 / 挂账 / 终止审核)", description = """
            Approves or rejects the ticket's pending pause (a dispatcher), park or termination (a supervisor); requestId
            guards against deciding a newer one. Audited. Roles: dispatcher, supervisor.""")
    @APIResponse(responseCode = "200", description = "Decided", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TicketView.ClockRequestView.class),
            examples = @ExampleObject(name = "approved", value = TicketView.PAUSE_APPROVED)))
    @APIResponse(responseCode = "400", description = "approve missing, or a note too long")
    @APIResponse(responseCode = "403", description = "The request's kind is decided by the other role")
    @APIResponse(responseCode = "404", description = "No such ticket, or not one you may see")
    @APIResponse(responseCode = "409", description = "No request pending, or the pending one is not requestId")
    public TicketView.ClockRequestView decideClock(@PathParam("ref") String ref,
                                                   @NotNull @Valid TicketRequests.ClockDecision body) {
        return clockView(ref, clocks.decide(ref, actor(), body.requestId(), body.approve(), body.note()));
    }

    @POST
    @Path("/{ref}/resume")
    @RolesAllowed({Roles.DEPT_AGENT, Roles.DISPATCHER})
    public TicketRequests.Result resume(@PathParam("ref") String ref, @Valid TicketRequests.Note body) {
        return result(clocks.resume(ref, actor(), body == null ? null : body.note()));
    }

    @GET
    @Path("/{ref}/clock-requests")
    @RolesAllowed({Roles.DEPT_AGENT, Roles.DISPATCHER, Roles.SUPERVISOR})
    @Operation(summary = "A ticket's clock requests (挂起 / 挂账 / 终止记录)", description = """
            Every pause, park and termination request and its decision, oldest first. Roles: dept-agent (own unit's),
            dispatcher, supervisor.""")
    @APIResponse(responseCode = "200", description = "The clock requests", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = TicketView.ClockRequestView.class),
            examples = @ExampleObject(name = "approved", value = "[" + TicketView.PAUSE_APPROVED + "]")))
    @APIResponse(responseCode = "404", description = "No such ticket, or not one you may see")
    public List<TicketView.ClockRequestView> clockRequests(@PathParam("ref") String ref) {
        return clocks.requests(ref, actor()).stream().map(TicketView.ClockRequestView::of).toList();
    }

    @GET
    @Path("/{ref}/duplicates")
    @RolesAllowed({Roles.DISPATCHER, Roles.SUPERVISOR})
    @Operation(summary = "Possible duplicates (并单候选)", description = """
            Open tickets of the same category like this one in text and place, best first, to merge. Roles: dispatcher,
            supervisor.""")
    @APIResponse(responseCode = "200", description = "The candidates", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = TicketRequests.DuplicateCandidate.class),
            examples = @ExampleObject(name = "candidates", value = DUPLICATES)))
    @APIResponse(responseCode = "404", description = "No such ticket, or not one you may see")
    public List<TicketRequests.DuplicateCandidate> duplicates(@PathParam("ref") String ref) {
        return queries.duplicates(ref, actor()).stream().map(TicketRequests.DuplicateCandidate::of).toList();
    }

    private TicketView.ClockRequestView clockView(String ref, ClockRequest x) {
        return clocks.requests(ref, actor()).stream().filter(r -> r.request().id.equals(x.id))
                .map(TicketView.ClockRequestView::of).findFirst().orElseThrow();
    }

    private Actor actor() {
        return currentActor.get("router-api");
    }

    static TicketRequests.Result result(Ticket t) {
        return new TicketRequests.Result(t.ticketNumber, t.status.name(), t.version, t.resolveBy);
    }
}
