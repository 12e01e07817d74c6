package org.linkage.router.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
        assertEquals("SUPERVISE", fixtures.reload(t.ticketNumber).supervisionLevel);

        clock.set(shanghai("2026-11-26T17:31")); // listed two working days after supervision
        supervision.runOnce();
        assertEquals(List.of("WARNING", "CHASE", "SUPERVISE", "LISTED"), steps(t));
        assertEquals(null, fixtures.reload(t.ticketNumber).nextSupervisionAt);

        List<String> actions = fixtures.history(t.ticketNumber).stream().map(h -> h.action).toList();
        assertTrue(actions.containsAll(List.of("SUPERVISION_WARNING", "SUPERVISION_CHASE", "SUPERVISION_SUPERVISE",
                "SUPERVISION_LISTED")), actions.toString());
        List<KafkaSupport.Event> notes = KafkaSupport.read(Topics.TICKETS, e -> t.id.toString().equals(e.key())
                && EventTypes.TICKET_STATUS_CHANGED.equals(e.type())
                && e.data().path("note").asText().startsWith("SUPERVISION:"), 4, Duration.ofSeconds(30));
        assertEquals(4, notes.size());
        assertEquals("DISPATCHED", notes.get(0).data().get("status").asText());
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
}
