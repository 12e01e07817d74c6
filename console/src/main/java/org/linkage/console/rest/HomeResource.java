package org.linkage.console.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.linkage.console.ui.Messages;
import org.linkage.console.ui.Ui;

import java.net.URI;
import java.util.Map;

/** The front door: each person lands on the console of their role; the language switch. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {
    /** The home console of each role, in {@link Ui#ROLE_ORDER}. */
    static final Map<String, String> HOME = Map.of("call-taker", "/calls/new", "officer", "/officer/handover",
            "dept-agent", "/tickets", "dispatcher", "/dispatch", "supervisor", "/supervision",
            "admin", "/admin/departments");

    @Inject
    Ui ui;
    @Inject
    HttpServerRequest request;

    @GET
    public Response home() {
        String target = ui.roles().stream().findFirst().map(HOME::get).orElse("/no-role");
        return Response.seeOther(URI.create(target)).build();
    }

    @GET
    @Path("no-role")
    public Response noRole() {
        return Response.status(403).type("text/html")
                .entity(Problems.Templates.error(ui.t("error_no_role"), ui.t("error_no_role_text"), null).render()).build();
    }

    /** Sets the language for a year and goes back to the page the person was on (same site only). */
    @GET
    @Path("lang/{lang}")
    public Response language(@PathParam("lang") String lang) {
        if (!Messages.LANGUAGES.contains(lang)) {
            lang = "zh";
        }
        String back = "/";
        String referer = request.getHeader("Referer");
        if (referer != null) {
            URI from = URI.create(referer);
            String host = request.getHeader("Host");
            if (host != null && host.equals(from.getRawAuthority()) && from.getRawPath() != null) {
                back = from.getRawPath() + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery());
            }
        }
        NewCookie cookie = new NewCookie.Builder(Ui.LANG_COOKIE).value(lang).path("/").maxAge(365 * 86_400)
                .sameSite(NewCookie.SameSite.LAX).httpOnly(true).build();
        return Response.seeOther(URI.create(back)).cookie(cookie).build();
    }
}
