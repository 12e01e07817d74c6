package org.linkage.router.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.linkage.router.service.StatisticsService;
import org.linkage.router.service.StatisticsService.GroupBy;
import org.linkage.router.support.Fixtures;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Statistics over one million generated tickets (generate_series, about a year of data). Off by
 * default; run with {@code -Dtest=StatisticsBenchTest -Dlinkage.bench=true} and read the timings
 * from the output.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@EnabledIfSystemProperty(named = "linkage.bench", matches = "true")
class StatisticsBenchTest {
    static final int TICKETS = Integer.getInteger("linkage.bench.tickets", 1_000_000);

    @Inject
    EntityManager em;
    @Inject
    StatisticsService statistics;

    @Test
    void millionTickets() {
        long t0 = System.nanoTime();
        QuarkusTransaction.requiringNew().timeout(1800).run(() -> em.createNativeQuery("""
                with d as (select array_agg(code order by code) as codes from district),
                     u as (select array_agg(code order by code) as codes from department where level = 'MUNICIPAL')
                insert into ticket (id, ticket_number, channel, category_code, urgency, content, district_code, status,
                    version, lead_department_code, callback_required, created_at, dispatched_at, sign_by, resolve_by,
                    signed_at, replied_at, reply_working_minutes, satisfied, solved, returned_count)
                select gen_random_uuid(), 'BENCH-' || i, '110',
                    (array['WAGES','NOISE','CITY','CONSUMER','UTILITIES','HEALTH','ROADS','PROPERTY'])[1 + i % 8],
                    'NORMAL', 'bench ticket', d.codes[1 + i % 23],
                    case when i % 10 < 8 then 'REPLIED' else 'IN_PROGRESS' end, 1,
                    u.codes[1 + i % array_length(u.codes, 1)], false,
                    c.at, c.at, c.at + interval '1 day', c.at + interval '7 days',
                    c.at + (i % 40) * interval '1 hour',
                    case when i % 10 < 8 then c.at + (i % 9) * interval '1 day' end,
                    case when i % 10 < 8 then (i % 9) * 420 end,
                    case when i % 10 < 8 then i % 5 < 4 end,
                    case when i % 10 < 8 then i % 7 < 6 end,
                    case when i % 50 = 0 then 1 else 0 end
                from generate_series(1, ?1) as i, d, u,
                     lateral (select now() - (i % 365) * interval '1 day' - (i % 86400) * interval '1 second' as at) c
                """).setParameter(1, TICKETS).executeUpdate());
        QuarkusTransaction.requiringNew().timeout(1800).run(() -> em.createNativeQuery("""
                insert into ticket_unit (ticket_id, department_code, role)
                select id, lead_department_code, 'LEAD' from ticket where ticket_number like 'BENCH-%'""").executeUpdate());
        PostgresResource.asOwner("analyze"); // only the tables' owner may analyze them
        System.out.printf("BENCH generated %d tickets in %d ms%n", TICKETS, (System.nanoTime() - t0) / 1_000_000);

        Instant to = Instant.now().plusSeconds(60);
        Instant from = to.minus(Duration.ofDays(366));
        for (GroupBy g : GroupBy.values()) {
            time("figures by " + g + ", one year, supervisor",
                    () -> statistics.figures(g, from, to, Fixtures.SUPERVISOR));
        }
        time("figures by CATEGORY, one year, dept-agent CD-HRSS",
                () -> statistics.figures(GroupBy.CATEGORY, from, to, Fixtures.agent("CD-HRSS")));
        time("figures by DISTRICT, last 30 days, supervisor",
                () -> statistics.figures(GroupBy.DISTRICT, to.minus(Duration.ofDays(30)), to, Fixtures.SUPERVISOR));
        time("hotspots, 1-day window vs 28 days", () -> statistics.hotspots(1, 28, 3, 5, true, Fixtures.SUPERVISOR));
    }

    private static void time(String what, Supplier<List<?>> query) {
        query.get(); // warm the cache once, then measure
        long start = System.nanoTime();
        List<?> rows = QuarkusTransaction.requiringNew().call(query::get);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("BENCH %s: %d rows in %d ms%n", what, rows.size(), ms);
        assertTrue(!rows.isEmpty(), what);
    }
}
