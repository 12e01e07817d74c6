package org.linkage.console.rest;

import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.linkage.console.client.Category;
import org.linkage.console.client.ServiceProblem;
import org.linkage.console.client.Services;
import org.linkage.console.ui.Ui;
import org.linkage.console.view.FirstContactRow;
import org.linkage.console.view.KnowledgeArticle;
import org.linkage.console.view.KnowledgeArticleSummary;
import org.linkage.console.view.KnowledgeHit;
import org.linkage.console.view.Page;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The knowledge base (知识库): search and read for everyone who answers callers; write (a new version each time),
 * submit and review for the owning unit's agents, administrators and supervisors. The router decides who may do
 * what; the page offers the actions it says the reader has.
 */
@Path("/knowledge")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"call-taker", "dispatcher", "dept-agent", "supervisor", "admin"})
public class KnowledgeResource {
    static class Templates {
        static TemplateInstance search(String q, String categoryCode, List<KnowledgeHit> hits, String problem,
                                       List<Category> categories) {
            return View.of("knowledge/search", "q", q, "categoryCode", categoryCode, "hits", hits, "problem", problem,
                    "categories", categories);
        }

        static TemplateInstance results(String q, List<KnowledgeHit> hits, String problem) {
            return View.of("knowledge/results", "q", q, "hits", hits, "problem", problem);
        }

        static TemplateInstance article(KnowledgeArticle article, KnowledgeArticle.Version shown,
                                        List<KnowledgeArticle.Version> versions, String problem,
                                        Map<String, String> errors) {
            return View.of("knowledge/article", "article", article, "shown", shown, "versions", versions,
                    "problem", problem, "errors", errors);
        }

        static TemplateInstance editor(KnowledgeArticle article, Map<String, String> values, Map<String, String> errors,
                                       String problem, List<Category> categories) {
            return View.of("knowledge/editor", "article", article, "values", values, "errors", errors, "problem", problem,
                    "categories", categories);
        }

        static TemplateInstance firstContact(List<FirstContactRow> rows) {
            return View.of("knowledge/first-contact", "rows", rows);
        }

        static TemplateInstance manage(Page<KnowledgeArticleSummary> page, String status) {
            return View.of("knowledge/manage", "page", page, "status", status);
        }
    }

    @Inject
    Services services;
    @Inject
    Reference reference;
    @Inject
    Ui ui;

    @GET
    public TemplateInstance search(@QueryParam("q") String q, @QueryParam("categoryCode") String categoryCode) {
        String query = blankToNull(q);
        String category = blankToNull(categoryCode);
        if (query == null) {
            return Templates.search(null, category, null, null, categories());
        }
        try {
            return Templates.search(query, category, services.readRouter(api -> api.searchKnowledge(query, category, 20)), null,
                    categories());
        } catch (ServiceProblem problem) {
            if (!problem.isClientError()) {
                throw problem;
            }
            return Templates.search(query, category, List.of(), Problems.message(problem), categories());
        }
    }

    /** The result list alone, for the search box as the person types. */
    @GET
    @Path("/results")
    public TemplateInstance results(@QueryParam("q") String q, @QueryParam("categoryCode") String categoryCode) {
        String query = blankToNull(q);
        if (query == null) {
            return Templates.results(null, null, null);
        }
        try {
            return Templates.results(query, services.readRouter(api -> api.searchKnowledge(query, blankToNull(categoryCode), 20)),
                    null);
        } catch (ServiceProblem problem) {
            if (!problem.isClientError()) {
                throw problem;
            }
            return Templates.results(query, List.of(), Problems.message(problem));
        }
    }

    /** Resolved at first contact by category, for the supervisors' statistics page (loaded into it). */
    @GET
    @Path("/first-contact")
    @RolesAllowed("supervisor")
    public TemplateInstance firstContact(@QueryParam("from") String from, @QueryParam("to") String to) {
        SupervisionResource.Range r = SupervisionResource.Range.of(from, to);
        return Templates.firstContact(services.readRouter(api -> api.firstContact("category", r.from(), r.to())));
    }

    @GET
    @Path("/manage")
    @RolesAllowed({"dept-agent", "supervisor", "admin"})
    public TemplateInstance manage(@QueryParam("status") String status, @QueryParam("page") Integer page) {
        String s = blankToNull(status);
        return Templates.manage(services.readRouter(api -> api.knowledgeArticles(s, null,
                page == null ? 0 : Math.max(0, page), 20)), s);
    }

    @GET
    @Path("/new")
    @RolesAllowed({"dept-agent", "admin"})
    public TemplateInstance newArticle() {
        Map<String, String> values = new LinkedHashMap<>();
        if (ui.department() != null) {
            values.put("departmentCode", ui.department());
        }
        return Templates.editor(null, values, Map.of(), null, categories());
    }

