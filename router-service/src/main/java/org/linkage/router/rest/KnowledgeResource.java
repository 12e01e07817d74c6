package org.linkage.router.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.linkage.commons.problem.RequestParams;
import org.linkage.commons.security.CurrentActor;
import org.linkage.commons.security.Roles;
import org.linkage.router.domain.ArticleStatus;
import org.linkage.router.service.KnowledgeData;
import org.linkage.router.service.KnowledgeSearch;
import org.linkage.router.service.KnowledgeService;

import java.util.List;
import java.util.Optional;

/**
 * The knowledge base (知识库). Call-takers, dispatchers, department agents, supervisors and administrators read
 * published, currently valid articles; the owning unit's agents and administrators write them; administrators and
 * supervisors review them before they are published.
 */
@Path("/api/knowledge")
@RolesAllowed({Roles.CALL_TAKER, Roles.DISPATCHER, Roles.DEPT_AGENT, Roles.SUPERVISOR, Roles.ADMIN})
public class KnowledgeResource {
    static final String HITS = """
            [{"id": 12, "version": 3, "titleZh": "被拖欠工资怎么办", "titleEn": "Unpaid wages: what to do",
              "categoryCode": "WAGES", "departmentCode": "CD-HRSS", "keywords": ["欠薪", "拖欠工资", "劳动监察"],
              "excerpt": "可携带劳动合同、考勤记录等证据向用工单位所在地人社局劳动保障监察机构投诉……",
              "score": 0.87, "matched": ["拖欠工资", "工地"]}]""";
    static final String VERSION = """
            {"version": 3, "status": "PUBLISHED", "categoryCode": "WAGES", "titleZh": "被拖欠工资怎么办",
             "titleEn": "Unpaid wages: what to do",
             "bodyZh": "可携带劳动合同、考勤记录等证据向用工单位所在地人社局劳动保障监察机构投诉，也可申请劳动仲裁。",
             "bodyEn": "Take the contract and time records to the labour inspectorate of the employer's district.",
             "keywords": ["欠薪", "拖欠工资", "劳动监察"], "validFrom": "2026-01-01", "validTo": null,
             "createdAt": "2026-11-02T02:00:00Z", "createdBy": "hrss-agent1", "submittedAt": "2026-11-02T02:05:00Z",
             "submittedBy": "hrss-agent1", "reviewedAt": "2026-11-03T01:00:00Z", "reviewedBy": "supervisor1",
             "reviewNote": "内容准确，同意发布"}""";
    static final String ARTICLE = """
            {"id": 12, "departmentCode": "CD-HRSS", "departmentNameZh": "成都市人力资源和社会保障局",
             "departmentNameEn": "Chengdu Human Resources and Social Security Bureau", "publishedVersion": 3,
             "latestVersion": 3, "validNow": true, "published": """ + VERSION + """
            , "latest": """ + VERSION + """
            , "actions": ["EDIT"]}""";
    static final String ARTICLE_IN = """
            {"departmentCode": "CD-HRSS", "categoryCode": "WAGES", "titleZh": "被拖欠工资怎么办",
             "titleEn": "Unpaid wages: what to do",
             "bodyZh": "可携带劳动合同、考勤记录等证据向用工单位所在地人社局劳动保障监察机构投诉，也可申请劳动仲裁。",
             "bodyEn": "Take the contract and time records to the labour inspectorate of the employer's district.",
             "keywords": ["欠薪", "拖欠工资", "劳动监察"], "validFrom": "2026-01-01", "validTo": null,
             "baseVersion": 3, "submit": true}""";
    static final String PAGE = """
            {"items": [{"id": 12, "departmentCode": "CD-HRSS", "latestVersion": 4, "publishedVersion": 3,
              "status": "IN_REVIEW", "categoryCode": "WAGES", "titleZh": "被拖欠工资怎么办",
              "titleEn": "Unpaid wages: what to do", "validFrom": "2026-01-01", "validTo": null,
              "updatedAt": "2026-11-25T03:00:00Z", "updatedBy": "hrss-agent1"}], "page": 0, "size": 20, "total": 1}""";
    private static final String COMPONENT = "router-knowledge";

    private final KnowledgeService knowledge;
    private final KnowledgeSearch search;
    private final CurrentActor currentActor;

    public KnowledgeResource(KnowledgeService knowledge, KnowledgeSearch search, CurrentActor currentActor) {
        this.knowledge = knowledge;
        this.search = search;
        this.currentActor = currentActor;
    }

