package org.linkage.router.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.linkage.router.domain.SupervisionStep;
import org.linkage.router.domain.TicketStatus;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * What an operations room watches on the 12345 side, as gauges: open tickets by status
 * ({@code linkage_router_tickets_open{status}}), those past their resolve-by deadline
 * ({@code linkage_router_tickets_overdue}, those a department still owes), open tickets by supervision level
 * ({@code linkage_router_tickets_supervision{level}}), tickets set aside by a failing supervision step
 * ({@code linkage_router_supervision_set_aside}) and whether this and next year's holiday calendars are loaded.
 *
 * <p>A scrape reads the last values; the database is asked on a timer (every 30 s by default), never per scrape.
 * Only tickets that are not final are read, through the {@code ticket_status} index, so closed tickets (the bulk of
 * the table after a year) cost nothing; the other tables are small.
 */
@ApplicationScoped
public class TicketMetrics {
    private static final Logger LOG = Logger.getLogger(TicketMetrics.class);
    private static final String OPEN_STATUSES = Arrays.stream(TicketStatus.values()).filter(s -> !s.isFinal())
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));

    private final DataSource dataSource;
    private final Clock clock;
    private final CalendarService calendars;
    private final Map<TicketStatus, AtomicLong> open = new EnumMap<>(TicketStatus.class);
    private final Map<SupervisionStep, AtomicLong> levels = new EnumMap<>(SupervisionStep.class);
    private final AtomicLong overdue = new AtomicLong();
    private final AtomicLong setAside = new AtomicLong();
    private final AtomicLong thisYearMissing = new AtomicLong();
    private final AtomicLong nextYearMissingInDecember = new AtomicLong();

    public TicketMetrics(DataSource dataSource, Clock clock, CalendarService calendars, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.calendars = calendars;
        for (TicketStatus status : TicketStatus.values()) {
            if (!status.isFinal()) {
                AtomicLong value = new AtomicLong();
                open.put(status, value);
                Gauge.builder("linkage.router.tickets.open", value, AtomicLong::get).tag("status", status.name())
                        .description("Tickets in this status (final statuses are not counted)").register(registry);
            }
        }
        for (SupervisionStep level : SupervisionStep.values()) {
            AtomicLong value = new AtomicLong();
            levels.put(level, value);
            Gauge.builder("linkage.router.tickets.supervision", value, AtomicLong::get).tag("level", level.name())
                    .description("Open tickets at this supervision level (预警, 催办, 督办, 挂牌督办)").register(registry);
        }
        Gauge.builder("linkage.router.tickets.overdue", overdue, AtomicLong::get)
                .description("Open tickets past their resolve-by deadline").register(registry);
        Gauge.builder("linkage.router.supervision.set.aside", setAside, AtomicLong::get)
                .description("Tickets whose supervision step failed, set aside until their retry").register(registry);
        Gauge.builder("linkage.router.calendar.this.year.missing", thisYearMissing, AtomicLong::get)
                .description("1 while this year's holiday calendar is not loaded").register(registry);
        Gauge.builder("linkage.router.calendar.next.year.missing.in.december", nextYearMissingInDecember, AtomicLong::get)
                .description("1 in December while next year's holiday calendar is not loaded").register(registry);
    }

    public void refresh() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            Map<TicketStatus, Long> byStatus = new EnumMap<>(TicketStatus.class);
            Map<SupervisionStep, Long> byLevel = new EnumMap<>(SupervisionStep.class);
            long late = 0;
            // "Overdue" by the service's clock, the one its deadlines and supervision ladder run on.
            try (PreparedStatement p = c.prepareStatement("select status, supervision_level, count(*),"
                    + " count(*) filter (where resolve_by < ?) from ticket where status in (" + OPEN_STATUSES + ")"
                    + " group by status, supervision_level")) {
                p.setTimestamp(1, java.sql.Timestamp.from(clock.instant()));
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        byStatus.merge(TicketStatus.valueOf(r.getString(1)), r.getLong(3), Long::sum);
                        if (r.getString(2) != null) {
                            byLevel.merge(SupervisionStep.valueOf(r.getString(2)), r.getLong(3), Long::sum);
                        }
                        if (TicketStatus.valueOf(r.getString(1)).awaitsDepartment()) {
                            late += r.getLong(4);
                        }
                    }
                }
            }
            open.forEach((status, value) -> value.set(byStatus.getOrDefault(status, 0L)));
            levels.forEach((level, value) -> value.set(byLevel.getOrDefault(level, 0L)));
            overdue.set(late);
            try (ResultSet r = s.executeQuery("select count(*) from supervision_failure")) {
                r.next();
                setAside.set(r.getLong(1));
            }
            ZonedDateTime now = clock.instant().atZone(calendars.zone());
            thisYearMissing.set(loaded(c, now.getYear()) ? 0 : 1);
            nextYearMissingInDecember.set(now.getMonthValue() == 12 && !loaded(c, now.getYear() + 1) ? 1 : 0);
        } catch (SQLException | RuntimeException e) {
            // The last values stand; a database that is away shows in the health checks.
            LOG.debugf("ticket metrics not refreshed: %s", e.getMessage());
        }
    }

    private static boolean loaded(Connection c, int year) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("select 1 from calendar_year where year = ?")) {
            p.setInt(1, year);
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }
}
