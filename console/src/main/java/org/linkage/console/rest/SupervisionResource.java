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
import org.linkage.console.client.Services;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        static TemplateInstance board(Map<String, Object> open, Map<String, Object> extensions, String level) {
            return View.of("supervision/board", "open", open, "extensions", extensions, "level", level);
        }

        static TemplateInstance statistics(String groupBy, String from, String to, List<Map<String, Object>> rows,
                                                  List<Map<String, Object>> trend, Map<String, Object> overrides,
                                                  List<Map<String, Object>> hotspots, List<Map<String, Object>> districts) {
            return View.of("supervision/statistics", "groupBy", groupBy, "from", from, "to", to, "rows", rows, "trend", trend, "overrides", overrides, "hotspots", hotspots, "districts", districts);
        }
    }

    @Inject
    Services services;
    @Inject
    Reference reference;

    @GET
    @Path("supervision")
    public TemplateInstance board(@QueryParam("level") String level) {
        Map<String, Object> open = services.readRouter(api -> api.tickets(null, null, null, null, null, "deadline", null,
                "open", 0, 200));
        if (level != null && !level.isBlank()) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) open.get("items");
            open = new java.util.LinkedHashMap<>(open);
            open.put("items", items.stream().filter(t -> level.equals(t.get("supervisionLevel"))).toList());
        }
        Map<String, Object> extensions = services.readRouter(api -> api.tickets(null, null, null, null, null, "deadline",
                true, null, 0, 100));
        return Templates.board(open, extensions, level);
    }

    @GET
    @Path("statistics")
    public TemplateInstance statistics(@QueryParam("groupBy") String groupBy, @QueryParam("from") String from,
                                       @QueryParam("to") String to) {
        String g = groupBy != null && GROUPS.contains(groupBy) ? groupBy : "department";
        Range r = Range.of(from, to);
        List<Map<String, Object>> rows = services.readRouter(api -> api.statistics(g, r.from(), r.to()));
        String trendGroup = Set.of("day", "week", "month").contains(g) ? g : "week";
        List<Map<String, Object>> trend = trendGroup.equals(g) ? rows
                : services.readRouter(api -> api.statistics(trendGroup, r.from(), r.to()));
        Map<String, Object> overrides = services.readIntake(api -> api.overrideStatistics(r.from(), r.to()));
        List<Map<String, Object>> hotspots = services.readRouter(api -> api.hotspots(true));
        return Templates.statistics(g, r.fromDate(), r.toDate(), rows, trend, overrides, hotspots, reference.districts());
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
