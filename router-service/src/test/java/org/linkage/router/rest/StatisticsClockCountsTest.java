package org.linkage.router.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linkage.router.domain.TerminationGround;
import org.linkage.router.repository.Ticket;
import org.linkage.router.service.TicketClocks;
import org.linkage.router.service.TicketService;
import org.linkage.router.support.Fixtures;
import org.linkage.router.support.TestClock;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.startsWith;
import static org.linkage.router.rest.SupervisionTest.shanghai;

/** Paused (挂起), parked (挂账) and terminated (终止办理) tickets in the statistics; tickets of 2026-08-25 10:00-10:01. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class StatisticsClockCountsTest {
    private static final String RANGE = "from=2026-08-25T02:00:00Z&to=2026-08-25T02:01:00Z";

    @Inject
    Fixtures fixtures;
    @Inject
    TicketService tickets;
    @Inject
    TicketClocks clocks;
    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private Ticket signedHealthTicket() {
        clock.set(shanghai("2026-08-25T10:00"));
        Ticket t = fixtures.dispatched("HEALTH", "510104", "诊所收费不透明 " + UUID.randomUUID());
        clock.set(shanghai("2026-08-25T11:00"));
        QuarkusTransaction.requiringNew().run(() -> tickets.sign(t.ticketNumber, Fixtures.agent(t.leadDepartmentCode), null));
        return t;
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void pausedParkedAndTerminatedTicketsAreCounted() {
        Ticket paused = signedHealthTicket();
        Ticket parked = signedHealthTicket();
        Ticket terminated = signedHealthTicket();
        signedHealthTicket();
        String unit = paused.leadDepartmentCode;
        clock.set(shanghai("2026-08-26T10:00"));
        QuarkusTransaction.requiringNew().run(() -> clocks.requestPause(paused.ticketNumber, Fixtures.agent(unit),
                "等待来电人补充材料", shanghai("2026-08-28T10:00")));
        QuarkusTransaction.requiringNew().run(() -> clocks.decide(paused.ticketNumber, Fixtures.DISPATCHER, null, true, null));
        QuarkusTransaction.requiringNew().run(() -> clocks.requestPark(parked.ticketNumber, Fixtures.agent(unit),
                "需列入明年预算", LocalDate.of(2026, 10, 15)));
        QuarkusTransaction.requiringNew().run(() -> clocks.decide(parked.ticketNumber, Fixtures.SUPERVISOR, null, true, null));
        QuarkusTransaction.requiringNew().run(() -> clocks.proposeTermination(terminated.ticketNumber, Fixtures.DISPATCHER,
                TerminationGround.CALLER_REFUSES_CONTACT, "多次联系无果"));
        QuarkusTransaction.requiringNew().run(() -> clocks.decide(terminated.ticketNumber, Fixtures.SUPERVISOR, null, true, null));

        given().get("/api/statistics?groupBy=category&" + RANGE).then().statusCode(200)
                .body("key", contains("HEALTH")).body("received", contains(4))
                .body("paused", contains(1)).body("parked", contains(1)).body("terminated", contains(1))
                .body("overdue", contains(0));
        given().get("/api/statistics?groupBy=category&format=csv&" + RANGE).then().statusCode(200)
                .body(startsWith("key,received,dispatched,signedOnTime,closedOnTime,overdue,returned,calledBack,solved,"
                        + "satisfied,repeatCalls,signedOnTimeRate,closedOnTimeRate,overdueRate,returnRate,resolutionRate,"
                        + "satisfactionRate,averageReplyWorkingHours,paused,parked,terminated\r\n"));
    }
}
