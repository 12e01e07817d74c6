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
import org.linkage.console.view.PublishedRanking;
import org.linkage.console.ui.Formats;

import java.net.URI;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The published monthly ranking reports (月度考核排名通报) for supervisors: the list with a form to publish a month
 * that is over (again only with a reason), one report as it was published, and its CSV and printable page.
 */
@Path("/assessment/reports")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("supervisor")
public class PublishedRankingResource {
    @Inject
    Services services;

    @GET
    public TemplateInstance list(@QueryParam("month") String month) {
        return listPage(AssessmentResource.month(month, lastMonth()), null, Map.of(), Map.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(MultivaluedMap<String, String> fields) {
        Form form = new Form(fields);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("month", form.get("month"));
        body.put("reason", form.get("reason"));
        Map<String, Object> published;
        try {
            published = services.writeRouter(api -> api.publishRanking(body));
        } catch (ServiceProblem problem) {
            String m = form.get("month") == null ? lastMonth() : form.get("month");
            return Response.status(problem.status()).entity(listPage(m, Problems.message(problem),
                    problem.fieldErrors(), form.values()).render()).build();
        }
        return Response.seeOther(URI.create("/assessment/reports/" + published.get("month") + "?version="
                + published.get("version") + "&published=1")).build();
    }

    @GET
    @Path("{month:\\d{4}-\\d{2}}")
    public TemplateInstance report(@PathParam("month") String month, @QueryParam("version") Integer version,
                                   @QueryParam("published") String published) {
        String m = AssessmentResource.month(month, lastMonth());
        return View.of("assessment/report", "month", m,
                "published", services.readRouter(api -> api.publishedRanking(m, version)),
                "justPublished", published != null);
    }

    /** The router's published report as a file (CSV for Excel, with its byte-order mark) or a page to print. */
    @GET
    @Path("{month:\\d{4}-\\d{2}}.{format:csv|html}")
    @Produces({"text/csv", MediaType.TEXT_HTML})
    public Response file(@PathParam("month") String month, @PathParam("format") String format,
                         @QueryParam("version") Integer version) {
        String m = AssessmentResource.month(month, lastMonth());
        String body = services.readRouter(api -> api.publishedRankingAs(m, version, format));
        Response.ResponseBuilder answer = Response.ok(body).type(("csv".equals(format) ? "text/csv" : "text/html")
                + "; charset=UTF-8");
        if ("csv".equals(format)) {
            answer.header("Content-Disposition", "attachment; filename=\"linkage-ranking-report-" + m
                    + (version == null ? "" : "-v" + version) + ".csv\"");
        }
        return answer.build();
    }

    private TemplateInstance listPage(String month, String problem, Map<String, String> errors,
                                      Map<String, String> values) {
        List<PublishedRanking> reports = services.readRouter(api -> api.publishedRankings(120));
        return View.of("assessment/reports", "month", month, "reports", reports, "problem", problem,
                "errors", errors, "values", values);
    }

    private static String lastMonth() {
        return YearMonth.now(Formats.zone()).minusMonths(1).toString();
    }
}