    @POST
    @RolesAllowed({"dept-agent", "admin"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> fields) {
        Form form = new Form(fields);
        try {
            KnowledgeArticle created = services.writeRouter(api -> api.createKnowledgeArticle(body(form)));
            return Response.seeOther(URI.create("/knowledge/" + created.id())).build();
        } catch (ServiceProblem problem) {
            if (!problem.isClientError()) {
                throw problem;
            }
            return Response.status(problem.status()).entity(Templates.editor(null, form.values(), problem.fieldErrors(),
                    Problems.message(problem), categories()).render()).build();
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance article(@PathParam("id") String id, @QueryParam("version") String version) {
        return page(id, version, null, Map.of());
    }

    @GET
    @Path("/{id}/edit")
    @RolesAllowed({"dept-agent", "admin"})
    public TemplateInstance edit(@PathParam("id") String id) {
        KnowledgeArticle article = services.readRouter(api -> api.knowledgeArticle(id));
        KnowledgeArticle.Version latest = article.latest() != null ? article.latest() : article.published();
        Map<String, String> values = new LinkedHashMap<>();
        if (latest != null) {
            putIfPresent(values, "categoryCode", latest.categoryCode());
            putIfPresent(values, "titleZh", latest.titleZh());
            putIfPresent(values, "titleEn", latest.titleEn());
            putIfPresent(values, "bodyZh", latest.bodyZh());
            putIfPresent(values, "bodyEn", latest.bodyEn());
            putIfPresent(values, "validFrom", latest.validFrom());
            putIfPresent(values, "validTo", latest.validTo());
            if (latest.keywords() != null) {
                values.put("keywords", String.join("，", latest.keywords()));
            }
        }
        values.put("baseVersion", String.valueOf(article.latestVersion()));
        return Templates.editor(article, values, Map.of(), null, categories());
    }

    @POST
    @Path("/{id}")
    @RolesAllowed({"dept-agent", "admin"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        Form form = new Form(fields);
        try {
            services.writeRouter(api -> api.editKnowledgeArticle(id, body(form)));
            return Response.seeOther(URI.create("/knowledge/" + id)).build();
        } catch (ServiceProblem problem) {
            if (!problem.isClientError()) {
                throw problem;
            }
            KnowledgeArticle article = services.readRouter(api -> api.knowledgeArticle(id));
            return Response.status(problem.status()).entity(Templates.editor(article, form.values(), problem.fieldErrors(),
                    Problems.message(problem), categories()).render()).build();
        }
    }

    @POST
    @Path("/{id}/versions/{version}/submission")
    @RolesAllowed({"dept-agent", "admin"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@PathParam("id") String id, @PathParam("version") String version) {
        try {
            services.writeRouter(api -> api.submitKnowledgeVersion(id, version));
        } catch (ServiceProblem problem) {
            if (!problem.isClientError()) {
                throw problem;
            }
            return Response.status(problem.status()).entity(page(id, null, Problems.message(problem), Map.of()).render()).build();
        }
        return Response.seeOther(URI.create("/knowledge/" + id)).build();
    }

    @POST
    @Path("/{id}/versions/{version}/review")
    @RolesAllowed({"supervisor", "admin"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response review(@PathParam("id") String id, @PathParam("version") String version,
                           MultivaluedMap<String, String> fields) {
        Form form = new Form(fields);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("approve", "approve".equals(form.get("decision")));
        body.put("note", form.get("note"));
        try {
            services.writeRouter(api -> api.reviewKnowledgeVersion(id, version, body));
        } catch (ServiceProblem problem) {
            if (!problem.isClientError()) {
                throw problem;
            }
            return Response.status(problem.status()).entity(page(id, null, Problems.message(problem),
                    problem.fieldErrors()).render()).build();
        }
        return Response.seeOther(URI.create("/knowledge/" + id)).build();
    }

    private TemplateInstance page(String id, String version, String problem, Map<String, String> errors) {
        KnowledgeArticle article = services.readRouter(api -> api.knowledgeArticle(id));
        List<KnowledgeArticle.Version> versions = services.readRouter(api -> api.knowledgeVersions(id));
        KnowledgeArticle.Version shown;
        if (version != null && version.matches("\\d{1,6}")) {
            shown = services.readRouter(api -> api.knowledgeVersion(id, version));
        } else {
            shown = article.published() != null ? article.published() : article.latest();
        }
        return Templates.article(article, shown, versions, problem, errors);
    }

    private static Map<String, Object> body(Form form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("departmentCode", form.get("departmentCode"));
        body.put("categoryCode", form.get("categoryCode"));
        body.put("titleZh", form.get("titleZh"));
        body.put("titleEn", form.get("titleEn"));
        body.put("bodyZh", form.get("bodyZh"));
        body.put("bodyEn", form.get("bodyEn"));
        String keywords = form.get("keywords");
        body.put("keywords", keywords == null ? List.of()
                : new ArrayList<>(Arrays.stream(keywords.split("[,，、;；\\s]+")).filter(k -> !k.isBlank()).toList()));
        body.put("validFrom", form.get("validFrom"));
        body.put("validTo", form.get("validTo"));
        if (form.get("baseVersion") != null) {
            body.put("baseVersion", Integer.valueOf(form.get("baseVersion")));
        }
        body.put("submit", "submit".equals(form.get("action")));
        return body;
    }

    private static void putIfPresent(Map<String, String> values, String field, String value) {
        if (value != null) {
            values.put(field, value);
        }
    }

    /** The catalogue's categories that an article can be filed under: the non-police ones. */
    private List<Category> categories() {
        return reference.categories().stream().filter(c -> !c.police()).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
