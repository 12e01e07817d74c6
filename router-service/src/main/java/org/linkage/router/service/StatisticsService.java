package org.linkage.router.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.linkage.commons.security.Actor;
import org.linkage.router.config.RouterConfig;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Assessment figures computed by PostgreSQL in one grouped scan. Rates are shares of the tickets
 * dispatched in the period (sign, closure, overdue, return) or of those with a return call
 * (resolution, satisfaction). Average reply time is exact in working hours: the working minutes
 * from dispatch to reply are computed with the business calendar when the reply is recorded.
 */
@ApplicationScoped
public class StatisticsService {
    public enum GroupBy {
        DEPARTMENT("lead_department_code", "k"), DISTRICT("district_code", "k"), CATEGORY("category_code", "k"),
        // periods group on a date (cheap to compute and hash per row) and become text once per group
        // in the city's zone (linkage.router.zone), the one its working calendar and people's days are in
        DAY("(created_at at time zone :zone)::date", "to_char(k, 'YYYY-MM-DD')"),
        WEEK("date_trunc('week', created_at at time zone :zone)::date", "to_char(k, 'YYYY-MM-DD')"),
        MONTH("date_trunc('month', created_at at time zone :zone)::date", "to_char(k, 'YYYY-MM')");

        final String expression;
        final String label;

        GroupBy(String expression, String label) {
            this.expression = expression;
            this.label = label;
        }
    }

    public record Row(String key, long received, long dispatched, long signedOnTime, long closedOnTime, long overdue,
                      long returned, long calledBack, long solved, long satisfied, long repeatCalls,
                      BigDecimal signedOnTimeRate, BigDecimal closedOnTimeRate, BigDecimal overdueRate,
                      BigDecimal returnRate, BigDecimal resolutionRate, BigDecimal satisfactionRate,
                      BigDecimal averageReplyWorkingHours, long paused, long parked, long terminated) {
    }

    public record Hotspot(String categoryCode, String districtCode, long recent, BigDecimal baselinePerWindow,
                          boolean hot) {
    }

    /**
     * Resolved at first contact: calls answered on the spot from the knowledge base (no ticket) beside the
     * tickets received, in the same period and group; {@code firstContactRate} = answered / (answered + tickets).
     */
    public record FirstContactRow(String key, long answered, long tickets, BigDecimal firstContactRate,
                                  long answered110, long answered12345) {
    }

    private final EntityManager em;
    private final Clock clock;
    private final String zone;

    public StatisticsService(EntityManager em, Clock clock, RouterConfig config) {
        this.em = em;
        this.clock = clock;
        this.zone = ZoneId.of(config.zone()).getId();
    }

