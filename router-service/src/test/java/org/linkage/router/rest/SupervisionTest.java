package org.linkage.router.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventTypes;
import org.linkage.events.Topics;
import org.linkage.router.repository.Ticket;
import org.linkage.router.service.SupervisionService;
import org.linkage.router.support.Fixtures;
import org.linkage.router.support.KafkaSupport;
import org.linkage.router.support.TestClock;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ladder driven by a controllable clock, and no step taken twice even by concurrent runs. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class SupervisionTest {
    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;
    @Inject
    SupervisionService supervision;
    @Inject
    EntityManager em;
    @Inject
    MeterRegistry registry;

    static Instant shanghai(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private List<String> steps(Ticket t) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select step from supervision_step where ticket_id = ?1 and not manual order by id", String.class)
                .setParameter(1, t.id).getResultList());
    }

    @Test
    void signForDeadlineLadderWarnsChasesSupervisesAndLists() {
        // Dispatched Mon 2026-11-23 09:00: sign within 1 working day → Mon 17:30; warning at 80% = 16:06.
        clock.set(shanghai("2026-11-23T09:00"));
        Ticket t = fixtures.dispatched();
        assertEquals(shanghai("2026-11-23T17:30"), t.signBy);
        assertEquals(shanghai("2026-11-23T16:06"), fixtures.reload(t.ticketNumber).nextSupervisionAt);

        clock.set(shanghai("2026-11-23T16:00"));
        supervision.runOnce();
        assertEquals(List.of(), steps(t));

        clock.set(shanghai("2026-11-23T16:10"));
        supervision.runOnce();
        supervision.runOnce();
        assertEquals(List.of("WARNING"), steps(t));

        clock.set(shanghai("2026-11-24T17:31")); // chase at Mon 17:30, supervision one working day later
        supervision.runOnce();
        assertEquals(List.of("WARNING", "CHASE", "SUPERVISE"), steps(t));
        assertEquals("SUPERVISE", fixtures.reload(t.ticketNumber).supervisionLevel.name());

        clock.set(shanghai("2026-11-26T17:31")); // listed two working days after supervision
        supervision.runOnce();
        assertEquals(List.of("WARNING", "CHASE", "SUPERVISE", "LISTED"), steps(t));
        assertEquals(null, fixtures.reload(t.ticketNumber).nextSupervisionAt);

        List<String> actions = fixtures.history(t.ticketNumber).stream().map(h -> h.action).toList();
        assertTrue(actions.containsAll(List.of("SUPERVISION_WARNING", "SUPERVISION_CHASE", "SUPERVISION_SUPERVISE",
                "SUPERVISION_LISTED")), actions.toString());
        // Supervision is internal (issue 10, item 6): the steps stay in the history and never reach the caller's side.
        List<KafkaSupport.Event> events = KafkaSupport.read(Topics.TICKETS, e -> t.id.toString().equals(e.key())
                && EventTypes.TICKET_STATUS_CHANGED.equals(e.type()), 100, Duration.ofSeconds(5));
        assertTrue(events.size() >= 5, "the dispatch and the four steps were announced: " + events.size());
        assertTrue(events.stream().noneMatch(e -> e.data().path("note").asText().contains("SUPERVISION")),
                "no supervision text in any event");
    }

    @Test
    void signingSwitchesTheLadderToTheResolveDeadline() {
        clock.set(shanghai("2026-11-23T09:00"));
        Ticket t = fixtures.signed();
        Ticket after = fixtures.reload(t.ticketNumber);
        // Resolve within 5 working days → Fri 17:30; 80% of 35 h → Thu 17:30.
        assertEquals(shanghai("2026-11-27T17:30"), after.resolveBy);
        assertEquals(shanghai("2026-11-26T17:30"), after.nextSupervisionAt);
    }

    @Test
    void concurrentRunsTakeEachStepOnce() throws Exception {
        clock.set(shanghai("2026-11-16T09:00"));
        Ticket t = fixtures.dispatched();
        clock.set(shanghai("2026-11-20T17:31")); // every step of the sign-for ladder is due
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Integer>> runs = List.of(
                    CompletableFuture.supplyAsync(supervision::runOnce, pool),
                    CompletableFuture.supplyAsync(supervision::runOnce, pool),
                    CompletableFuture.supplyAsync(supervision::runOnce, pool),
                    CompletableFuture.supplyAsync(supervision::runOnce, pool));
            for (CompletableFuture<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(List.of("WARNING", "CHASE", "SUPERVISE", "LISTED"), steps(t));
    }

    @Test
    void theFailureRecordOfATicketNoLongerSupervisedIsForgotten() {
        Ticket t = fixtures.dispatched();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    insert into supervision_failure (ticket_id, failures, last_error, last_failed_at, retry_at)
                    values (?1, 3, 'test', now(), now() + interval '1 hour')""").setParameter(1, t.id).executeUpdate();
            // closed meanwhile: nothing will ever be due on it again
            em.createNativeQuery("update ticket set next_supervision_at = null where id = ?1").setParameter(1, t.id).executeUpdate();
        });
        supervision.runOnce();
        assertEquals(null, setAside(t), "the failure record of a ticket no longer supervised is still there");
    }

    @Test
    void aTicketWhoseStepFailsIsSetAsideWhileTheOthersAreEscalated() {
        clock.set(shanghai("2026-11-16T09:00"));
        Ticket first = fixtures.dispatched();
        Ticket poisoned = fixtures.dispatched();
        Ticket last = fixtures.dispatched();
        double failuresBefore = failures();
        clock.set(shanghai("2026-11-16T16:10")); // the three warnings are due (16:06)
        poison(poisoned);
        try {
            supervision.runOnce();
            assertEquals(List.of("WARNING"), steps(first));
            assertEquals(List.of("WARNING"), steps(last));
            assertEquals(List.of(), steps(poisoned));
            assertEquals(failuresBefore + 1, failures());
            Object[] aside = setAside(poisoned);
            assertEquals(1, ((Number) aside[0]).intValue());
            assertTrue(aside[1].toString().contains("poisoned ticket " + poisoned.id), aside[1].toString());
            assertEquals(shanghai("2026-11-16T16:15"), aside[2]);

            supervision.runOnce(); // inside the back-off: left alone
            assertEquals(failuresBefore + 1, failures());

            clock.set(shanghai("2026-11-16T16:16")); // past it, still failing: the wait doubles
            supervision.runOnce();
            assertEquals(failuresBefore + 2, failures());
            assertEquals(shanghai("2026-11-16T16:26"), setAside(poisoned)[2]);
        } finally {
            cure();
        }
        clock.set(shanghai("2026-11-16T16:27"));
        supervision.runOnce();
        assertEquals(List.of("WARNING"), steps(poisoned));
        assertNull(setAside(poisoned), "the ticket is no longer set aside once it went through");
        assertEquals(failuresBefore + 2, failures());
    }

    private double failures() {
        return registry.counter("linkage.router.supervision.failures").count();
    }

    /** A fault in the database for this one ticket's steps, as a broken row or a failing write would give. */
    private void poison(Ticket t) {
        // DDL: the schema owner's, not the service's (the router runs as a role that owns nothing)
        PostgresResource.asOwner("""
                create or replace function test_poisoned_step() returns trigger language plpgsql as $$
                begin raise exception 'poisoned ticket %', new.ticket_id; end $$""",
                "create trigger test_poisoned_step before insert on supervision_step for each row "
                        + "when (new.ticket_id = '" + t.id + "') execute function test_poisoned_step()");
    }

    private void cure() {
        PostgresResource.asOwner("drop trigger if exists test_poisoned_step on supervision_step",
                "drop function if exists test_poisoned_step()");
    }

    /** failures, last error, retry instant; null when the ticket is not set aside. */
    private Object[] setAside(Ticket t) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery(
                            "select failures, last_error, retry_at from supervision_failure where ticket_id = ?1")
                    .setParameter(1, t.id).getResultList();
            if (rows.isEmpty()) {
                return null;
            }
            Object[] row = (Object[]) rows.get(0);
            row[2] = row[2] instanceof java.time.OffsetDateTime o ? o.toInstant() : row[2];
            return row;
        });
    }
}
