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
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Duplicate detection finds the best match in the whole window with one indexed statement in PostgreSQL: no managed
 * entities, no more rows read than the few it answers with, however many tickets the window or the table holds.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class DuplicateCandidatesTest {
    static final String DISTRICT = "510107";
    static final String CONTENT = "玉林街道小区门口夜市摊贩占道经营，噪声大，垃圾多，每晚到凌晨";
    /** Like CONTENT, enough to be a candidate, less like it than CONTENT itself. */
    static final String SIMILAR = "玉林街道小区门口夜市摊贩占道经营，油烟大，每晚十点以后";

    @Inject
    DuplicateService duplicates;
    @Inject
    EntityManager em;

    @Test
    void theBestMatchIsFoundBehindTwoHundredNewerTicketsOfTheCategoryWithOneStatement() {
        String category = "DUP-" + UUID.randomUUID().toString().substring(0, 8);
        Instant at = Instant.parse("2031-03-01T08:00:00Z");
        // The same words 70 hours before the new one; 260 newer tickets of the category at the same place that are
        // only similar (the newest 200 were all that was compared before); five merged ones and one handed to the
        // police with the very same words (never candidates); twenty with the same words older than the 72-hour
        // window; and the same words in another category.
        UUID best = insert(category, "BEST", at.minus(70, ChronoUnit.HOURS), 1, 0, "DISPATCHED", CONTENT).get(0);
        insert(category, "OPEN", at, 260, 1, "DISPATCHED", SIMILAR);
        insert(category, "MERGED", at.minusSeconds(10), 5, 0, "MERGED", CONTENT);
        insert(category, "POLICE", at.minusSeconds(20), 1, 0, "TRANSFERRED_TO_POLICE", CONTENT);
        insert(category, "OLD", at.minus(73, ChronoUnit.HOURS), 20, 1, "DISPATCHED", CONTENT);
        insert(category + "X", "OTHER", at.minusSeconds(30), 1, 0, "DISPATCHED", CONTENT);
        UUID id = insert(category, "NEW", at, 1, 0, "PENDING_DISPATCH", CONTENT).get(0);
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
            System.out.printf("DUPLICATE_CANDIDATES of 262 in the window: %d found, best %s (%.2f), %d statements,"
                            + " %d rows read, %d entities made managed%n", found.size(),
                    found.get(0).ticket().ticketNumber(), found.get(0).similarity(), statements, rowsRead, managed);

            assertEquals(category + "-BEST-1", found.get(0).ticket().ticketNumber(), "the best match of the window");
            assertEquals(1.0, found.get(0).similarity(), 1e-6);
            assertEquals("SAME_DISTRICT", found.get(0).place());
            assertEquals(DuplicateService.MAX_CANDIDATES, found.size());
            assertTrue(found.stream().skip(1).allMatch(c -> c.ticket().ticketNumber().startsWith(category + "-OPEN-")
                    && c.similarity() < 1 && c.similarity() >= 0.35), "then the similar ones: " + found);
            assertEquals(0, managed, "tickets made managed entities to compare them");
            assertEquals(1, statements, "statements");
            // the index is walked most similar first and the walk stops at the shortlist, whatever the window holds
            assertTrue(rowsRead <= DuplicateService.SHORTLIST + 10, "rows the database read: " + rowsRead);

            duplicates.flag(ticket);
            assertEquals(best, ticket.duplicateOf, "flagged as a duplicate of the best earlier ticket");
            assertEquals(1.0, ticket.duplicateScore, 1e-6);
        });
    }

    @Test
    void aTicketAtAnotherPlaceOrWithOtherWordsIsNoCandidate() {
        String category = "DUPP-" + UUID.randomUUID().toString().substring(0, 8);
        Instant at = Instant.parse("2031-04-01T08:00:00Z");
        insert(category, "ELSEWHERE", at.minusSeconds(60), 1, 0, "DISPATCHED", CONTENT, "510104");
        insert(category, "OTHER-WORDS", at.minusSeconds(120), 1, 0, "DISPATCHED", "工地老板拖欠工资三个月，工人在现场讨薪");
        UUID id = insert(category, "NEW", at, 1, 0, "PENDING_DISPATCH", CONTENT).get(0);
        QuarkusTransaction.requiringNew().run(() -> {
            Ticket ticket = Ticket.findById(id);
            assertEquals(List.of(), duplicates.candidates(ticket));
            duplicates.flag(ticket);
            assertNull(ticket.duplicateOf);
            // the same words at the same address in another district, and within 300 m with no district at all
            ticket.address = " 玉林北路2号 ";
            ticket.districtCode = null;
            ticket.latitude = 30.6300;
            ticket.longitude = 104.0600;
        });
        insert(category, "SAME-ADDRESS", at.minusSeconds(30), 1, 0, "DISPATCHED", CONTENT, "510104");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update ticket set address = '玉林北路2号' where ticket_number = ?1")
                .setParameter(1, category + "-SAME-ADDRESS-1").executeUpdate());
        insert(category, "NEARBY", at.minusSeconds(40), 1, 0, "DISPATCHED", CONTENT, "510104");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update ticket set latitude = 30.6320, longitude = 104.0610 where ticket_number = ?1")
                .setParameter(1, category + "-NEARBY-1").executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> {
            Ticket ticket = Ticket.findById(id);
            List<String> places = duplicates.candidates(ticket).stream()
                    .map(c -> c.ticket().ticketNumber() + " " + c.place()).sorted().toList();
            assertEquals(List.of(category + "-NEARBY-1 NEARBY", category + "-SAME-ADDRESS-1 SAME_ADDRESS"), places);
        });
    }

    /**
     * The plan of the statement on a table of many tickets: the GiST index on category, creation time and text,
     * walked in order of similarity under a limit, so neither the tickets stored outside the window nor the number
     * inside it decide how many rows are read.
     */
    @Test
    void thePlanWalksTheDuplicateIndexOnATableOfManyTickets() {
        int tickets = 40_000;
        String category = "DUPI-" + UUID.randomUUID().toString().substring(0, 8);
        Instant at = Instant.parse("2033-06-01T08:00:00Z");
        // a month of eight categories, a ticket a minute: about 1,000 of the category in the window around the new one
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into ticket (id, ticket_number, channel, category_code, urgency, content, address, district_code,
                    status, created_at)
                select gen_random_uuid(), ?1 || '-' || i, '110', ?1 || (i % 8), 'NORMAL', ?2 || (i % 97),
                    '玉林街道' || (i % 50) || '号', ?3, 'DISPATCHED',
                    cast(?4 as timestamptz) - i * (30 * 86400 / ?5) * interval '1 second'
                from generate_series(1, ?5) as i""")
                .setParameter(1, category).setParameter(2, SIMILAR).setParameter(3, DISTRICT)
                .setParameter(4, at.toString()).setParameter(5, tickets).executeUpdate());
        UUID id = insert(category + "0", "NEW", at, 1, 0, "PENDING_DISPATCH", CONTENT).get(0);
        PostgresResource.asOwner("analyze ticket");
        List<String> plan = QuarkusTransaction.requiringNew().call(() -> duplicates.plan(Ticket.findById(id)));
        System.out.println("DUPLICATE_CANDIDATES plan on " + tickets + " tickets:\n  " + String.join("\n  ", plan));
        String text = String.join("\n", plan);
        assertTrue(text.contains("Index Scan using ticket_duplicate_text on ticket"), text);
        assertTrue(text.contains("Order By: (content <->"), "walked in order of similarity: " + text);
        assertTrue(text.startsWith("Limit"), text);
        assertFalse(text.contains("Seq Scan"), text);
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
        List<String> plan = QuarkusTransaction.requiringNew().call(() -> duplicates.plan(Ticket.findById(id)));
        System.out.println("BENCH duplicate check plan (the query the check sends):\n  "
                + String.join("\n  ", plan));
        System.out.printf("BENCH duplicate check, %d tickets of one category in the window: %d candidates;"
                        + " median %.1f ms, fastest %.1f ms, slowest %.1f ms (30 runs, each in its own transaction)%n",
                tickets, compared[0], micros[15] / 1000.0, micros[0] / 1000.0, micros[29] / 1000.0);
        assertTrue(compared[0] > 0);
    }

    /** Inserts {@code n} tickets numbered prefix-1..n, ticket i created {@code i * minutesApart} minutes before {@code at}. */
    private List<UUID> insert(String category, String prefix, Instant at, int n, int minutesApart, String status) {
        return insert(category, prefix, at, n, minutesApart, status, CONTENT);
    }

    private List<UUID> insert(String category, String prefix, Instant at, int n, int minutesApart, String status,
                              String content) {
        return insert(category, prefix, at, n, minutesApart, status, content, DISTRICT);
    }

    private List<UUID> insert(String category, String prefix, Instant at, int n, int minutesApart, String status,
                              String content, String district) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> ids = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                UUID id = UUID.randomUUID();
                em.createNativeQuery("""
                                insert into ticket (id, ticket_number, channel, category_code, urgency, content, district_code,
                                    status, created_at)
                                values (?1, ?2, '110', ?3, 'NORMAL', ?4, ?5, ?6, ?7)""")
                        .setParameter(1, id).setParameter(2, category + "-" + prefix + "-" + i).setParameter(3, category)
                        .setParameter(4, content).setParameter(5, district).setParameter(6, status)
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