    public List<Row> figures(GroupBy groupBy, Instant from, Instant to, Actor actor) {
        Optional<String> unit = TicketAccess.unitOf(actor);
        String sql = """
                with f as (
                  select %s as k,
                    count(*) as received,
                    count(*) filter (where dispatched_at is not null) as dispatched,
                    count(*) filter (where signed_at <= sign_by) as signed_on_time,
                    count(*) filter (where replied_at <= resolve_by) as closed_on_time,
                    count(*) filter (where replied_at > resolve_by
                        or (replied_at is null and resolve_by < :now and status in ('DISPATCHED','SIGNED','IN_PROGRESS','RETURN_REVIEW'))) as overdue,
                    count(*) filter (where returned_count > 0) as returned,
                    count(*) filter (where satisfied is not null) as called_back,
                    count(*) filter (where solved) as solved,
                    count(*) filter (where satisfied) as satisfied,
                    count(*) filter (where duplicate_of is not null or master_ticket_id is not null) as repeat_calls,
                    avg(reply_working_minutes) / 60.0 as avg_reply_hours,
                    count(*) filter (where c.paused) as paused,
                    count(*) filter (where c.parked) as parked,
                    count(*) filter (where status = 'TERMINATED') as terminated
                  from ticket t
                  left join (select ticket_id, bool_or(kind = 'PAUSE') as paused, bool_or(kind = 'PARK') as parked
                             from clock_request where status = 'APPROVED' group by ticket_id) c on c.ticket_id = t.id
                  where created_at >= :from and created_at < :to %s %s
                  group by 1)
                select %s, received, dispatched, signed_on_time, closed_on_time, overdue, returned, called_back, solved,
                  satisfied, repeat_calls,
                  round(signed_on_time::numeric / nullif(dispatched, 0), 4),
                  round(closed_on_time::numeric / nullif(dispatched, 0), 4),
                  round(overdue::numeric / nullif(dispatched, 0), 4),
                  round(returned::numeric / nullif(dispatched, 0), 4),
                  round(solved::numeric / nullif(called_back, 0), 4),
                  round(satisfied::numeric / nullif(called_back, 0), 4),
                  round(avg_reply_hours, 2), paused, parked, terminated
                from f order by k nulls last""".formatted(groupBy.expression, unit.isPresent()
                ? "and exists (select 1 from ticket_unit u where u.ticket_id = t.id and u.department_code = :unit)" : "",
                appealed(groupBy, unit), groupBy.label);
        Query q = em.createNativeQuery(sql)
                .setParameter("now", utc(clock.instant()))
                .setParameter("from", utc(from))
                .setParameter("to", utc(to));
        unit.ifPresent(u -> q.setParameter("unit", u));
        if (groupBy.expression.contains(":zone")) {
            q.setParameter("zone", zone);
        }
        List<Row> rows = new ArrayList<>();
        for (Object o : q.getResultList()) {
            Object[] r = (Object[]) o;
            rows.add(new Row((String) r[0], n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5]), n(r[6]), n(r[7]), n(r[8]),
                    n(r[9]), n(r[10]), d(r[11]), d(r[12]), d(r[13]), d(r[14]), d(r[15]), d(r[16]), d(r[17]),
                    n(r[18]), n(r[19]), n(r[20])));
        }
        return rows;
    }

    /**
     * Where the figures count a unit (grouped by lead unit, or one unit's own view), a ticket that unit appealed with
     * success is not the unit's: it is left out, as in the monthly ranking. City-wide groupings keep every ticket.
     */
    private static String appealed(GroupBy groupBy, Optional<String> unit) {
        String accepted = "and not exists (select 1 from appeal a where a.ticket_id = t.id and a.status = 'ACCEPTED' and a.department_code = ";
        return (groupBy == GroupBy.DEPARTMENT ? accepted + "t.lead_department_code)" : "")
                + (unit.isPresent() ? " " + accepted + ":unit)" : "");
    }

    /** Department grouping does not apply: an answered call has no unit. Periods group on the answer's day. */
    public List<FirstContactRow> firstContact(GroupBy groupBy, Instant from, Instant to) {
        if (groupBy == GroupBy.DEPARTMENT) {
            throw org.linkage.commons.problem.ProblemException.badRequest("groupBy",
                    "直接答复的来电没有承办单位 / answered calls have no unit: district, category, day, week or month");
        }
        return firstContact(groupBy.expression.replace("created_at", "answered_at"), groupBy.expression, groupBy.label,
                groupBy.expression.contains(":zone"), from, to);
    }

    /**
     * The same figures per line: answered calls by the line that answered them, tickets by the line that first took
     * the contact (a ticket made from a 110 referral was a 110 call not resolved there).
     */
    public List<FirstContactRow> firstContactByLine(Instant from, Instant to) {
        return firstContact("line", "case when referral_id is null then '12345' else '110' end", "k", false, from, to);
    }

    private List<FirstContactRow> firstContact(String answeredKey, String ticketKey, String label, boolean zoned,
                                               Instant from, Instant to) {
        String sql = """
                with c as (
                  select %1$s as k, count(*) as answered, count(*) filter (where line = '110') as a110,
                    count(*) filter (where line = '12345') as a12345 from consultation
                  where answered_at >= :from and answered_at < :to group by 1),
                t as (
                  select %2$s as k, count(*) as tickets from ticket
                  where created_at >= :from and created_at < :to group by 1)
                select %3$s, coalesce(c.answered, 0), coalesce(t.tickets, 0),
                  round(coalesce(c.answered, 0)::numeric / nullif(coalesce(c.answered, 0) + coalesce(t.tickets, 0), 0), 4),
                  coalesce(c.a110, 0), coalesce(c.a12345, 0)
                from c full join t using (k)
                order by k nulls last""".formatted(answeredKey, ticketKey, label);
        Query q = em.createNativeQuery(sql).setParameter("from", utc(from)).setParameter("to", utc(to));
        if (zoned) {
            q.setParameter("zone", zone);
        }
        List<FirstContactRow> rows = new ArrayList<>();
        for (Object o : q.getResultList()) {
            Object[] r = (Object[]) o;
            rows.add(new FirstContactRow((String) r[0], n(r[1]), n(r[2]), d(r[3]), n(r[4]), n(r[5])));
        }
        return rows;
    }

    /**
     * Category × district pairs whose count in the last {@code windowDays} is at least
     * {@code factor} times their average per window over the {@code baselineWindows} windows before,
     * and at least {@code minCount}.
     */
    public List<Hotspot> hotspots(int windowDays, int baselineWindows, double factor, int minCount, boolean all,
                                  Actor actor) {
        Optional<String> unit = TicketAccess.unitOf(actor);
        Instant now = clock.instant();
        Instant recentStart = now.minusSeconds(86_400L * windowDays);
        Instant baselineStart = recentStart.minusSeconds(86_400L * windowDays * baselineWindows);
        String sql = """
                select category_code, district_code, recent, round(baseline, 2),
                  recent >= greatest(:minCount, :factor * baseline) as hot
                from (
                  select category_code, district_code,
                    count(*) filter (where created_at >= :recentStart) as recent,
                    count(*) filter (where created_at < :recentStart)::numeric / :windows as baseline
                  from ticket t
                  where created_at >= :baselineStart and created_at < :now and district_code is not null %s
                  group by 1, 2) c
                %s
                order by hot desc, recent desc, category_code, district_code""".formatted(
                unit.isPresent() ? "and exists (select 1 from ticket_unit u where u.ticket_id = t.id and u.department_code = :unit)" : "",
                all ? "" : "where recent >= greatest(:minCount, :factor * baseline)");
        Query q = em.createNativeQuery(sql)
                .setParameter("minCount", minCount)
                .setParameter("factor", factor)
                .setParameter("windows", baselineWindows)
                .setParameter("recentStart", utc(recentStart))
                .setParameter("baselineStart", utc(baselineStart))
                .setParameter("now", utc(now));
        unit.ifPresent(u -> q.setParameter("unit", u));
        List<Hotspot> found = new ArrayList<>();
        for (Object o : q.getResultList()) {
            Object[] r = (Object[]) o;
            found.add(new Hotspot((String) r[0], (String) r[1], n(r[2]), d(r[3]), (Boolean) r[4]));
        }
        return found;
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static BigDecimal d(Object o) {
        return o == null ? null : o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
    }

}
