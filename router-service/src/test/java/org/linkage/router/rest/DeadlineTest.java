package org.linkage.router.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linkage.commons.security.Actor;
import org.linkage.events.Urgency;
import org.linkage.router.repository.Ticket;
import org.linkage.router.service.DispatchService;
import org.linkage.router.service.TicketDraft;
import org.linkage.router.support.TestClock;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.linkage.router.rest.SupervisionTest.shanghai;

/** Deadlines at dispatch: the earlier of the catalogue rule's and the urgency's limits, on the seeded calendar. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class DeadlineTest {
    @Inject
    DispatchService dispatch;
    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private Ticket create(String category, Urgency urgency) {
        return QuarkusTransaction.requiringNew().call(() -> dispatch.create(new TicketDraft(UUID.randomUUID(), UUID.randomUUID(),
                null, "110", category, urgency, "内容 " + UUID.randomUUID(), null, "510104", null, null, null, null, null, null),
                Actor.system("test")));
    }

    @Test
    void normalTicketOnFridayBeforeMidAutumnCountsWorkingDays() {
        // Fri 2026-09-18 16:00: the make-up Sunday 09-20 works; 09-25..27 are off.
        clock.set(shanghai("2026-09-18T16:00"));
        Ticket t = create("CONSUMER", Urgency.NORMAL);
        assertEquals(shanghai("2026-09-20T16:00"), t.signBy);
        assertEquals(shanghai("2026-09-24T16:00"), t.resolveBy);
        assertEquals(shanghai("2026-09-21T16:00"), t.returnBy);
        assertEquals(Urgency.NORMAL, t.urgency);
    }

    @Test
    void extraUrgentRunsOnElapsedTimeEvenAtNight() {
        Instant night = shanghai("2026-10-02T03:00");
        clock.set(night);
        Ticket t = create("CONSUMER", Urgency.EXTRA_URGENT);
        assertEquals(night.plus(Duration.ofMinutes(15)), t.signBy);
        assertEquals(night.plus(Duration.ofHours(2)), t.resolveBy);
    }

    @Test
    void theCatalogueCanRaiseUrgency() {
        // UTILITIES is URGENT by default: a NORMAL referral still gets 30 minutes to sign and 24 hours to resolve.
        Instant now = shanghai("2026-11-23T10:00");
        clock.set(now);
        Ticket t = create("UTILITIES", Urgency.NORMAL);
        assertEquals(Urgency.URGENT, t.urgency);
        assertEquals(now.plus(Duration.ofMinutes(30)), t.signBy);
        assertEquals(now.plus(Duration.ofHours(24)), t.resolveBy);
    }

    @Test
    void ticketNumbersCarryTheShanghaiDate() {
        clock.set(Instant.parse("2026-11-23T17:00:00Z")); // already 11-24 in Shanghai
        Ticket t = create("CONSUMER", Urgency.NORMAL);
        assertEquals("12345-20261124-", t.ticketNumber.substring(0, 15));
    }
}
