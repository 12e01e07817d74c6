package org.linkage.router.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.linkage.router.repository.Ticket;
import org.linkage.router.repository.TicketAttachment;
import org.linkage.router.repository.TicketUnit;
import org.linkage.router.support.Fixtures;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.util.Arrays;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The existence checks and counts on the consumer and dispatch paths answer as before (a referral that made a ticket,
 * a unit on the ticket, its files), and the referral check runs from Hibernate's cached plan: each call finds both the
 * parsed query and its SQL translation in the cache (two plan-cache hits on its query string), where Panache's
 * {@code count} found only the parsed query and translated a derived count query again every time.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class CachedExistsQueriesTest {
    static final int CALLS = 50;

    @Inject
    Fixtures fixtures;
    @Inject
    SessionFactory sessionFactory;

    @Test
    void theChecksAnswerAsBefore() {
        Ticket t = fixtures.dispatched();
        QuarkusTransaction.requiringNew().run(() -> {
            assertTrue(Ticket.existsForReferral(t.referralId), "the referral made this ticket");
            assertFalse(Ticket.existsForReferral(UUID.randomUUID()), "an unknown referral made none");
            assertTrue(TicketUnit.involves(t.id, t.leadDepartmentCode), "the lead unit is on the ticket");
            assertFalse(TicketUnit.involves(t.id, "NO-SUCH-UNIT"));
            assertFalse(TicketUnit.involves(t.id, null));
            assertEquals(0, TicketAttachment.countOf(t.id), "no files yet");
            assertFalse(TicketAttachment.anyByUnit(t.id, t.leadDepartmentCode));
        });
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 3; i++) {
                TicketAttachment a = new TicketAttachment();
                a.id = UUID.randomUUID();
                a.ticketId = t.id;
                a.fileName = "现场照片" + i + ".jpg";
                a.contentType = "image/jpeg";
                a.sizeBytes = 10;
                a.sha256 = "0".repeat(64);
                a.departmentCode = i == 2 ? t.leadDepartmentCode : null;
                a.uploadedBy = "agent";
                a.uploadedAt = java.time.Instant.now();
                a.persist();
            }
        });
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(3, TicketAttachment.countOf(t.id));
            assertTrue(TicketAttachment.anyByUnit(t.id, t.leadDepartmentCode), "one file is the lead unit's");
            assertFalse(TicketAttachment.anyByUnit(t.id, "NO-SUCH-UNIT"));
        });
    }

    @Test
    void theReferralCheckRunsFromTheCachedPlan() {
        Statistics stats = sessionFactory.getStatistics();
        boolean was = stats.isStatisticsEnabled();
        stats.setStatisticsEnabled(true);
        try {
            QuarkusTransaction.requiringNew().run(() -> Ticket.existsForReferral(UUID.randomUUID())); // first: a miss
            long before = referralCheckHits(stats);
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < CALLS; i++) {
                    Ticket.existsForReferral(UUID.randomUUID());
                }
            });
            long hits = referralCheckHits(stats) - before;
            System.out.printf("BENCH router referral check: %d plan-cache hits for %d calls%n", hits, CALLS);
            assertTrue(hits >= 2L * CALLS, "parsed query and SQL translation both cached: " + hits + " hits for "
                    + CALLS + " calls");
        } finally {
            stats.setStatisticsEnabled(was);
        }
    }

    /** Plan-cache hits of every query string on the ticket's referral (the check's own, whatever its wording). */
    private static long referralCheckHits(Statistics stats) {
        return Arrays.stream(stats.getQueries()).filter(q -> q.contains("referralId"))
                .mapToLong(q -> stats.getQueryStatistics(q).getPlanCacheHitCount()).sum();
    }
}
