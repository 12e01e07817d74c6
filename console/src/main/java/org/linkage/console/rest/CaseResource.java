package org.linkage.console.rest;

import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.linkage.console.client.PublicCaseApi;
import org.linkage.console.client.Requests;
import org.linkage.console.client.ServiceProblem;
import org.linkage.console.ui.Messages;
import org.linkage.console.ui.Ui;
import org.linkage.console.view.PublicCase;

import java.net.URI;

/**
 * The public part of the console (issue 12): a caller types the ticket number and retrieval code from their text
 * message and reads where their case stands. No login: the path is permitted anonymously in the OIDC configuration
 * ({@code quarkus.http.auth.permission.public-case}), and the bridge is called without a token. The code is posted,
 * never put in the URL, so it stays out of browser history and access logs.
 */
@Path("/case")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class CaseResource {
    @Inject
    @RestClient
    PublicCaseApi api;
    @Inject
    Ui ui;
    @Inject
    io.vertx.core.http.HttpServerRequest http;

    @GET
    public TemplateInstance form() {
        return page("", null, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response lookup(MultivaluedMap<String, String> fields) {
        String number = trim(fields.getFirst("ticketNumber"));
        String code = trim(fields.getFirst("retrievalCode"));
        if (number.isEmpty() || code.isEmpty()) {
            return Response.status(400).entity(page(number, null, ui.t("case_missing"), null)).build();
        }
        Requests.CaseLookup request = new Requests.CaseLookup(number, code);
        try {
            // the caller's address as the console's own proxy settings resolved it
            String caller = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
            return Response.ok(page(number, api.lookup(request, caller), null, null)).build();
        } catch (ServiceProblem p) {
            String message = switch (p.status()) {
                case 404 -> ui.t("case_not_found");
                case 429 -> ui.t("case_too_many");
                case 400 -> ui.t("case_malformed");
                default -> ui.t("case_unavailable");
            };
            Object retry = p.status() == 429 && p.body() != null ? p.body().get("retryAfter") : null;
            Response.ResponseBuilder answer = Response.status(p.status() >= 500 ? 503 : p.status())
                    .entity(page(number, null, message, retry));
            return retry == null ? answer.build() : answer.header("Retry-After", retry).build();
        } catch (RuntimeException e) {
            return Response.status(503).entity(page(number, null, ui.t("case_unavailable"), null)).build();
        }
    }

    /** The language switch of the public page: same cookie as the consoles', back to the empty form. */
    @GET
    @Path("lang/{lang}")
    public Response language(@PathParam("lang") String lang) {
        String chosen = Messages.LANGUAGES.contains(lang) ? lang : "zh";
        NewCookie cookie = new NewCookie.Builder(Ui.LANG_COOKIE).value(chosen).path("/").maxAge(365 * 86_400)
                .sameSite(NewCookie.SameSite.LAX).httpOnly(true).build();
        return Response.seeOther(URI.create("/case")).cookie(cookie).build();
    }

    private static TemplateInstance page(String number, PublicCase found, String error, Object retryAfter) {
        return View.of("case/page", "ticketNumber", number, "found", found, "error", error, "retryAfter", retryAfter);
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
