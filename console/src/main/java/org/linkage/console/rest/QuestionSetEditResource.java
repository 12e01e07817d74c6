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
import org.linkage.console.client.ServiceProblem;
import org.linkage.console.client.Services;
import org.linkage.console.view.QuestionSetEdit;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue's per-category questions (分类必填项) for administrators: every category that asks something, and one
 * category's questions as rows to change, saved as a new version. A row without a code is left out, so blank rows at
 * the end add questions and clearing a code removes one. Choices are written one a line as {@code key|中文|English}.
 */
@Path("/admin/questions")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("admin")
public class QuestionSetEditResource {
    static final List<String> DATATYPES = List.of("TEXT", "NUMBER", "DATE", "CHOICE");
    private static final int BLANK_ROWS = 2;

    @Inject
    Services services;

    @GET
    public TemplateInstance list(@QueryParam("categoryCode") String categoryCode) {
        if (categoryCode != null && categoryCode.strip().matches("[A-Z_]{2,40}")) {
            return editPage(categoryCode.strip(), false, null, Map.of(), null);
        }
        return View.of("admin/questions", "sets", services.readRouter(api -> api.questionSets()), "saved", false,
                "problem", null);
    }

    @GET
    @Path("{category:[A-Z_]{2,40}}")
    public TemplateInstance edit(@PathParam("category") String category, @QueryParam("saved") String saved) {
        return editPage(category, saved != null, null, Map.of(), null);
    }

    @POST
    @Path("{category:[A-Z_]{2,40}}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("category") String category, MultivaluedMap<String, String> fields) {
        Form form = new Form(fields);
        List<Map<String, Object>> questions = questions(form);
        // the choices as typed are for re-filling the form; the router reads the values
        List<Map<String, Object>> asked = questions.stream().map(q -> {
            Map<String, Object> copy = new LinkedHashMap<>(q);
            copy.remove("choices");
            return copy;
        }).toList();
        try {
            services.writeRouter(api -> api.saveQuestionSet(category, Map.of("questions", asked)));
        } catch (ServiceProblem problem) {
            return Response.status(problem.status()).entity(editPage(category, false, Problems.message(problem),
                    problem.fieldErrors(), questions).render()).build();
        }
        return Response.seeOther(URI.create("/admin/questions/" + category + "?saved=1")).build();
    }

    private TemplateInstance editPage(String category, boolean saved, String problem, Map<String, String> errors,
                                      List<Map<String, Object>> typed) {
        List<QuestionSetEdit> versions = services.readRouter(api -> api.questionSetVersions(category));
        QuestionSetEdit current = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        List<Map<String, Object>> rows = typed != null ? new ArrayList<>(typed) : new ArrayList<>();
        if (typed == null && current != null) {
            current.questions().forEach(q -> rows.add(row(q)));
        }
        for (int i = 0; i < BLANK_ROWS; i++) {
            rows.add(Map.of("code", "", "datatype", "TEXT", "required", false, "labelZh", "", "labelEn", "",
                    "choices", ""));
        }
        return View.of("admin/question-set", "category", category, "set", current,
                "versions", versions, "rows", rows, "datatypes", DATATYPES, "saved", saved, "problem", problem,
                "errors", errors);
    }

    private static Map<String, Object> row(QuestionSetEdit.Question q) {
        StringBuilder choices = new StringBuilder();
        if (q.values() != null) {
            q.values().forEach(c -> choices.append(c.key()).append('|').append(c.nameZh()).append('|')
                    .append(c.nameEn()).append('\n'));
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("code", q.code());
        row.put("datatype", q.datatype());
        row.put("required", q.required());
        row.put("labelZh", q.labelZh());
        row.put("labelEn", q.labelEn());
        row.put("choices", choices.toString().strip());
        return row;
    }

    /** The rows of the form as the router's questions, in their order; a row without a code is no question. */
    static List<Map<String, Object>> questions(Form form) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < 200 && form.fields() != null && form.fields().containsKey("q" + i + "_datatype"); i++) {
            String code = form.get("q" + i + "_code");
            if (code == null) {
                continue;
            }
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("code", code);
            q.put("datatype", form.get("q" + i + "_datatype"));
            q.put("required", form.checked("q" + i + "_required"));
            q.put("labelZh", form.get("q" + i + "_labelZh"));
            q.put("labelEn", form.get("q" + i + "_labelEn"));
            List<Map<String, Object>> values = new ArrayList<>();
            String choices = form.get("q" + i + "_choices");
            if (choices != null) {
                for (String line : choices.split("\\R")) {
                    String[] parts = line.strip().split("\\|", -1);
                    if (parts.length > 0 && !parts[0].isBlank()) {
                        values.add(Map.of("key", parts[0].strip(), "nameZh", parts.length > 1 ? parts[1].strip() : "",
                                "nameEn", parts.length > 2 ? parts[2].strip() : ""));
                    }
                }
            }
            q.put("values", values);
            q.put("choices", choices == null ? "" : choices);
            out.add(q);
        }
        return out;
    }
}
