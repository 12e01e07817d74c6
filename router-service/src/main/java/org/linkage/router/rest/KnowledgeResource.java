package org.linkage.router.rest;

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
    public List<KnowledgeData.Hit> search(@QueryParam("q") String q,
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
    public List<KnowledgeData.Hit> suggestions(@NotNull @Valid KnowledgeData.SuggestionRequest body,
                                               @QueryParam("limit") String limit) {
        return search.suggestions(body.text(), body.categoryCode(), RequestParams.integer("limit", limit, 5, 1, 20));
    }

    @GET
    @Path("/articles")
    @RolesAllowed({Roles.DEPT_AGENT, Roles.SUPERVISOR, Roles.ADMIN})
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
    public Response create(@NotNull @Valid KnowledgeData.ArticleInput body) {
        return Response.status(201).entity(knowledge.create(body, currentActor.get(COMPONENT))).build();
    }

    @GET
    @Path("/articles/{id}")
    public KnowledgeData.ArticleView article(@PathParam("id") String id) {
        return knowledge.view(id(id), currentActor.get(COMPONENT));
    }

    /** Every edit is a new version; the published one stays what readers see until a reviewer publishes the new. */
    @PUT
    @Path("/articles/{id}")
    @RolesAllowed({Roles.DEPT_AGENT, Roles.ADMIN})
    public KnowledgeData.ArticleView edit(@PathParam("id") String id, @NotNull @Valid KnowledgeData.ArticleInput body) {
        return knowledge.edit(id(id), body, currentActor.get(COMPONENT));
    }

    @GET
    @Path("/articles/{id}/versions")
    public List<KnowledgeData.VersionView> versions(@PathParam("id") String id) {
        return knowledge.history(id(id), currentActor.get(COMPONENT));
    }

    @GET
    @Path("/articles/{id}/versions/{version}")
    public KnowledgeData.VersionView version(@PathParam("id") String id, @PathParam("version") String version) {
        return knowledge.version(id(id), number(version), currentActor.get(COMPONENT));
    }

    @POST
    @Path("/articles/{id}/versions/{version}/submission")
    @RolesAllowed({Roles.DEPT_AGENT, Roles.ADMIN})
    public KnowledgeData.ArticleView submit(@PathParam("id") String id, @PathParam("version") String version) {
        return knowledge.submit(id(id), number(version), currentActor.get(COMPONENT));
    }

    @POST
    @Path("/articles/{id}/versions/{version}/review")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public KnowledgeData.ArticleView review(@PathParam("id") String id, @PathParam("version") String version,
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
