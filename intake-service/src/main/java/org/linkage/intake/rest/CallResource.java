package org.linkage.intake.rest;

import org.linkage.commons.problem.RequestParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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
import org.linkage.commons.security.CurrentActor;
import org.linkage.commons.security.Roles;
import org.linkage.intake.classification.Disposition;
import org.linkage.intake.domain.Channel;
import org.linkage.intake.domain.Decision;
import org.linkage.intake.repository.CallEntity;
import org.linkage.intake.service.AuditActions;
import org.linkage.intake.classification.Taxonomy;
import org.linkage.intake.service.CallQuery;
import org.linkage.intake.service.CallerHistoryService;
import org.linkage.intake.service.DistrictDirectory;
import org.linkage.intake.service.CallSearch;
import org.linkage.intake.service.CallDecisions;
import org.linkage.intake.service.CallQueries;
import org.linkage.intake.service.CallService;
import org.linkage.intake.service.NewCall;
import org.linkage.intake.service.Submitted;

import java.util.List;

@Path("/api/calls")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calls", description = "110来电 / Calls to 110")
public class CallResource {
    static final String PAGE_EXAMPLE = """
            {"items": [{"id": "0b9c7e52-4f1a-4d3e-9a0c-2f6e8d1b7a35", "callNumber": "110-20261128-000123",
              "channel": "PHONE", "callerPhone": "138****5678", "callerName": "王*",
              "receivedAt": "2026-11-28T01:30:00Z", "districtCode": "510107", "disposition": "NON_POLICE",
              "decision": "CONFIRMED", "categoryCode": "WAGES", "excerpt": "我在工地干了三个月活，老板一直拖欠工资不给",
              "ticketNumber": "12345-20261128-000042", "ticketStatus": "DISPATCHED", "takenBy": "calltaker1",
              "deliveryStatus": "DELIVERED", "departmentName": "成都市人力资源和社会保障局",
              "resolveBy": "2026-12-05T09:30:00Z", "finalAnswer": null}],
             "page": 0, "size": 20, "total": 57}""";
    /** Who did what to a call, oldest first; also the shape of a hand-back's trail. */
    static final String AUDIT_EXAMPLE = """
            [{"entityType": "call", "entityId": "0b9c7e52-4f1a-4d3e-9a0c-2f6e8d1b7a35", "action": "CREATED",
              "actor": "calltaker1", "actorRoles": "call-taker", "reason": null, "details": null,
              "at": "2026-11-28T01:30:05Z"},
             {"entityType": "call", "entityId": "0b9c7e52-4f1a-4d3e-9a0c-2f6e8d1b7a35", "action": "OVERRIDDEN",
              "actor": "calltaker1", "actorRoles": "call-taker", "reason": "来电人明确是工资被拖欠，不是治安纠纷",
              "details": "{\\"fromDisposition\\":\\"POLICE\\",\\"fromCategory\\":\\"PUBLIC_ORDER\\",\
            \\"disposition\\":\\"NON_POLICE\\",\\"categoryCode\\":\\"WAGES\\",\\"urgency\\":\\"NORMAL\\"}",
              "at": "2026-11-28T01:31:10Z"}]""";
    private final CallService service;
    private final CallQueries queries;
    private final CallDecisions decisions;
    private final CallSearch search;
    private final CallViews views;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final CallerHistoryService history;
    private final Taxonomy taxonomy;
    private final DistrictDirectory districts;

