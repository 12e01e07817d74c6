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
import org.linkage.console.client.District;
import org.linkage.console.client.ServiceProblem;
import org.linkage.console.client.Services;
import org.linkage.console.ui.Ui;
import org.linkage.console.view.AnsweredContact;
import org.linkage.console.view.KnowledgeHit;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 咨询直接答复 for 12345 dispatchers: a question that reached 12345 directly, answered on the spot from the knowledge
 * base, closed with the articles cited and no ticket. The router checks the articles are published and valid today.
 */
@Path("/answers")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("dispatcher")
public class AnswerResource {
    static class Templates {
        static TemplateInstance form(Map<String, String> values, List<String> chosen, List<KnowledgeHit> hits,
                                     Map<String, String> errors, String problem, String idempotencyKey,
                                     List<Category> categories, List<District> districts) {
            return View.of("answers/form", "values", values, "chosen", chosen, "hits", hits, "errors", errors,
                    "problem", problem, "idempotencyKey", idempotencyKey, "categories", categories,
                    "districts", districts);
        }

        static TemplateInstance articles(List<KnowledgeHit> hits, List<String> chosen, String problem) {
            return View.of("answers/articles", "hits", hits, "chosen", chosen, "problem", problem);
        }

        static TemplateInstance done(AnsweredContact contact) {
            return View.of("answers/done", "contact", contact);
        }
    }

    @Inject
    Services services;
    @Inject
    Reference reference;
    @Inject
    Ui ui;

    @GET
    @Path("/new")
    public TemplateInstance form() {
        return Templates.form(Map.of("channel", "PHONE"), List.of(), List.of(), Map.of(), null,
                UUID.randomUUID().toString(), reference.categories(), reference.districts());
    }

    /** Articles that may answer the question as it is typed: suggestions from the text, or a search of the words. */
    @GET
    @Path("/articles")
    public TemplateInstance articles(@QueryParam("content") String content, @QueryParam("q") String q,
                                     @QueryParam("categoryCode") String categoryCode) {
        try {
            return Templates.articles(find(content, q, categoryCode), List.of(), null);
        } catch (ServiceProblem problem) {
            if (!problem.isClientError()) {
                throw problem;
            }
            return Templates.articles(List.of(), List.of(), Problems.message(problem));
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(MultivaluedMap<String, String> fields) {
        Form form = new Form(fields);
        List<String> chosen = chosen(fields);
        String key = form.get("idempotencyKey") == null ? UUID.randomUUID().toString() : form.get("idempotencyKey");
        if (chosen.isEmpty()) {
            return again(form, chosen, Map.of("articleIds", ui.t("answer_needs_article")), ui.t("answer_needs_article"), key);
        }
        Map<String, Object> body = body(form);
        AnsweredContact created;
        try {
            created = services.writeRouter(api -> api.answerContact(key, body));
        } catch (ServiceProblem problem) {
            if (!problem.isClientError()) {
                throw problem;
            }
            return again(form, chosen, problem.fieldErrors(), Problems.message(problem), key);
        }
        return Response.seeOther(URI.create("/answers/" + created.contactNumber())).build();
    }

    @GET
    @Path("/{number}")
    public TemplateInstance done(@PathParam("number") String number) {
        return Templates.done(services.readRouter(api -> api.answeredContact(number)));
    }

    /** The ticked articles, each once, in the order ticked. */
    static List<String> chosen(MultivaluedMap<String, String> fields) {
        return fields.getOrDefault("article", List.of()).stream().filter(a -> a.matches("\\d{1,12}")).distinct().toList();
    }

    /** What the router's POST /api/contacts/answered takes; blank fields absent for the router to judge. */
    static Map<String, Object> body(Form form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", form.get("channel") == null ? "PHONE" : form.get("channel"));
        body.put("content", form.get("content"));
        body.put("categoryCode", form.get("categoryCode"));
        body.put("districtCode", form.get("districtCode"));
        body.put("articleIds", chosen(form.fields()).stream().map(Long::valueOf).toList());
        body.put("note", form.get("note"));
        return body;
    }

    /** The form again with what was typed and ticked, so nothing is lost to a refusal. */
    private Response again(Form form, List<String> chosen, Map<String, String> errors, String problem, String key) {
        List<KnowledgeHit> hits;
        try {
            hits = find(form.get("content"), form.get("q"), form.get("categoryCode"));
        } catch (ServiceProblem | org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException e) {
            hits = List.of();
        }
        List<KnowledgeHit> marked = hits.stream().map(h -> h.chosen(chosen.contains(String.valueOf(h.id())))).toList();
        return Response.status(400).entity(Templates.form(form.values(), chosen, marked, errors, problem, key,
                reference.categories(), reference.districts()).render()).build();
    }

    private List<KnowledgeHit> find(String content, String q, String categoryCode) {
        String category = categoryCode == null || !categoryCode.matches("[A-Z_]{2,40}") ? null : categoryCode;
        if (q != null && !q.isBlank()) {
            String query = q.strip();
            return services.readRouter(api -> api.searchKnowledge(query.length() > 200 ? query.substring(0, 200) : query,
                    category, 10));
        }
        if (content == null || content.isBlank()) {
            return List.of();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", content.length() > 4000 ? content.substring(0, 4000) : content);
        if (category != null) {
            body.put("categoryCode", category);
        }
        return services.readRouter(api -> api.knowledgeSuggestions(body, 5));
    }
}
