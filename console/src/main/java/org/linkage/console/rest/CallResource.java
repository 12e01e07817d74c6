package org.linkage.console.rest;

import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.linkage.console.client.Category;
import org.linkage.console.client.District;
import org.linkage.console.client.Requests;
import org.linkage.console.client.ServiceProblem;
import org.linkage.console.client.Services;
import org.linkage.console.ui.Ui;
import org.linkage.console.view.CallAttachment;
import org.linkage.console.view.CallDetail;
import org.linkage.console.view.CallSummary;
import org.linkage.console.view.CallerHistory;
import org.linkage.console.view.ClassificationPreview;
import org.linkage.console.view.Contact;
import org.linkage.console.view.KnowledgeArticle;
import org.linkage.console.view.KnowledgeHit;
import org.linkage.console.view.Page;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The call-taker's console (接警): the keyboard-first call form with its live classification preview, one-key
 * transfer or an override with reasons, the call list and each call's whole story. Officers use the list too.
 */
@Path("/calls")
@Produces(MediaType.TEXT_HTML)
public class CallResource {
    /** The pages of this console, by template name. */
    static class Templates {
        static TemplateInstance form(Map<String, String> values, Map<String, String> errors, String problem,
                                            List<District> districts, List<Category> categories,
                                            String idempotencyKey) {
            return View.of("calls/form", "values", values, "errors", errors, "problem", problem, "districts", districts, "categories", categories, "idempotencyKey", idempotencyKey,
                    "answers", answers(values));
        }

        static TemplateInstance preview(ClassificationPreview preview, Category category, String problem,
                                        List<KnowledgeHit> suggestions) {
            return preview(preview, category, problem, suggestions, Map.of());
        }

        /** @param answers what the call-taker already typed into the category's questions, kept as the text changes */
        static TemplateInstance preview(ClassificationPreview preview, Category category, String problem,
                                        List<KnowledgeHit> suggestions, Map<String, String> answers) {
            List<ClassificationPreview.Question> questions = preview == null || preview.questions() == null ? List.of()
                    : preview.questions();
            return View.of("calls/preview", "preview", preview, "category", category, "problem", problem,
                    "suggestions", suggestions, "questions", questions, "answers", answers);
        }

        static TemplateInstance list(Page<CallSummary> page, String text, String disposition, String code) {
            return View.of("calls/list", "page", page, "text", text, "disposition", disposition, "code", code);
        }

        static TemplateInstance rows(Page<CallSummary> page, String text, String disposition) {
            return View.of("calls/rows", "page", page, "text", text, "disposition", disposition);
        }

        static TemplateInstance history(CallerHistory history) {
            return View.of("calls/history", "history", history);
        }

        static TemplateInstance detail(CallDetail call, List<CallAttachment> attachments, boolean attachable,
                                       Contact contact, List<Category> categories, Map<String, String> errors,
                                       String problem, Map<String, String> values,
                                       List<KnowledgeHit> suggestions) {
            return View.of("calls/detail", "call", call, "attachments", attachments, "attachable", attachable,
                    "contact", contact, "categories", categories, "errors", errors,
                    "problem", problem, "values", values, "suggestions", suggestions);
        }
    }

    @Inject
    Services services;
    @Inject
    Ui ui;
    @Inject
    Reference reference;