    public CallResource(CallService service, CallQueries queries, CallDecisions decisions, CallSearch search,
                        CallViews views, CurrentActor currentActor, AuditTrail audit, CallerHistoryService history,
                        Taxonomy taxonomy, DistrictDirectory districts) {
        this.history = history;
        this.taxonomy = taxonomy;
        this.districts = districts;
        this.service = service;
        this.queries = queries;
        this.decisions = decisions;
        this.search = search;
        this.views = views;
        this.currentActor = currentActor;
        this.audit = audit;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CALL_TAKER, Roles.OFFICER})
    @Operation(summary = "Take a call (接警登记)", description = """
            Stores and classifies a call. The disposition stays PENDING until the call-taker confirms or
            overrides, unless the request carries "confirm": true (one-click transfer), in which case the
            suggestion is confirmed at once and a NON_POLICE or JOINT call is referred to 12345 in the same
            transaction. With an Idempotency-Key header a retry returns the first record (200) instead of
            creating a second; the same key with a different body is refused (422).
            角色 / roles: call-taker, officer.""")
    @APIResponse(responseCode = "201", description = "Created; Location is the call", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CallView.class)))
    @APIResponse(responseCode = "200", description = "Replay of an earlier request with the same Idempotency-Key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CallView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, an unknown district, or an answer to the category's "
            + "questions that does not fit (problem+json naming the field)")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body")
    public Response take(@NotNull @Valid CallRequest request,
                         @Parameter(description = "客户端重试键 / client retry key", example = "8c1e3f52-2a4b-4c0e-9f1d-0b6a7d2e9c11")
                         @HeaderParam("Idempotency-Key") String idempotencyKey,
                         @jakarta.ws.rs.core.Context UriInfo uri) {
        NewCall call = new NewCall(request.channel() == null ? Channel.PHONE : request.channel(), request.callerPhone(),
                request.callerName(), request.address(), request.districtCode(), request.latitude(),
                request.longitude(), request.title(), request.content(),
                request.receivedAt() == null ? null : request.receivedAt().toInstant(), request.urgency(),
                Boolean.TRUE.equals(request.confirm()), null, null, Boolean.TRUE.equals(request.receiptsOptOut()),
                Boolean.TRUE.equals(request.confidential()), request.attributes());
        return answer(service.submit(call, Params.idempotencyKey(idempotencyKey)), views, uri);
    }

    /** 201 with the new call's location the first time; 200 with the same call for a retry. */
    static Response answer(Submitted submitted, CallViews views, UriInfo uri) {
        CallView view = views.detail(submitted.call());
        return submitted.created()
                ? Response.created(uri.getBaseUriBuilder().path("api/calls/{id}").build(view.id())).entity(view).build()
                : Response.ok(view).build();
    }

    @GET
    @RolesAllowed({Roles.CALL_TAKER, Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Search calls (来电查询)", description = """
            Newest first, paged. Call-takers and officers see the calls they took; supervisors and admins see
            all. Phone numbers and names are masked. `disposition` and `categoryCode` match the decision, or
            the suggestion while a call is pending.
            角色 / roles: call-taker, officer, supervisor, admin.""")
    @APIResponse(responseCode = "200", description = "One page of calls", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageView.class),
            examples = @ExampleObject(name = "wages", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A time, disposition, decision, page or size that does not parse "
            + "(problem+json naming the parameter)")
    public PageView<CallSummary> list(
            @Parameter(description = "接警时间起（含） / received at or after", example = "2026-11-28T00:00:00+08:00")
            @QueryParam("from") String from,
            @Parameter(description = "接警时间止（不含） / received before", example = "2026-11-29T00:00:00+08:00")
            @QueryParam("to") String to,
            @Parameter(example = "NON_POLICE") @QueryParam("disposition") String disposition,
            @Parameter(description = "PENDING, CONFIRMED, OVERRIDDEN, ANSWERED", example = "PENDING") @QueryParam("decision") String decision,
            @Parameter(example = "WAGES") @QueryParam("categoryCode") String categoryCode,
            @Parameter(example = "510107") @QueryParam("districtCode") String districtCode,
            @Parameter(description = "内容、地址或编号包含 / text in content, address or number", example = "工资")
            @QueryParam("text") String text,
            @Parameter(description = "来电人查询码 / the caller's retrieval code", example = "K7M2Q9XR")
            @QueryParam("retrievalCode") String retrievalCode,
            @Parameter(example = "0") @QueryParam("page") String page,
            @Parameter(description = "1-100", example = "20") @QueryParam("size") String size) {
        CallQuery query = new CallQuery(RequestParams.instant("from", from), RequestParams.instant("to", to),
                RequestParams.enumeration("disposition", disposition, Disposition.class),
                RequestParams.enumeration("decision", decision, Decision.class),
                RequestParams.text("categoryCode", categoryCode, 40), RequestParams.text("districtCode", districtCode, 20),
                RequestParams.text("text", text, 200), RequestParams.text("retrievalCode", retrievalCode, 16),
                Params.page(page), Params.size(size));
        return PageView.of(search.search(query, currentActor.get("intake")), views::summary);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CALL_TAKER, Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "One call (来电详情)", description = """
            Classification and its signals, the decision, the referral, the 12345 ticket with every status
            reported and the final answer, and the audit trail. Contact details are masked.""")
    @APIResponse(responseCode = "404", description = "No such call, or not one you may see")
    public CallView get(@PathParam("id") String id) {
        return views.detail(queries.visible(RequestParams.uuid("id", id), currentActor.get("intake")));
    }

    @GET
    @Path("/by-retrieval-code/{code}")
    @RolesAllowed({Roles.CALL_TAKER, Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(summary = "Find a call by the caller's retrieval code (查询码查询)", description = """
            For a caller who calls back and quotes their code: any call-taker may open that call (masked).
            Every look-up is recorded in the audit trail (RETRIEVED_BY_CODE).""")
    @APIResponse(responseCode = "404", description = "No call with that code")
    public CallView byRetrievalCode(
            @Parameter(example = "K7M2Q9XR") @PathParam("code") String code) {
        String checked = RequestParams.text("code", code, 16);
        if (checked == null || !checked.matches("[0-9A-Za-z]+")) {
            throw org.linkage.commons.problem.ProblemException.badRequest("code", "查询码格式不正确 / not a retrieval code");
        }
        return views.detail(queries.byRetrievalCode(checked));
    }

    @GET
    @Path("/{id}/contact")
    @RolesAllowed({Roles.CALL_TAKER, Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(summary = "Caller's full contact (来电人联系方式)", description = """
            The unmasked phone and name, for calling back: only for whoever took the call, and supervisors.
            Every read is recorded in the audit trail (CONTACT_VIEWED).
            角色 / roles: call-taker, officer, supervisor.""")
    @APIResponse(responseCode = "200", description = "The unmasked contact", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContactView.class)))
    @APIResponse(responseCode = "400", description = "id is not a UUID")
    @APIResponse(responseCode = "404", description = "No such call, or not one you may see")
    public ContactView contact(@PathParam("id") String id) {
        CallEntity call = queries.contact(RequestParams.uuid("id", id));
        return new ContactView(call.id, call.callNumber, call.callerPhone, call.callerName);
    }

    @POST
    @Path("/{id}/confirmation")
    @RolesAllowed({Roles.CALL_TAKER, Roles.OFFICER})
    @Operation(summary = "Confirm the suggestion (确认分类)", description = """
            Accepts the classifier's suggestion. A NON_POLICE or JOINT call is referred to 12345 in the same
            transaction; a POLICE call stays with 110. 409 if the call was already decided.
            角色 / roles: call-taker, officer.""")
    @APIResponse(responseCode = "200", description = "Confirmed", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CallView.class)))
    @APIResponse(responseCode = "400", description = "A required answer to the category's questions is missing "
            + "(problem+json naming attributes.<code>)")
    @APIResponse(responseCode = "404", description = "No such call, or not one you may see")
    @APIResponse(responseCode = "409", description = "Already confirmed or overridden")
    public CallView confirm(@PathParam("id") String id) {
        return views.detail(decisions.confirm(RequestParams.uuid("id", id)));
    }

    @POST
    @Path("/{id}/override")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CALL_TAKER, Roles.OFFICER, Roles.SUPERVISOR})
    @Operation(summary = "Override the suggestion (改判)", description = """
            Sets disposition and category with a mandatory reason. POLICE needs a police category, NON_POLICE
            and JOINT a non-police one (what 12345 routes on), INVALID none. NON_POLICE and JOINT are referred
            to 12345 at once. Overrides are counted per suggested category (GET /api/statistics/overrides).
            角色 / roles: call-taker, officer, supervisor.""")
    @APIResponse(responseCode = "200", description = "Overridden", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CallView.class)))
    @APIResponse(responseCode = "400", description = "Missing reason or a category that does not fit")
    @APIResponse(responseCode = "404", description = "No such call, or not one you may see")
    @APIResponse(responseCode = "409", description = "Already confirmed or overridden")
    public CallView override(@PathParam("id") String id, @NotNull @Valid OverrideRequest request) {
        return views.detail(decisions.override(RequestParams.uuid("id", id), request.disposition(), request.categoryCode(),
                request.reason(), request.urgency(), request.attributes()));
    }

    @PUT
    @Path("/{id}/attributes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CALL_TAKER, Roles.OFFICER})
    @Operation(summary = "Answer the category's questions (分类必填项)", description = """
            Replaces the answers of a call still pending, checked against the questions of its suggested category
            (type, choice, known question); required ones are checked when the call is referred. 409 once decided.
            角色 / roles: call-taker, officer.""")
    @APIResponse(responseCode = "200", description = "The call with its answers", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CallView.class)))
    @APIResponse(responseCode = "404", description = "No such call, or not one you may see")
    @APIResponse(responseCode = "400", description = "An answer that does not fit (problem+json naming "
            + "attributes.<code>)")
    @APIResponse(responseCode = "409", description = "Already decided")
    public CallView attributes(@PathParam("id") String id, @NotNull @Valid AttributesRequest request) {
        return views.detail(decisions.answers(RequestParams.uuid("id", id), request.attributes()));
    }

    @POST
    @Path("/{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CALL_TAKER, Roles.OFFICER})
    @Operation(summary = "Close as answered (咨询直接答复)", description = """
            The caller's question was answered on the spot from the 12345 knowledge base: the call is decided
            ANSWERED (disposition NON_POLICE) citing 1-5 articles, nothing is referred and no ticket is made. 12345
            counts it as resolved at first contact (CallAnswered on linkage.referrals, in the same transaction).
            409 if the call was already decided, or if the classifier heard a police matter in it (POLICE or JOINT):
            such a call is confirmed or overridden instead.
            角色 / roles: call-taker, officer.""")
    @APIResponse(responseCode = "200", description = "Answered", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CallView.class)))
    @APIResponse(responseCode = "400", description = "No article cited, or a category that is not non-police")
    @APIResponse(responseCode = "404", description = "No such call, or not one you may see")
    @APIResponse(responseCode = "409", description = "Already decided, or a police matter")
    public CallView answer(@PathParam("id") String id, @NotNull @Valid AnswerRequest request) {
        return views.detail(decisions.answer(RequestParams.uuid("id", id), request.articles(), request.note(),
                request.categoryCode()));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.CALL_TAKER, Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The caller's history and risk warnings (来电历史 / 风险预警)", description = """
            The same caller's earlier calls to 110 and tickets at 12345, matched by a keyed hash of the number (never
            the number itself), within the warning rules' longest window (90 days as shipped), newest first, at most
            50 per line. Nothing personal and no text: numbers, times, categories, districts, statuses. Risk warnings
            say which rule fired and which earlier calls and tickets made it fire; each is recorded once per call and
            counted for supervisors (GET /api/statistics/risk-warnings). When 12345 cannot be asked, the 110 part
            still answers with `hotline.available` false. Visible to whoever may see the call; each look-up is
            audited (HISTORY_VIEWED).""")
    @APIResponse(responseCode = "404", description = "No such call, or not one you may see")
    public CallerHistoryView history(@PathParam("id") String id) {
        return CallerHistoryView.of(history.of(RequestParams.uuid("id", id), currentActor.get("intake")), taxonomy,
                districts);
    }

    @GET
    @Path("/{id}/audit")
    @RolesAllowed({Roles.CALL_TAKER, Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Audit trail of a call (审计记录)", description = """
            Who did what, when and why, oldest first. Visible to whoever may see the call.
            角色 / roles: call-taker, officer, supervisor, admin.""")
    @APIResponse(responseCode = "200", description = "The audit trail", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = AuditRecord.class),
            examples = @ExampleObject(name = "overridden", value = AUDIT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "id is not a UUID")
    @APIResponse(responseCode = "404", description = "No such call, or not one you may see")
    public List<AuditRecord> audit(@PathParam("id") String id) {
        CallEntity call = queries.visible(RequestParams.uuid("id", id), currentActor.get("intake"));
        return audit.of(AuditActions.CALL, call.id);
    }
}
