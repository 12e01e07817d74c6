package org.linkage.router.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.linkage.router.repository.Ticket;
import org.linkage.router.support.StatementCounter;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Duplicate detection compares the newest tickets of the category in the window, and the cut is made by the database:
 * one statement, no managed entities, and no more rows read than it compares, however many tickets the window holds.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class DuplicateCandidatesTest {
    static final String DISTRICT = "510107";
    static final String CONTENT = "玉林街道小区门口夜市摊贩占道经营，噪声大，垃圾多，每晚到凌晨";

    @Inject
    DuplicateService duplicates;
    @Inject
    EntityManager em;

    @Test
    void theNewestTicketsOfTheWindowAreComparedAndNoMoreRowsAreRead() {
        String category = "DUP-" + UUID.randomUUID().toString().substring(0, 8);
        Instant at = Instant.parse("2031-03-01T08:00:00Z");
        // 260 open tickets a minute apart before the new one, five merged ones newer still (never candidates), and
        // twenty older than the 72-hour window
        insert(category, "OPEN", at, 260, 1, "DISPATCHED");
        insert(category, "MERGED", at.plusSeconds(10), 5, 0, "MERGED");
        insert(category, "OLD", at.minus(73, ChronoUnit.HOURS), 20, 1, "DISPATCHED");
        UUID id = insert(category, "NEW", at, 1, 0, "PENDING_DISPATCH").get(0);
        PostgresResource.asOwner("analyze ticket"); // only the table's owner may analyze it

        QuarkusTransaction.requiringNew().run(() -> {
            Ticket ticket = Ticket.findById(id);
            Session session = em.unwrap(Session.class);
            int managedBefore = session.getStatistics().getEntityCount();
            long rowsBefore = rowsReadFromTicket();
            List<DuplicateService.Candidate> found = new ArrayList<>();
            int statements = StatementCounter.count(() -> found.addAll(duplicates.candidates(ticket)));
            long rowsRead = rowsReadFromTicket() - rowsBefore;
            int managed = session.getStatistics().getEntityCount() - managedBefore;
            System.out.printf("DUPLICATE_CANDIDATES of 260 in the window: %d compared, %d statements, %d rows read,"
                    + " %d entities made managed%n", found.size(), statements, rowsRead, managed);

            Set<String> newest = IntStream.rangeClosed(1, DuplicateService.MAX_COMPARED)
                    .mapToObj(i -> category + "-OPEN-" + i).collect(Collectors.toSet());
            assertEquals(newest, found.stream().map(c -> c.ticket().ticketNumber()).collect(Collectors.toSet()),
                    "the newest open tickets of the window");
            assertEquals(0, managed, "tickets made managed entities to compare them");
            assertEquals(1, statements, "statements");
            // the 200 compared, the new ticket itself and the merged ones the scan passes over (the index is read
            // newest first and stops at the limit)
            assertTrue(rowsRead <= DuplicateService.MAX_COMPARED + 6 + 4, "rows the database read: " + rowsRead);
        });
    }

    /**
     * The duplicate check on 5,000 tickets of one category in the window. Off by default; run with
     * {@code -Dtest=DuplicateCandidatesTest -Dlinkage.bench=true} and read the figures from the output.
     */
    @Test
    @EnabledIfSystemProperty(named = "linkage.bench", matches = "true")
    void benchFiveThousandTicketsOfOneCategoryInTheWindow() {
        int tickets = Integer.getInteger("linkage.bench.duplicates", 5_000);
        String category = "DUPB-" + UUID.randomUUID().toString().substring(0, 8);
        Instant at = Instant.parse("2032-06-01T08:00:00Z");
        // spread over the 72 hours before the new ticket
        long every = 72 * 3600L / tickets;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into ticket (id, ticket_number, channel, category_code, urgency, content, address, district_code,
                    status, created_at)
                select gen_random_uuid(), ?1 || '-' || i, '110', ?1, 'NORMAL', ?2 || ' ' || i, '玉林街道' || (i % 50) || '号',
                    ?3, 'DISPATCHED', cast(?4 as timestamptz) - i * (?5 * interval '1 second')
                from generate_series(1, ?6) as i""")
                .setParameter(1, category).setParameter(2, CONTENT).setParameter(3, DISTRICT)
                .setParameter(4, at.toString()).setParameter(5, every).setParameter(6, tickets).executeUpdate());
        UUID id = insert(category, "NEW", at, 1, 0, "PENDING_DISPATCH").get(0);
        PostgresResource.asOwner("analyze ticket"); // only the table's owner may analyze it

        long[] micros = new long[30];
        int[] compared = new int[1];
        for (int run = -10; run < micros.length; run++) {   // ten to warm up
            long start = System.nanoTime();
            compared[0] = QuarkusTransaction.requiringNew().call(() -> duplicates.candidates(Ticket.findById(id)).size());
            if (run >= 0) {
                micros[run] = (System.nanoTime() - start) / 1_000;
            }
        }
        Arrays.sort(micros);
        List<?> plan = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                explain select id, ticket_number, status, created_at, content, address, district_code, latitude, longitude
                from ticket where category_code = ?1 and created_at between ?2 and ?3 and id <> ?4
                and status not in ('MERGED', 'TRANSFERRED_TO_POLICE') order by created_at desc limit 200""")
                .setParameter(1, category).setParameter(2, at.minus(72, ChronoUnit.HOURS))
                .setParameter(3, at.plus(72, ChronoUnit.HOURS)).setParameter(4, id).getResultList());
        System.out.println("BENCH duplicate check plan (the query the check sends):\n  "
                + plan.stream().map(String::valueOf).collect(Collectors.joining("\n  ")));
        System.out.printf("BENCH duplicate check, %d tickets of one category in the window: %d candidates;"
                        + " median %.1f ms, fastest %.1f ms, slowest %.1f ms (30 runs, each in its own transaction)%n",
                tickets, compared[0], micros[15] / 1000.0, micros[0] / 1000.0, micros[29] / 1000.0);
        assertTrue(compared[0] > 0);
    }

    /** Inserts {@code n} tickets numbered prefix-1..n, ticket i created {@code i * minutesApart} minutes before {@code at}. */
    private List<UUID> insert(String category, String prefix, Instant at, int n, int minutesApart, String status) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> ids = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                UUID id = UUID.randomUUID();
                em.createNativeQuery("""
                                insert into ticket (id, ticket_number, channel, category_code, urgency, content, district_code,
                                    status, created_at)
                                values (?1, ?2, '110', ?3, 'NORMAL', ?4, ?5, ?6, ?7)""")
                        .setParameter(1, id).setParameter(2, category + "-" + prefix + "-" + i).setParameter(3, category)
                        .setParameter(4, CONTENT).setParameter(5, DISTRICT).setParameter(6, status)
                        .setParameter(7, at.minus((long) i * minutesApart, ChronoUnit.MINUTES))
                        .executeUpdate();
                ids.add(id);
            }
            return ids;
        });
    }

    /** Rows this transaction has read from the ticket table so far, by any scan (PostgreSQL's own counters). */
    private long rowsReadFromTicket() {
        return ((Number) em.createNativeQuery("""
                select coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0)
                from pg_stat_xact_user_tables where relname = 'ticket'""").getSingleResult()).longValue();
    }
}