    @GET
    @Path("/search")
    @Operation(summary = "Search the knowledge base (知识库检索)", description = """
            Published, currently valid articles matching the words (and the category), best first. Roles: call-taker,
            dispatcher, dept-agent, supervisor, admin.""")
    @APIResponse(responseCode = "200", description = "The articles found", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = KnowledgeData.Hit.class),
            examples = @ExampleObject(name = "wages", value = HITS)))
    @APIResponse(responseCode = "400", description = "q longer than 200 characters, a category code that does not fit, "
            + "or limit outside 1–50")
    public List<KnowledgeData.Hit> search(@Parameter(example = "拖欠工资") @QueryParam("q") String q,
                                          @QueryParam("categoryCode") @Pattern(regexp = "[A-Z_]{2,40}") String categoryCode,
                                          @QueryParam("limit") String limit) {
        if (q != null && q.length() > 200) {
            throw org.linkage.commons.problem.ProblemException.badRequest("q", "at most 200 characters");
        }
        return search.search(q, categoryCode, RequestParams.integer("limit", limit, 20, 1, 50));
    }

    /** The articles most likely to answer a call, from what the caller said; writes nothing. */
    @POST
    @Path("/suggestions")
    @Operation(summary = "Articles for a call (知识推荐)", description = """
            The articles most likely to answer a call, from what the caller said, best first; writes nothing. Roles:
            call-taker, dispatcher, dept-agent, supervisor, admin.""")
    @APIResponse(responseCode = "200", description = "The suggested articles", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = KnowledgeData.Hit.class),
            examples = @ExampleObject(name = "wages", value = HITS)))
    @APIResponse(responseCode = "400", description = "No text, or a category code that does not fit, or limit outside "
            + "1–20")
    public List<KnowledgeData.Hit> suggestions(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = KnowledgeData.SuggestionRequest.class),
                    examples = @ExampleObject(name = "wages",
                            value = "{\"text\": \"我在工地干了三个月活，老板一直拖欠工资不给\", \"categoryCode\": \"WAGES\"}")))
            @NotNull @Valid KnowledgeData.SuggestionRequest body,
                                               @QueryParam("limit") String limit) {
        return search.suggestions(body.text(), body.categoryCode(), RequestParams.integer("limit", limit, 5, 1, 20));
    }

    @GET
    @Path("/articles")
    @RolesAllowed({Roles.DEPT_AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Articles to edit or review (知识库文章管理)", description = """
            By their latest version, of a status and unit; a department's agent sees its own unit's. Roles: dept-agent,
            supervisor, admin.""")
    @APIResponse(responseCode = "200", description = "One page of articles", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KnowledgeData.Page.class),
            examples = @ExampleObject(name = "in-review", value = PAGE)))
    @APIResponse(responseCode = "400", description = "A status, unit, page or size that does not parse")
    public KnowledgeData.Page<KnowledgeData.ArticleSummary> list(@QueryParam("status") String status,
                                                               @QueryParam("departmentCode") @Pattern(regexp = "[A-Za-z0-9-]{2,40}") String departmentCode,
                                                               @QueryParam("page") String page, @QueryParam("size") String size) {
        Optional<ArticleStatus> s = status == null || status.isBlank() ? Optional.empty()
                : Optional.of(RequestParams.enumeration("status", status, ArticleStatus.class));
        return knowledge.list(s, departmentCode, RequestParams.integer("page", page, 0, 0, 10_000),
                RequestParams.integer("size", size, 20, 1, 100), currentActor.get(COMPONENT));
    }

    @POST
    @Path("/articles")
    @RolesAllowed({Roles.DEPT_AGENT, Roles.ADMIN})
    @Operation(summary = "Write an article (新建知识)", description = """
            Version 1, a draft (or submitted for review with submit true); a department's agent writes for its own unit.
            Audited. Roles: dept-agent, admin.""")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KnowledgeData.ArticleView.class),
            examples = @ExampleObject(name = "wages", value = ARTICLE)))
    @APIResponse(responseCode = "400", description = "Invalid field, no or an unknown unit, a category not in the "
            + "catalogue, or validTo before validFrom")
    @APIResponse(responseCode = "403", description = "Not an editor of that unit")
    public Response create(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = KnowledgeData.ArticleInput.class),
                    examples = @ExampleObject(name = "wages", value = ARTICLE_IN)))
            @NotNull @Valid KnowledgeData.ArticleInput body) {
        return Response.status(201).entity(knowledge.create(body, currentActor.get(COMPONENT))).build();
    }

    @GET
    @Path("/articles/{id}")
    @Operation(summary = "One article (知识详情)", description = """
            The published version readers are told; the latest version and the actions only for its editors and
            reviewers. Roles: call-taker, dispatcher, dept-agent, supervisor, admin.""")
    @APIResponse(responseCode = "200", description = "The article", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KnowledgeData.ArticleView.class),
            examples = @ExampleObject(name = "wages", value = ARTICLE)))
    @APIResponse(responseCode = "400", description = "id is not a positive integer")
    @APIResponse(responseCode = "404", description = "No such article or version, or not one you may see")
    public KnowledgeData.ArticleView article(@PathParam("id") String id) {
        return knowledge.view(id(id), currentActor.get(COMPONENT));
    }

    /** Every edit is a new version; the published one stays what readers see until a reviewer publishes the new. */
    @PUT
    @Path("/articles/{id}")
    @RolesAllowed({Roles.DEPT_AGENT, Roles.ADMIN})
    @Operation(summary = "Edit an article (修改知识)", description = """
            A new version; the published one stays what readers see until a reviewer publishes the new. baseVersion
            guards against overwriting a newer edit. Audited. Roles: dept-agent of its unit, admin.""")
    @APIResponse(responseCode = "200", description = "The article with its new version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KnowledgeData.ArticleView.class),
            examples = @ExampleObject(name = "wages", value = ARTICLE)))
    @APIResponse(responseCode = "400", description = "Invalid field, another unit, a category not in the catalogue, or "
            + "validTo before validFrom")
    @APIResponse(responseCode = "403", description = "Not an editor of the article's unit")
    @APIResponse(responseCode = "404", description = "No such article or version, or not one you may see")
    @APIResponse(responseCode = "409", description = "A newer version exists than baseVersion")
    public KnowledgeData.ArticleView edit(@PathParam("id") String id,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = KnowledgeData.ArticleInput.class),
                    examples = @ExampleObject(name = "wages", value = ARTICLE_IN)))
            @NotNull @Valid KnowledgeData.ArticleInput body) {
        return knowledge.edit(id(id), body, currentActor.get(COMPONENT));
    }

    @GET
    @Path("/articles/{id}/versions")
    @Operation(summary = "An article's versions (知识版本)", description = """
            Every version with who wrote, submitted and reviewed it, oldest first. Roles: call-taker, dispatcher,
            dept-agent, supervisor, admin.""")
    @APIResponse(responseCode = "200", description = "The versions", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = KnowledgeData.VersionView.class),
            examples = @ExampleObject(name = "wages", value = "[" + VERSION + "]")))
    @APIResponse(responseCode = "400", description = "id is not a positive integer")
    @APIResponse(responseCode = "404", description = "No such article or version, or not one you may see")
    public List<KnowledgeData.VersionView> versions(@PathParam("id") String id) {
        return knowledge.history(id(id), currentActor.get(COMPONENT));
    }

    @GET
    @Path("/articles/{id}/versions/{version}")
    @Operation(summary = "One version of an article (知识版本详情)", description = """
            The version's text, validity and review. Roles: call-taker, dispatcher, dept-agent, supervisor, admin.""")
    @APIResponse(responseCode = "200", description = "The version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KnowledgeData.VersionView.class),
            examples = @ExampleObject(name = "wages", value = VERSION)))
    @APIResponse(responseCode = "400", description = "id or version is not a positive integer")
    @APIResponse(responseCode = "404", description = "No such article or version, or not one you may see")
    public KnowledgeData.VersionView version(@PathParam("id") String id, @PathParam("version") String version) {
        return knowledge.version(id(id), number(version), currentActor.get(COMPONENT));
    }

    @POST
    @Path("/articles/{id}/versions/{version}/submission")
    @RolesAllowed({Roles.DEPT_AGENT, Roles.ADMIN})
    @Operation(summary = "Submit a version for review (提交审核)", description = """
            A draft goes to the reviewers. Audited. Roles: dept-agent of its unit, admin.""")
    @APIResponse(responseCode = "200", description = "Submitted", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KnowledgeData.ArticleView.class),
            examples = @ExampleObject(name = "wages", value = ARTICLE)))
    @APIResponse(responseCode = "400", description = "id or version is not a positive integer")
    @APIResponse(responseCode = "403", description = "Not an editor of the article's unit")
    @APIResponse(responseCode = "404", description = "No such article or version, or not one you may see")
    @APIResponse(responseCode = "409", description = "The version's status does not allow submitting it")
    public KnowledgeData.ArticleView submit(@PathParam("id") String id, @PathParam("version") String version) {
        return knowledge.submit(id(id), number(version), currentActor.get(COMPONENT));
    }

    @POST
    @Path("/articles/{id}/versions/{version}/review")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Review a version (审核知识)", description = """
            Approved, the version is published and replaces the one readers saw; rejected, with a reason, it goes back
            to its unit. Not by its own author. Audited. Roles: supervisor, admin.""")
    @APIResponse(responseCode = "200", description = "Reviewed", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KnowledgeData.ArticleView.class),
            examples = @ExampleObject(name = "wages", value = ARTICLE)))
    @APIResponse(responseCode = "400", description = "approve missing, a rejection without a note, or id or version not"
            + " a positive integer")
    @APIResponse(responseCode = "403", description = "The reviewer wrote the version")
    @APIResponse(responseCode = "404", description = "No such article or version, or not one you may see")
    @APIResponse(responseCode = "409", description = "The version is not in review")
    public KnowledgeData.ArticleView review(@PathParam("id") String id, @PathParam("version") String version,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = KnowledgeData.ReviewInput.class),
                    examples = @ExampleObject(name = "approve",
                            value = "{\"approve\": true, \"note\": \"内容准确，同意发布\"}")))
            @NotNull @Valid KnowledgeData.ReviewInput body) {
        return knowledge.review(id(id), number(version), body, currentActor.get(COMPONENT));
    }

    private static long id(String value) {
        return RequestParams.integer("id", value, 0, 1, Integer.MAX_VALUE);
    }

    private static int number(String value) {
        return RequestParams.integer("version", value, 0, 1, 100_000);
    }
}
