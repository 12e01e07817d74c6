package org.linkage.console.rest;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.linkage.console.client.ServiceProblem;
import org.linkage.console.ui.Messages;
import org.linkage.console.ui.Ui;

/**
 * A page whose service refused or failed shows what happened in words, with the service's status, never a
 * stack trace or a blank page. 404 and 403 read the same to a person: not found or not yours.
 */
public class Problems {
    private static final Logger LOG = Logger.getLogger(Problems.class);

    /** The pages of this console, by template name. */
    static class Templates {
        static TemplateInstance error(String title, String message, String detail) {
            return View.of("error", "title", title, "message", message, "detail", detail);
        }
    }

    @ServerExceptionMapper
    public Response page(ServiceProblem problem) {
        if (problem.status() >= 500) {
            LOG.warnf("a service failed a page: %s", problem.getMessage());
        }
        return Response.status(problem.status() == 403 ? 404 : problem.status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(title(problem), message(problem),
                        // what Jackson could not read quotes the service's answer: the log has it, the page does not
                        problem instanceof org.linkage.console.client.Services.ServiceAnswerUnreadable ? null
                                : problem.detail()).render()).build();
    }

    /**
     * What the person typed that the console itself refuses (a date, a month, an action it does not know): a 400
     * naming it. Logged, with where it was thrown, so a 400 that is not the person's doing (a value of a service's
     * answer a formatter cannot take) is seen in the log and not only on the screen.
     */
    @ServerExceptionMapper
    public Response badForm(IllegalArgumentException invalid) {
        StackTraceElement at = invalid.getStackTrace().length == 0 ? null : invalid.getStackTrace()[0];
        LOG.warnf("a page refused its input as bad: %s: %s (at %s)", invalid.getClass().getName(), invalid.getMessage(), at);
        String lang = Ui.current().lang();
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(Messages.text(lang, "error_bad_request"), invalid.getMessage(), null).render())
                .build();
    }

    /**
     * A service that did not answer in time, or whose breaker is open, is unavailable like one that answered 5xx:
     * said so in words with a 503, not an unexpected error with an id to quote.
     */
    @ServerExceptionMapper
    public Response unavailable(org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException failure) {
        LOG.warnf("a service did not answer a page: %s", failure.toString());
        String lang = Ui.current().lang();
        return Response.status(503).type(MediaType.TEXT_HTML_TYPE).entity(Templates.error(
                Messages.text(lang, "error_unavailable"), Messages.text(lang, "error_unavailable_text"), null).render())
                .build();
    }

    /** A page of another role's console: said in words, like a record that is not yours. */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException denied) {
        String lang = Ui.current().lang();

        return Response.status(403).type(MediaType.TEXT_HTML_TYPE).entity(Templates.error(
                Messages.text(lang, "error_forbidden"), Messages.text(lang, "error_forbidden_text"), null).render()).build();
    }

    /** Anything unforeseen: logged with an id the person can quote, shown as a sentence, never a stack trace. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(RuntimeException failure) {
        if (failure instanceof jakarta.ws.rs.WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            if (status != 404 && status != 401 && status != 403) {
                LOG.warnf("a page answered %d: %s", status, failure.toString());
            }
            return web.getResponse();
        }
        String id = java.util.UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(failure, "console page failed (error id %s)", id);
        String lang = Ui.current().lang();
        return Response.status(500).type(MediaType.TEXT_HTML_TYPE).entity(Templates.error(
                Messages.text(lang, "error_unexpected"), Messages.text(lang, "error_unexpected_text"), "ID " + id).render())
                .build();
    }

    static String title(ServiceProblem problem) {
        String lang = Ui.current().lang();
        if (problem instanceof org.linkage.console.client.Services.ServiceAnswerUnreadable) {
            return Messages.text(lang, "error_upstream");
        }
        return switch (problem.status()) {
            case 403, 404 -> Messages.text(lang, "error_not_found");
            case 409 -> Messages.text(lang, "error_conflict");
            case 400, 422 -> Messages.text(lang, "error_bad_request");
            case 401 -> Messages.text(lang, "error_session");
            default -> problem.status() >= 500 ? Messages.text(lang, "error_unavailable") : problem.title();
        };
    }

    /**
     * A sentence in the person's language for what happened, the fields the service named (by their labels), and the
     * service's own words beside them, which name the rule (they are the service's, often in English).
     */
    static String message(ServiceProblem problem) {
        String lang = Ui.current().lang();
        if (problem.status() == 403 || problem.status() == 404) {
            return Messages.text(lang, "error_not_found_text");
        }
        if (problem instanceof org.linkage.console.client.Services.ServiceAnswerUnreadable) {
            return Messages.text(lang, "error_upstream_text");
        }
        if (problem.status() >= 500) {
            return Messages.text(lang, "error_unavailable_text");
        }
        StringBuilder text = new StringBuilder(Messages.text(lang, problem.status() == 409 ? "error_conflict_text"
                : problem.status() == 401 ? "error_session_text" : "error_bad_request_text"));
        problem.fieldErrors().forEach((field, why) -> text.append(" ")
                .append(Messages.label(lang, "field", field)).append(": ").append(why).append("."));
        String own = problem.detail() != null ? problem.detail() : problem.title();
        if (own != null && !own.isBlank() && problem.fieldErrors().isEmpty()) {
            text.append(" (").append(own).append(")");
        }
        return text.toString();
    }
}
