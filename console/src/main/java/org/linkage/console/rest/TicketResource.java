package org.linkage.console.rest;

import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.linkage.console.client.Category;
import org.linkage.console.client.ServiceProblem;
import org.linkage.console.client.Services;
import org.linkage.console.ui.Formats;
import org.linkage.console.ui.Ui;
import org.linkage.console.view.CategoryAnswer;
import org.linkage.console.view.Department;
import org.linkage.console.view.DuplicateCandidate;
import org.linkage.console.view.ExtensionRequest;
import org.linkage.console.view.Page;
import org.linkage.console.view.ReplyTemplate;
import org.linkage.console.view.Ticket;
import org.linkage.console.view.TicketAppeals;
import org.linkage.console.view.TicketAttachment;

import java.net.URI;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tickets (工单) for the people of 12345: a unit's inbox by deadline, a ticket's page with exactly the actions the
 * router says this reader may take now, and those actions. The router decides who sees which ticket: another
 * unit's ticket answers 404 there, and so here, whether opened from a list or a pasted URL.
 */
@Path("/tickets")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"dept-agent", "dispatcher", "supervisor"})
public class TicketResource {
    /** The router's action paths the console offers, each with the body fields it sends. */
    static final Set<String> ACTIONS = Set.of("sign", "progress", "reply", "return", "extensions", "assign", "redispatch",
            "uphold", "callback", "close", "reopen", "merge", "police-transfer", "supervision",
            "pause", "park", "resume", "terminate", "clock-decision");

    /** The pages of this console, by template name. */
    static class Templates {
        static TemplateInstance list(Page<Ticket> page, String status, String categoryCode,
                                     List<Category> categories) {
            return View.of("tickets/list", "page", page, "status", status, "categoryCode", categoryCode, "categories", categories);
        }

        /**
         * @param answers        the category's answers the ticket was made with
         * @param replyTemplates the unit's templates ready to insert, for whoever may reply
         * @param attachable     whether the router still takes evidence on the ticket
         */
        static TemplateInstance detail(Ticket ticket, List<CategoryAnswer> answers, List<ReplyTemplate> replyTemplates,
                                       List<TicketAttachment> attachments, boolean attachable,
                                       List<ExtensionRequest> extensions, List<DuplicateCandidate> duplicates,
                                       List<Department> departments, TicketAppeals appeals, String done,
                                       String failedAction, String problem, Map<String, String> errors,
                                       Map<String, String> values) {
            return View.of("tickets/detail", "ticket", ticket, "answers", answers, "replyTemplates", replyTemplates,
                    "attachments", attachments, "attachable", attachable, "extensions", extensions,
                    "duplicates", duplicates, "departments", departments, "appeals", appeals, "done", done,
                    "failedAction", failedAction, "problem", problem, "errors", errors, "values", values);
        }
    }

    @Inject
    Services services;
    @Inject
    Reference reference;
    @Inject
    Ui ui;

