package org.linkage.router.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.router.config.RouterConfig;
import org.linkage.router.domain.BusinessCalendar;
import org.linkage.router.domain.BusinessCalendar.DayKind;
import org.linkage.router.domain.BusinessCalendar.WorkPeriod;
import org.linkage.router.repository.CalendarDay;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The business calendar built from the calendar_day rows. Cached, and rebuilt after a local change
 * or at most a minute after another instance loaded a year, which is soon enough for holidays
 * published weeks ahead.
 */
@ApplicationScoped
public class CalendarService {
    private static final Duration MAX_AGE = Duration.ofMinutes(1);

    private final ZoneId zone;
    private final List<WorkPeriod> periods;
    private volatile BusinessCalendar cached;
    private volatile long builtAt;

    public CalendarService(RouterConfig config) {
        this.zone = ZoneId.of(config.zone());
        this.periods = config.workingPeriods().stream().map(WorkPeriod::parse).toList();
    }

    public BusinessCalendar current() {
        BusinessCalendar calendar = cached;
        if (calendar == null || System.nanoTime() - builtAt > MAX_AGE.toNanos()) {
            calendar = QuarkusTransaction.joiningExisting().call(this::load);
            cached = calendar;
            builtAt = System.nanoTime();
        }
        return calendar;
    }

    public void invalidate() {
        cached = null;
    }

    public ZoneId zone() {
        return zone;
    }

    private BusinessCalendar load() {
        Map<LocalDate, DayKind> exceptions = new HashMap<>();
        for (CalendarDay day : CalendarDay.<CalendarDay>listAll()) {
            exceptions.put(day.day, DayKind.valueOf(day.kind));
        }
        return new BusinessCalendar(exceptions, periods, zone);
    }
}
