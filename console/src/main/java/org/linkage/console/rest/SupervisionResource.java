package org.linkage.console.rest;

import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.linkage.console.client.District;
import org.linkage.console.client.Services;
import org.linkage.console.view.ClockRequest;
import org.linkage.console.view.Hotspot;
import org.linkage.console.view.OverrideReport;
import org.linkage.console.view.Page;
import org.linkage.console.view.StatisticsRow;
import org.linkage.console.view.Ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The supervisor's console (督办): the board of open work by deadline with its supervision level, the extension
 * requests to decide, and the assessment figures with charts, a hotspot map and CSV export of every table.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("supervisor")
public class SupervisionResource {
    static final Set<String> GROUPS = Set.of("department", "district", "category", "day", "week", "month");

    /** The pages of this console, by template name. */
    static class Templates {
        static TemplateInstance board(Page<Ticket> open, Page<Ticket> extensions, String level,
                                      List<ClockRequest> clockRequests) {
            return View.of("supervision/board", "open", open, "extensions", extensions, "level", level,
                    "clockRequests", clockRequests);
        }

        static TemplateInstance statistics(String groupBy, String trendBy, String from, String to, List<StatisticsRow> rows,
                                           List<StatisticsRow> trend, OverrideReport overrides, List<Hotspot> hotspots,
                                           List<District> districts) {
            return View.of("supervision/statistics", "groupBy", groupBy, "trendBy", trendBy, "from", from, "to", to, "rows", rows, "trend", trend, "overrides", overrides, "hotspots", hotspots, "districts", districts);
        }
    }

    @Inject
    Services services;
    @Inject
    Reference reference;
    /** Runs the page's independent reads at once, with the request's context (and so the person's token). */
    @Inject
    org.eclipse.microprofile.context.ManagedExecutor executor;

    @GET
    @Path("supervision")
    public TemplateInstance board(@QueryParam("level") String level) {
        Page<Ticket> open = services.readRouter(api -> api.tickets(null, null, null, null, null, "deadline", null,
                "open", 0, 200));
        if (level != null && !level.isBlank()) {
            // the level filters the rows shown; the count stays the board's whole open work
            open = new Page<>(open.items().stream().filter(t -> level.equals(t.supervisionLevel())).toList(),
                    open.page(), open.size(), open.total());
        }
        Page<Ticket> extensions = services.readRouter(api -> api.tickets(null, null, null, null, null, "deadline",
                true, null, 0, 100));
        // Parking and termination are the supervisor's to decide; pauses are the dispatcher's.
        List<ClockRequest> clockRequests = services.readRouter(api -> api.pendingClockRequests(null, 100)).stream()
                .filter(x -> !"PAUSE".equals(x.kind())).toList();
        return Templates.board(open, extensions, level, clockRequests);
    }

    @GET
    @Path("statistics")
    public TemplateInstance statistics(@QueryParam("groupBy") String groupBy, @QueryParam("trendBy") String trendBy,
                                       @QueryParam("from") String from, @QueryParam("to") String to) {
        String g = groupBy != null && GROUPS.contains(groupBy) ? groupBy : "department";
        String t = trendBy != null && Set.of("day", "week", "month").contains(trendBy) ? trendBy : "week";
        Range r = Range.of(from, to);
        var rows = executor.supplyAsync(() -> services.readRouter(api -> api.statistics(g, r.from(), r.to())));
        var trend = t.equals(g) ? rows : executor.supplyAsync(() -> services.readRouter(api -> api.statistics(t, r.from(), r.to())));
        var overrides = executor.supplyAsync(() -> services.readIntake(api -> api.overrideStatistics(r.from(), r.to())));
        var hotspots = executor.supplyAsync(() -> services.readRouter(api -> api.hotspots(true)));
        return Templates.statistics(g, t, r.fromDate(), r.toDate(), join(rows), join(trend), join(overrides), join(hotspots),
                reference.districts());
    }

    /** Risk warnings (风险预警) raised in the range, per rule, category and district; loaded by the statistics page. */
    @GET
    @Path("statistics/risk-warnings")
    public TemplateInstance riskWarnings(@QueryParam("from") String from, @QueryParam("to") String to) {
        Range r = Range.of(from, to);
        return View.of("supervision/risk-warnings", "report",
                services.readIntake(api -> api.riskWarnings(r.from(), r.to())));
    }

    /** The hotspot table and the override table as CSV, like the ranking. */
    @GET
    @Path("statistics/{table:hotspots|overrides}.csv")
    @Produces("text/csv")
    public Response tableCsv(@jakarta.ws.rs.PathParam("table") String table, @QueryParam("from") String from,
                             @QueryParam("to") String to) {
        Range r = Range.of(from, to);
        StringBuilder csv = new StringBuilder();
        if (table.equals("hotspots")) {
            csv.append("districtCode,categoryCode,recent,baselinePerWindow,hot\n");
            for (Hotspot h : services.readRouter(api -> api.hotspots(true))) {
                csv.append(Csv.row(h.districtCode(), h.categoryCode(), h.recent(), h.baselinePerWindow(), h.hot()));
            }
        } else {
            csv.append("categoryCode,nameZh,nameEn,decided,overridden,overrideRate\n");
            OverrideReport report = services.readIntake(api -> api.overrideStatistics(r.from(), r.to()));
            if (report.categories() != null) {
                for (OverrideReport.CategoryOverrides c : report.categories()) {
                    csv.append(Csv.row(c.categoryCode(), c.nameZh(), c.nameEn(), c.decided(), c.overridden(),
                            c.overrideRate()));
                }
            }
        }
        return Response.ok(csv.toString()).type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"linkage-" + table + ".csv\"").build();
    }

    private static <T> T join(java.util.concurrent.CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The router's CSV of the same table, for a spreadsheet. */
    @GET
    @Path("statistics.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("groupBy") String groupBy, @QueryParam("from") String from, @QueryParam("to") String to) {
        String g = groupBy != null && GROUPS.contains(groupBy) ? groupBy : "department";
        Range r = Range.of(from, to);
        String csv = services.readRouter(api -> api.statisticsCsv(g, r.from(), r.to(), "csv"));
        return Response.ok(csv).header("Content-Disposition", "attachment; filename=\"linkage-statistics-" + g + ".csv\"")
                .type("text/csv; charset=UTF-8").build();
    }

    /** A date range typed as Shanghai dates, inclusive, as the router's instants. Default: the last 30 days. */
    record Range(String from, String to, String fromDate, String toDate) {
        static Range of(String from, String to) {
            LocalDate today = LocalDate.now(org.linkage.console.ui.Formats.zone());
            LocalDate end = parse(to, today);
            LocalDate start = parse(from, end.minusDays(29));
            if (start.isAfter(end)) {
                start = end;
            }
            Instant a = start.atStartOfDay(org.linkage.console.ui.Formats.zone()).toInstant();
            Instant b = end.plusDays(1).atStartOfDay(org.linkage.console.ui.Formats.zone()).toInstant();
            return new Range(a.toString(), b.toString(), start.toString(), end.toString());
        }

        private static LocalDate parse(String s, LocalDate fallback) {
            if (s == null || s.isBlank()) {
                return fallback;
            }
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(org.linkage.console.ui.Ui.current().t("error_bad_date") + ": " + s);
            }
        }
    }
}