    @GET
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("categoryCode") String categoryCode,
                                 @QueryParam("page") Integer page) {
        // A unit's inbox opens on what it still owes, by deadline; "ALL" shows every ticket of the unit.
        // Dispatchers and supervisors see every status, newest first.
        boolean agent = ui.has("dept-agent");
        String chosen = blank(status) == null ? (agent ? "OPEN" : "ALL") : status;
        String s = "OPEN".equals(chosen) || "ALL".equals(chosen) ? null : chosen;
        String state = "OPEN".equals(chosen) ? "open" : null;
        String c = blank(categoryCode);
        int p = page == null ? 0 : Math.max(0, page);
        String sort = agent ? "deadline" : null;
        Page<Ticket> found = services.readRouter(api -> api.tickets(s, c, null, null, null, sort, null, state, p, 50));
        return Templates.list(found, chosen, c, reference.categories());
    }

    @GET
    @Path("/{ref}")
    public TemplateInstance detail(@PathParam("ref") String ref, @QueryParam("done") String done) {
        return page(ref, done != null && (ACTIONS.contains(done) || "attachments".equals(done)) ? done : null, null, null, Map.of(), Map.of());
    }

    /** A reply template put into the reply form's text, filled in from the ticket, for the agent to edit. */
    @GET
    @Path("/{ref}/reply-templates/{id}")
    public TemplateInstance replyTemplate(@PathParam("ref") String ref, @PathParam("id") String id) {
        String text = services.readRouter(api -> api.replyTemplates(ref)).stream()
                .filter(t -> String.valueOf(t.id()).equals(id)).findFirst()
                .map(ReplyTemplate::preview).orElse("");
        return View.of("tickets/reply-answer", "text", text);
    }

    @POST
    @Path("/{ref}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("ref") String ref, @PathParam("action") String action,
                        MultivaluedMap<String, String> fields) {
        if (!ACTIONS.contains(action)) {
            throw new IllegalArgumentException(ui.t("error_unknown_action"));
        }
        Form form = new Form(fields);
        Map<String, Object> body;
        try {
            body = body(action, form);
        } catch (DateTimeParseException badDate) {
            String field = switch (action) {
                case "pause" -> "until";
                case "park" -> "planDate";
                default -> "newResolveBy";
            };
            return Response.status(400).entity(page(ref, null, action, ui.t("error_bad_date"),
                    Map.of(field, ui.t("error_bad_date")), form.values()).render()).build();
        }
        try {
            services.writeRouter(api -> api.act(ref, action, body));
        } catch (ServiceProblem problem) {
            return Response.status(problem.status()).entity(page(ref, null, action, Problems.message(problem),
                    problem.fieldErrors(), form.values()).render()).build();
        }
        return Response.seeOther(URI.create("/tickets/" + ref + "?done=" + action)).build();
    }

    @POST
    @Path("/{ref}/extensions/{id}/decision")
    @RolesAllowed("supervisor")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("ref") String ref, @PathParam("id") String id, MultivaluedMap<String, String> fields) {
        Form form = new Form(fields);
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("approve", "approve".equals(form.get("decision")));
        decision.put("note", form.get("note"));
        try {
            services.writeRouter(api -> api.decideExtension(ref, id, decision));
        } catch (ServiceProblem problem) {
            return Response.status(problem.status()).entity(page(ref, null, "decision", Problems.message(problem),
                    problem.fieldErrors(), form.values()).render()).build();
        }
        return Response.seeOther(URI.create("/tickets/" + ref + "?done=supervision")).build();
    }

    /**
     * An attachment from the ticket page's file field, handed on as it came: the router decides what it is, strips
     * what it must and refuses what it will not take; a refusal is shown on the page beside the panel.
     */
    @POST
    @Path("/{ref}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response attach(@PathParam("ref") String ref, @RestForm("file") FileUpload file) {
        try {
            if (file == null || file.uploadedFile() == null || file.size() == 0) {
                return Response.status(400).entity(page(ref, null, "attachments", ui.t("attachment_choose_file"),
                        Map.of("file", ui.t("attachment_choose_file")), Map.of()).render()).build();
            }
            byte[] content = java.nio.file.Files.readAllBytes(file.uploadedFile());
            services.uploadRouter(api -> api.uploadAttachment(ref, file.fileName(), content));
        } catch (ServiceProblem problem) {
            return Response.status(problem.status()).entity(page(ref, null, "attachments", Problems.message(problem),
                    problem.fieldErrors(), Map.of()).render()).build();
        } catch (java.io.IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
        return Response.seeOther(URI.create("/tickets/" + ref + "?done=attachments")).build();
    }

    /** The file, passed through with the router's type and name and never sniffed or run by the browser. */
    @GET
    @Path("/{ref}/attachments/{id}")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("ref") String ref, @PathParam("id") String id) {
        return Downloads.passThrough(services.readRouter(api -> api.attachment(ref, id)));
    }

    /** The router's request body for each action, from the form's fields (the router validates them). */
    static Map<String, Object> body(String action, Form form) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (action) {
            case "sign", "progress", "uphold", "close" -> {
                body.put("note", form.get("note"));
                // internal unless the person ticks "public": only then may the caller and 311 clients read it
                if ("yes".equals(form.get("public")) && !"uphold".equals(action)) {
                    body.put("visibility", "PUBLIC");
                }
            }
            case "reply" -> body.put("answer", form.get("answer"));
            case "return", "reopen", "police-transfer" -> body.put("reason", form.get("reason"));
            case "extensions" -> {
                body.put("reason", form.get("reason"));
                String until = form.get("newResolveBy");
                body.put("newResolveBy", until == null ? null : Formats.fromInput(until).toString());
            }
            case "assign", "redispatch" -> {
                body.put("departmentCode", form.get("departmentCode"));
                body.put("districtCode", form.get("districtCode"));
                body.put("note", form.get("note"));
            }
            case "callback" -> {
                body.put("satisfied", yesNo(form.get("satisfied")));
                body.put("solved", yesNo(form.get("solved")));
                body.put("note", form.get("note"));
            }
            case "merge" -> body.put("masterTicketNumber", form.get("masterTicketNumber"));
            case "supervision" -> {
                body.put("step", form.get("step"));
                body.put("note", form.get("note"));
            }
            case "pause" -> {
                body.put("reason", form.get("reason"));
                String until = form.get("until");
                body.put("until", until == null ? null : Formats.fromInput(until).toString());
            }
            case "park" -> {
                body.put("reason", form.get("reason"));
                String planDate = form.get("planDate");
                body.put("planDate", planDate == null ? null : java.time.LocalDate.parse(planDate).toString());
            }
            case "resume" -> body.put("note", form.get("note"));
            case "terminate" -> {
                body.put("ground", form.get("ground"));
                body.put("reason", form.get("reason"));
            }
            case "clock-decision" -> {
                body.put("approve", "approve".equals(form.get("decision")));
                body.put("requestId", form.get("requestId"));
                body.put("note", form.get("note"));
            }
            default -> throw new IllegalArgumentException(action);
        }
        return body;
    }

    private TemplateInstance page(String ref, String done, String failedAction, String problem,
                                  Map<String, String> errors, Map<String, String> values) {
        Ticket ticket = services.readRouter(api -> api.ticket(ref));
        List<String> permitted = ticket.permittedActions() == null ? List.of() : ticket.permittedActions();
        String number = ticket.ticketNumber();
        List<CategoryAnswer> answers = services.readRouter(api -> api.ticketAttributes(number));
        List<ReplyTemplate> replyTemplates = permitted.contains("reply")
                ? services.readRouter(api -> api.replyTemplates(number)) : List.of();
        List<ExtensionRequest> extensions = services.readRouter(api -> api.extensions(number));
        List<TicketAttachment> attachments = services.readRouter(api -> api.attachments(number));
        // The router takes evidence until the ticket is final (it answers 409 after), whatever else this reader may do.
        boolean attachable = !Set.of("CLOSED", "MERGED", "TRANSFERRED_TO_POLICE", "TERMINATED")
                .contains(String.valueOf(ticket.status()));
        boolean dispatching = permitted.contains("merge") || permitted.contains("assign") || permitted.contains("redispatch");
        List<DuplicateCandidate> duplicates = permitted.contains("merge") ? sideBySide(services.readRouter(
                api -> api.duplicates(number))) : List.of();
        List<Department> departments = dispatching ? services.readRouter(api -> api.departments()) : List.of();
        return Templates.detail(ticket, answers, replyTemplates, attachments, attachable, extensions, duplicates,
                departments, services.readRouter(api -> api.ticketAppeals(number)), done, failedAction, problem,
                errors, values);
    }

    /** The closest candidates with their own words and place, to compare with this ticket before merging. */
    private List<DuplicateCandidate> sideBySide(List<DuplicateCandidate> candidates) {
        return candidates.stream().limit(5).map(c -> {
            try {
                return c.beside(services.readRouter(api -> api.ticket(c.ticketNumber())));
            } catch (ServiceProblem notReadable) {
                // listed without its text when the reader may not open it
                return c;
            }
        }).toList();
    }

    private static Boolean yesNo(String value) {
        return value == null ? null : "yes".equals(value);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