    /** The form's answers to the category's questions: fields named {@code attr.<code>}, by code. */
    static Map<String, String> answers(Map<String, String> values) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(ATTRIBUTE) && k.length() > ATTRIBUTE.length() && v != null && !v.isBlank()) {
                out.put(k.substring(ATTRIBUTE.length()), v.strip());
            }
        });
        return out;
    }

    private static final String ATTRIBUTE = "attr.";

    private static Map<String, String> nullIfEmpty(Map<String, String> m) {
        return m.isEmpty() ? null : m;
    }

    @GET
    @Path("/new")
    public TemplateInstance newCall() {
        return form(Map.of("channel", "PHONE"), Map.of(), null);
    }

    /** Classification as the call-taker types: nothing is written. */
    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance preview(MultivaluedMap<String, String> fields) {
        Form form = new Form(fields);
        String content = form.get("content");
        if (content == null) {
            return Templates.preview(null, null, null, List.of());
        }
        try {
            ClassificationPreview preview = services.readIntake(api -> api.preview(new Requests.Preview(content, form.get("title"))));
            return Templates.preview(preview, reference.categoriesByCode().get(String.valueOf(preview.categoryCode())), null,
                    suggestions(content, preview.disposition(), preview.categoryCode()), answers(form.values()));
        } catch (ServiceProblem problem) {
            return Templates.preview(null, null, Problems.message(problem), List.of());
        } catch (FaultToleranceException unanswered) {
            // The preview is a hint while typing: a slow classifier says so in the panel and the form keeps working.
            return Templates.preview(null, null, ui.t("error_unavailable_text"), List.of());
        }
    }

    /**
     * Records the call. {@code action=confirm} is the one-key transfer (一键转接): the suggestion is decided in
     * the same request. {@code action=override} records the call, then the call-taker's own decision with its
     * reason. {@code action=hold} records it undecided, to decide on the call's page.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(MultivaluedMap<String, String> fields) {
        Form form = new Form(fields);
        String action = form.get("action") == null ? "confirm" : form.get("action");
        if ("override".equals(action) && (form.get("overrideDisposition") == null || form.get("overrideReason") == null)) {
            return Response.status(400).entity(form(form.values(), Map.of(
                    "overrideDisposition", ui.t("override_needs_disposition"),
                    "overrideReason", ui.t("override_needs_reason")), ui.t("override_incomplete")).render()).build();
        }
        Requests.NewCall call = new Requests.NewCall(form.get("channel"), form.get("callerPhone"), form.get("callerName"),
                form.get("address"), form.get("districtCode"), form.get("title"), form.get("content"),
                form.get("urgency"), "confirm".equals(action), "true".equals(form.get("confidential")),
                nullIfEmpty(answers(form.values())));
        // The key is made when the form is shown, so a double submit or a resubmit after a lost answer files one call.
        String key = form.get("idempotencyKey") == null ? UUID.randomUUID().toString() : form.get("idempotencyKey");
        CallDetail created;
        try {
            created = services.writeIntake(api -> api.submit(key, call));
        } catch (ServiceProblem problem) {
            return Response.status(problem.status()).entity(form(form.values(), problem.fieldErrors(),
                    Problems.message(problem)).render()).build();
        }
        String id = created.id();
        if ("override".equals(action)) {
            try {
                services.writeIntake(api -> api.override(id, new Requests.Override(form.get("overrideDisposition"),
                        form.get("overrideCategory"), form.get("overrideReason"), form.get("urgency"))));
            } catch (ServiceProblem problem) {
                // The call is recorded; its page shows the decision still open, with why the override was refused.
                return Response.status(problem.status()).entity(detailPage(id, null, problem.fieldErrors(),
                        Problems.message(problem), form.values()).render()).build();
            }
        }
        return Response.seeOther(URI.create("/calls/" + id + "?new=1")).build();
    }

    @GET
    public TemplateInstance list(@QueryParam("text") String text, @QueryParam("disposition") String disposition,
                                 @QueryParam("page") Integer page) {
        return Templates.list(page(text, disposition, page), text, disposition, null);
    }

    /** The table alone, for the search box and the list's refresh while tickets move. */
    @GET
    @Path("/rows")
    public TemplateInstance rows(@QueryParam("text") String text, @QueryParam("disposition") String disposition,
                                 @QueryParam("page") Integer page) {
        return Templates.rows(page(text, disposition, page), text, disposition);
    }

    /** A caller calling back quotes the code given at the first call. */
    @GET
    @Path("/lookup")
    public Response lookup(@QueryParam("code") String code) {
        if (code == null || code.isBlank()) {
            return Response.seeOther(URI.create("/calls")).build();
        }
        String normal = code.strip().toUpperCase(java.util.Locale.ROOT);
        try {
            CallDetail call = services.readIntake(api -> api.byRetrievalCode(normal));
            return Response.seeOther(URI.create("/calls/" + call.id())).build();
        } catch (ServiceProblem problem) {
            if (problem.status() == 404 || problem.status() == 400) {
                return Response.status(404).entity(Templates.list(page(null, null, 0), null, null, normal).render()).build();
            }
            throw problem;
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance detail(@PathParam("id") String id) {
        return detailPage(id, null, Map.of(), null, Map.of());
    }

    /**
     * The caller's history and risk warnings (来电历史 / 风险预警), loaded by the call page after it is shown: intake
     * computes it on demand, never while the call is being submitted.
     */
    @GET
    @Path("/{id}/history")
    public TemplateInstance history(@PathParam("id") String id) {
        return Templates.history(services.readIntake(api -> api.callerHistory(id)));
    }

    /** The full contact, shown once and audited by intake (CONTACT_VIEWED). */
    @POST
    @Path("/{id}/contact")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance contact(@PathParam("id") String id) {
        Contact contact = services.readIntake(api -> api.contact(id));
        return detailPage(id, contact, Map.of(), null, Map.of());
    }

    /**
     * An attachment from the call page's file field, handed on as it came: intake decides what it is, strips what it
     * must and refuses what it will not take; a refusal is shown on the page.
     */
    @POST
    @Path("/{id}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response attach(@PathParam("id") String id, @org.jboss.resteasy.reactive.RestForm("file")
                           org.jboss.resteasy.reactive.multipart.FileUpload file) {
        try {
            if (file == null || file.uploadedFile() == null || file.size() == 0) {
                return Response.status(400).entity(detailPage(id, null, Map.of("file", ui.t("attachment_choose_file")),
                        ui.t("attachment_choose_file"), Map.of()).render()).build();
            }
            byte[] content = java.nio.file.Files.readAllBytes(file.uploadedFile());
            services.uploadIntake(api -> api.uploadAttachment(id, file.fileName(), content));
        } catch (ServiceProblem problem) {
            return Response.status(problem.status()).entity(detailPage(id, null, problem.fieldErrors(),
                    Problems.message(problem), Map.of()).render()).build();
        } catch (java.io.IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
        return Response.seeOther(URI.create("/calls/" + id + "#attachments")).build();
    }

    /** The file, passed through with intake's type and name and never sniffed or run by the browser. */
    @GET
    @Path("/{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId) {
        return Downloads.passThrough(services.readIntake(api -> api.attachment(id, attachmentId)));
    }

    @POST
    @Path("/{id}/confirmation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("id") String id) {
        try {
            services.writeIntake(api -> api.confirm(id));
        } catch (ServiceProblem problem) {
            return Response.status(problem.status()).entity(detailPage(id, null, Map.of(), Problems.message(problem),
                    Map.of()).render()).build();
        }
        return Response.seeOther(URI.create("/calls/" + id)).build();
    }

    @POST
    @Path("/{id}/override")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response override(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        Form form = new Form(fields);
        try {
            services.writeIntake(api -> api.override(id, new Requests.Override(form.get("disposition"),
                    form.get("categoryCode"), form.get("reason"), form.get("urgency"))));
        } catch (ServiceProblem problem) {
            return Response.status(problem.status()).entity(detailPage(id, null, problem.fieldErrors(),
                    Problems.message(problem), form.values()).render()).build();
        }
        return Response.seeOther(URI.create("/calls/" + id)).build();
    }

    /** 三方通话 in data: the undecided call goes to 12345 with the call-taker's hand-over note. */
    @POST
    @Path("/{id}/consultation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response consultation(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        Form form = new Form(fields);
        Requests.Consultation body = new Requests.Consultation(form.get("consultationNote"));
        try {
            services.writeIntake(api -> api.requestConsultation(id, body));
        } catch (ServiceProblem problem) {
            if (!problem.isClientError()) {
                throw problem;
            }
            Map<String, String> errors = problem.fieldErrors().containsKey("note")
                    ? Map.of("consultationNote", problem.fieldErrors().get("note")) : problem.fieldErrors();
            return Response.status(problem.status()).entity(detailPage(id, null, errors, Problems.message(problem),
                    form.values()).render()).build();
        }
        return Response.seeOther(URI.create("/calls/" + id)).build();
    }

    /**
     * 咨询直接答复: the call-taker ticks the articles the answer came from. Each is read from the router first, so
     * the call records the published version and title the caller was told, and an article withdrawn meanwhile is
     * refused here rather than cited.
     */
    @POST
    @Path("/{id}/answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        Form form = new Form(fields);
        List<String> chosen = fields.getOrDefault("article", List.of()).stream().filter(a -> a.matches("\\d{1,12}"))
                .distinct().toList();
        if (chosen.isEmpty()) {
            return Response.status(400).entity(detailPage(id, null, Map.of("article", ui.t("answer_needs_article")),
                    ui.t("answer_needs_article"), form.values()).render()).build();
        }
        List<Requests.CitedArticle> cited = new java.util.ArrayList<>();
        try {
            for (String articleId : chosen) {
                KnowledgeArticle article = services.readRouter(api -> api.knowledgeArticle(articleId));
                KnowledgeArticle.Version published = article.published();
                if (published == null || !article.validNow()) {
                    return Response.status(409).entity(detailPage(id, null, Map.of(), ui.t("answer_article_unpublished"),
                            form.values()).render()).build();
                }
                cited.add(new Requests.CitedArticle(article.id(), published.version(), String.valueOf(published.titleZh())));
            }
            Requests.Answer body = new Requests.Answer(cited, form.get("note"));
            services.writeIntake(api -> api.answer(id, body));
        } catch (ServiceProblem problem) {
            if (!problem.isClientError()) {
                throw problem;
            }
            return Response.status(problem.status()).entity(detailPage(id, null, problem.fieldErrors(),
                    Problems.message(problem), form.values()).render()).build();
        }
        return Response.seeOther(URI.create("/calls/" + id)).build();
    }

    private TemplateInstance detailPage(String id, Contact contact, Map<String, String> errors,
                                        String problem, Map<String, String> values) {
        CallDetail call = services.readIntake(api -> api.call(id));
        List<CallAttachment> attachments = services.readIntake(api -> api.attachments(id));
        boolean attachable = ui.has("call-taker") || ui.has("officer");
        boolean pending = "PENDING".equals(call.decision());
        List<Category> categories = pending ? reference.categories() : List.of();
        CallDetail.Classification classification = call.classification();
        List<KnowledgeHit> suggestions = pending
                ? suggestions(call.content(), classification == null ? null : classification.disposition(),
                classification == null ? null : classification.categoryCode())
                : List.of();
        return Templates.detail(call, attachments, attachable, contact, categories, errors, problem, values, suggestions);
    }

    /**
     * Knowledge-base articles that may answer the call, for whoever may read them. Never for a police matter: such a
     * call is not answered from an article. A knowledge base that cannot answer leaves the call-taker's form working.
     */
    private List<KnowledgeHit> suggestions(String content, String disposition, String categoryCode) {
        if (!ui.has("call-taker") || "POLICE".equals(disposition) || "JOINT".equals(disposition) || content == null) {
            return List.of();
        }
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("text", content.length() > 4000 ? content.substring(0, 4000) : content);
        if (categoryCode != null && categoryCode.matches("[A-Z_]{2,40}")) {
            body.put("categoryCode", categoryCode);
        }
        try {
            return services.readRouter(api -> api.knowledgeSuggestions(body, 5));
        } catch (ServiceProblem | FaultToleranceException unavailable) {
            return List.of();
        }
    }

    private Page<CallSummary> page(String text, String disposition, Integer page) {
        String t = text == null || text.isBlank() ? null : text.strip();
        String d = disposition == null || disposition.isBlank() ? null : disposition;
        return services.readIntake(api -> api.calls(t, d, null, null, page == null ? 0 : Math.max(0, page), 20));
    }

    private TemplateInstance form(Map<String, String> values, Map<String, String> errors, String problem) {
        return Templates.form(values, errors, problem, reference.districts(), reference.categories(),
                values.getOrDefault("idempotencyKey", UUID.randomUUID().toString()));
    }
}
