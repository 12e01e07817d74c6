package org.linkage.router.rest;

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
    public TicketView get(@PathParam("ref") String ref) {
        return TicketView.of(queries.detail(ref, actor()));
    }

    @POST
    @Path("/{ref}/sign")
    @RolesAllowed(Roles.DEPT_AGENT)
    @Operation(summary = "Sign for a ticket (签收)", description = """
            The unit takes the ticket on: DISPATCHED becomes SIGNED, on time if before sign-by. An optional note,
            PUBLIC when the caller may read it. 角色 / roles: dept-agent of the ticket's lead unit.""")
    @APIResponse(responseCode = "200", description = "Signed")
    @APIResponse(responseCode = "400", description = "A note too long or an unknown visibility (problem+json naming the field)")
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
    @APIResponse(responseCode = "409", description = "The ticket's status or its return-by does not allow a return (member currentStatus)")
    public TicketRequests.Result returnTicket(@PathParam("ref") String ref, @NotNull @Valid TicketRequests.Reason body) {
        return result(tickets.returnTicket(ref, actor(), body.reason()));
    }

    @POST
    @Path("/{ref}/extensions")
    @RolesAllowed(Roles.DEPT_AGENT)
    public TicketRequests.ExtensionResult requestExtension(@PathParam("ref") String ref,
                                                           @NotNull @Valid TicketRequests.Extension body) {
        ExtensionRequest x = tickets.requestExtension(ref, actor(), body.reason(), body.newResolveBy());
        return new TicketRequests.ExtensionResult(x.id, ref, x.status.name(), x.requestedResolveBy);
    }

    @GET
    @Path("/{ref}/extensions")
    @RolesAllowed({Roles.DEPT_AGENT, Roles.DISPATCHER, Roles.SUPERVISOR})
    public List<TicketQueries.ExtensionView> extensions(@PathParam("ref") String ref) {
        return queries.extensions(ref, actor());
    }

    @POST
    @Path("/{ref}/extensions/{id}/decision")
    @RolesAllowed(Roles.SUPERVISOR)
    public TicketRequests.ExtensionResult decideExtension(@PathParam("ref") String ref, @PathParam("id") UUID id,
                                                          @NotNull @Valid TicketRequests.Decision body) {
        ExtensionRequest x = tickets.decideExtension(ref, id, actor(), body.approve(), body.note());
        return new TicketRequests.ExtensionResult(x.id, ref, x.status.name(), x.requestedResolveBy);
    }

    @POST
    @Path("/{ref}/supervision")
    @RolesAllowed(Roles.SUPERVISOR)
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
            ranking; the ticket becomes CALLED_BACK, and one whose caller was not satisfied may then be reopened.
            角色 / roles: dispatcher.""")
    @APIResponse(responseCode = "200", description = "Called back")
    @APIResponse(responseCode = "400", description = "satisfied or solved missing (problem+json naming the field)")
    @APIResponse(responseCode = "404", description = "No such ticket")
    @APIResponse(responseCode = "409", description = "The ticket has not been replied to (member currentStatus)")
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
    public TicketRequests.Result assign(@PathParam("ref") String ref, @NotNull @Valid TicketRequests.Assign body) {
        return result(tickets.assign(ref, actor(), body.departmentCode(), body.districtCode(), body.note()));
    }

    @POST
    @Path("/{ref}/redispatch")
    @RolesAllowed(Roles.DISPATCHER)
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
    public TicketView.ClockRequestView pause(@PathParam("ref") String ref, @NotNull @Valid TicketRequests.Pause body) {
        return clockView(ref, clocks.requestPause(ref, actor(), body.reason(), body.until()));
    }

    @POST
    @Path("/{ref}/park")
    @RolesAllowed(Roles.DEPT_AGENT)
    public TicketView.ClockRequestView park(@PathParam("ref") String ref, @NotNull @Valid TicketRequests.Park body) {
        return clockView(ref, clocks.requestPark(ref, actor(), body.reason(), body.planDate()));
    }

    @POST
    @Path("/{ref}/terminate")
    @RolesAllowed(Roles.DISPATCHER)
    public TicketView.ClockRequestView terminate(@PathParam("ref") String ref,
                                                 @NotNull @Valid TicketRequests.Terminate body) {
        return clockView(ref, clocks.proposeTermination(ref, actor(), body.ground(), body.reason()));
    }

    @POST
    @Path("/{ref}/clock-decision")
    @RolesAllowed({Roles.DISPATCHER, Roles.SUPERVISOR})
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
    public List<TicketView.ClockRequestView> clockRequests(@PathParam("ref") String ref) {
        return clocks.requests(ref, actor()).stream().map(TicketView.ClockRequestView::of).toList();
    }

    @GET
    @Path("/{ref}/duplicates")
    @RolesAllowed({Roles.DISPATCHER, Roles.SUPERVISOR})
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
