package org.linkage.router.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventTypes;
import org.linkage.events.Topics;
import org.linkage.router.domain.TerminationGround;
import org.linkage.router.repository.ClockRequest;
import org.linkage.router.repository.Ticket;
import org.linkage.router.service.RankingService;
import org.linkage.router.service.SupervisionService;
import org.linkage.router.service.TicketClocks;
import org.linkage.router.support.Fixtures;
import org.linkage.router.support.KafkaSupport;
import org.linkage.router.support.TestClock;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fair clocks over HTTP: 挂起 (pause) stops the resolve clock and moves the deadline by the paused time, 挂账 (park)
 * takes a ticket out of the overdue figures until its plan date, 终止办理 (terminate) needs a supervisor. Steps by
 * other roles than the test's identity go through the services with the identities that would take them.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class TicketClocksTest {
    private static final String HRSS = "CD-HRSS";

    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;
    @Inject
    TicketClocks clocks;
    @Inject
    SupervisionService supervision;
    @Inject
    EntityManager em;
    @Inject
    RankingService rankings;

    static Instant shanghai(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private ClockRequest pending(Ticket t) {
        return QuarkusTransaction.requiringNew().call(() -> ClockRequest.pending(t.id).orElseThrow());
    }

    private void decide(Ticket t, org.linkage.commons.security.Actor who, boolean approve) {
        QuarkusTransaction.requiringNew().run(() -> clocks.decide(t.ticketNumber, who, null, approve, null));
    }

    private void pauseApproved(Ticket t, Instant until) {
        QuarkusTransaction.requiringNew().run(() -> clocks.requestPause(t.ticketNumber, Fixtures.agent(HRSS), "等待来电人补充材料", until));
        decide(t, Fixtures.DISPATCHER, true);
    }

    private List<String> actions(Ticket t) {
        return fixtures.history(t.ticketNumber).stream().map(h -> h.action).toList();
    }

    private List<String> steps(Ticket t) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select step from supervision_step where ticket_id = ?1 and not manual order by id", String.class)
                .setParameter(1, t.id).getResultList());
    }

    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = HRSS))
    void aPauseTheUnitEndsMovesTheResolveDeadlineByThePausedWorkingTime() {
        clock.set(shanghai("2026-12-07T09:00"));
        Ticket t = fixtures.signed();
        assertEquals(shanghai("2026-12-11T17:30"), t.resolveBy);
        String base = "/api/tickets/" + t.ticketNumber;

        clock.set(shanghai("2026-12-08T10:00"));
        given().get(base).then().statusCode(200).body("permittedActions", hasItems("pause", "park"))
                .body("clock.state", equalTo("RUNNING")).body("clock.pausesAllowed", equalTo(2));
        given().contentType(ContentType.JSON).body("{\"reason\":\"等待来电人提供劳动合同\",\"until\":\"2026-12-10T02:00:00Z\"}")
                .post(base + "/pause").then().statusCode(200)
                .body("kind", equalTo("PAUSE")).body("status", equalTo("PENDING")).body("ticketNumber", equalTo(t.ticketNumber));
        // One request at a time; the ticket shows what waits and offers no second request.
        given().get(base).then().statusCode(200).body("status", equalTo("SIGNED"))
                .body("clock.pending.kind", equalTo("PAUSE")).body("permittedActions", not(hasItem("pause")));
        given().contentType(ContentType.JSON).body("{\"reason\":\"再挂起\",\"until\":\"2026-12-10T02:00:00Z\"}")
                .post(base + "/pause").then().statusCode(409).body("title", equalTo("Clock request pending"));

        decide(t, Fixtures.DISPATCHER, true);
        given().get(base).then().statusCode(200).body("status", equalTo("PAUSED"))
                .body("clock.state", equalTo("PAUSED")).body("clock.since", equalTo("2026-12-08T02:00:00Z"))
                .body("clock.until", equalTo("2026-12-10T02:00:00Z")).body("permittedActions", hasItems("progress", "resume"))
                .body("permittedActions", not(hasItem("reply")));
        assertEquals(null, fixtures.reload(t.ticketNumber).nextSupervisionAt, "no ladder runs while the clock stands still");

        // The caller's papers came early: the unit resumes at 15:00, 210 working minutes after the pause began.
        clock.set(shanghai("2026-12-08T15:00"));
        given().contentType(ContentType.JSON).body("{\"note\":\"材料已收到\"}").post(base + "/resume").then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("resolveBy", equalTo("2026-12-14T06:00:00Z"));
        given().get(base).then().statusCode(200).body("clock.state", equalTo("RUNNING"))
                .body("clock.pausesUsed", equalTo(1)).body("clock.heldWorkingMinutes", equalTo(210))
                .body("history.action", hasItems("PAUSE_REQUESTED", "PAUSED", "RESUMED"));
        given().get(base + "/clock-requests").then().statusCode(200)
                .body("[0].status", equalTo("APPROVED")).body("[0].decidedBy", equalTo("dispatcher1"))
                .body("[0].endedAt", equalTo("2026-12-08T07:00:00Z"));
        assertTrue(fixtures.reload(t.ticketNumber).nextSupervisionAt != null, "the ladder runs again on the new deadline");

        // The reply time leaves the paused working time out: 09:00 Mon to 10:00 Wed is 15 working hours, less 3.5.
        clock.set(shanghai("2026-12-09T10:00"));
        given().contentType(ContentType.JSON).body("{\"answer\":\"已协调用人单位支付\"}").post(base + "/reply")
                .then().statusCode(200);
        assertEquals(15 * 60 - 210, fixtures.reload(t.ticketNumber).replyWorkingMinutes);
    }

    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = HRSS))
    void aPausedTicketIsNeitherChasedNorOverdueAndItsPauseEndsByItselfOnce() throws Exception {
        clock.set(shanghai("2026-12-14T09:00"));
        Ticket t = fixtures.signed();
        assertEquals(shanghai("2026-12-18T17:30"), t.resolveBy);
        String base = "/api/tickets/" + t.ticketNumber;
        String day = "from=2026-12-13T16:00:00Z&to=2026-12-14T16:00:00Z";

        clock.set(shanghai("2026-12-18T16:00"));
        QuarkusTransaction.requiringNew().run(() -> clocks.requestPause(t.ticketNumber, Fixtures.agent(HRSS),
                "等待第三方鉴定结果", shanghai("2026-12-22T12:00")));
        given().get("/api/clock-requests?kind=pause").then().statusCode(200)
                .body("ticketNumber", hasItem(t.ticketNumber));
        decide(t, Fixtures.DISPATCHER, true);
        given().get("/api/clock-requests?kind=pause").then().statusCode(200)
                .body("ticketNumber", not(hasItem(t.ticketNumber)));

        // Monday: the original deadline (Fri 17:30) has passed, but the clock stood still.
        clock.set(shanghai("2026-12-21T17:00"));
        supervision.runOnce();
        assertEquals(List.of(), steps(t));
        given().get("/api/statistics?groupBy=department&" + day).then().statusCode(200)
                .body("find { it.key == 'CD-HRSS' }.overdue", equalTo(0));
        given().get("/api/tickets?state=open&departmentCode=CD-HRSS&size=500").then().statusCode(200)
                .body("items.ticketNumber", hasItem(t.ticketNumber));

        // After the approved end the job resumes it; two instances running at once resume it once.
        clock.set(shanghai("2026-12-22T12:05"));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        int resumed;
        try {
            List<CompletableFuture<Integer>> runs = List.of(CompletableFuture.supplyAsync(clocks::resumeDue, pool),
                    CompletableFuture.supplyAsync(clocks::resumeDue, pool), CompletableFuture.supplyAsync(clocks::resumeDue, pool));
            resumed = 0;
            for (CompletableFuture<Integer> run : runs) {
                resumed += run.get();
            }
        } finally {
            pool.shutdown();
        }
        assertTrue(resumed >= 1);
        assertEquals(1, actions(t).stream().filter("RESUMED"::equals).count());
        // Paused Fri 16:00 to Tue 12:00 = 1.5 + 7 + 3 = 11.5 working hours, added to Fri 17:30 → Tue 12-22 15:00.
        Ticket after = fixtures.reload(t.ticketNumber);
        assertEquals("IN_PROGRESS", after.status.name());
        assertEquals(shanghai("2026-12-22T15:00"), after.resolveBy);
        assertEquals("system:clocks", fixtures.history(t.ticketNumber).stream()
                .filter(h -> h.action.equals("RESUMED")).findFirst().orElseThrow().actor);

        // Past the moved deadline it is overdue like any other ticket.
        clock.set(shanghai("2026-12-23T16:30"));
        supervision.runOnce();
        assertTrue(steps(t).contains("CHASE"), steps(t).toString());
        given().get("/api/statistics?groupBy=department&" + day).then().statusCode(200)
                .body("find { it.key == 'CD-HRSS' }.overdue", equalTo(1));
        List<KafkaSupport.Event> paused = KafkaSupport.read(Topics.TICKETS, e -> t.id.toString().equals(e.key())
                && EventTypes.TICKET_STATUS_CHANGED.equals(e.type())
                && "PAUSED".equals(e.data().path("status").asText()), 1, Duration.ofSeconds(30));
        assertEquals(1, paused.size(), "intake hears of the pause");
    }

    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = HRSS))
    void pausesAreLimitedPerTicketAndBadRequestsNameTheirField() {
        clock.set(shanghai("2026-12-07T09:30"));
        Ticket t = fixtures.signed();
        String base = "/api/tickets/" + t.ticketNumber;
        given().contentType(ContentType.JSON).body("{\"until\":\"2026-12-08T02:00:00Z\"}")
                .post(base + "/pause").then().statusCode(400).body("errors.field", hasItem(equalTo("reason")));
        given().contentType(ContentType.JSON).body("{\"reason\":\"等待\",\"until\":\"2026-12-01T02:00:00Z\"}")
                .post(base + "/pause").then().statusCode(400).body("errors[0].field", equalTo("until"));
        // More than the 15 days allowed in all.
        given().contentType(ContentType.JSON).body("{\"reason\":\"等待\",\"until\":\"2026-12-30T02:00:00Z\"}")
                .post(base + "/pause").then().statusCode(409).body("title", equalTo("Pause limit reached"))
                .body("errors[0].field", equalTo("until"));

        for (int i = 0; i < 2; i++) {
            clock.advance(Duration.ofHours(1));
            pauseApproved(t, clock.instant().plus(Duration.ofHours(1)));
            QuarkusTransaction.requiringNew().run(() -> clocks.resume(t.ticketNumber, Fixtures.agent(HRSS), null));
        }
        given().get(base).then().statusCode(200).body("clock.pausesUsed", equalTo(2))
                .body("permittedActions", not(hasItem("pause"))).body("permittedActions", hasItem("park"));
        given().contentType(ContentType.JSON).body("{\"reason\":\"第三次\",\"until\":\"2026-12-09T02:00:00Z\"}")
                .post(base + "/pause").then().statusCode(409).body("title", equalTo("Pause limit reached"))
;
        // Nothing to resume on a running clock; terminating is a dispatcher's proposal.
        given().contentType(ContentType.JSON).body("{}").post(base + "/resume").then().statusCode(409);
        given().contentType(ContentType.JSON).body("{\"ground\":\"UNLAWFUL_DEMAND\",\"reason\":\"x\"}")
                .post(base + "/terminate").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = HRSS))
    void aParkedTicketLeavesTheOverdueFiguresAndReturnsOnItsPlanDate() {
        // A day of its own, long before the tests run: tickets other tests make with the real clock must not fall into
        // the day whose overdue figure this test reads.
        clock.set(shanghai("2026-09-08T09:00"));
        Ticket t = fixtures.signed();
        String base = "/api/tickets/" + t.ticketNumber;
        String day = "from=2026-09-07T16:00:00Z&to=2026-09-08T16:00:00Z";
        clock.set(shanghai("2026-09-09T10:00"));
        given().contentType(ContentType.JSON).body("{\"reason\":\"需纳入明年预算\",\"planDate\":\"2026-09-09\"}")
                .post(base + "/park").then().statusCode(400).body("errors[0].field", equalTo("planDate"));
        given().contentType(ContentType.JSON).body("{\"reason\":\"需纳入明年预算\"}")
                .post(base + "/park").then().statusCode(400).body("errors.field", hasItem(equalTo("planDate")));
        given().contentType(ContentType.JSON).body("{\"reason\":\"需纳入明年预算\",\"planDate\":\"2027-01-11\"}")
                .post(base + "/park").then().statusCode(200).body("kind", equalTo("PARK")).body("planDate", equalTo("2027-01-11"));

        // A dispatcher may not approve parking: that is a supervisor's decision.
        Ticket parked = t;
        org.junit.jupiter.api.Assertions.assertThrows(org.linkage.commons.problem.ProblemException.class,
                () -> decide(parked, Fixtures.DISPATCHER, true));
        decide(t, Fixtures.SUPERVISOR, true);
        given().get(base).then().statusCode(200).body("status", equalTo("PARKED")).body("clock.state", equalTo("PARKED"))
                .body("clock.planDate", equalTo("2027-01-11")).body("clock.until", equalTo("2027-01-10T16:00:00Z"))
                .body("history.action", hasItems("PARK_REQUESTED", "PARKED"));

        // Long past the original deadline, it is not overdue and not chased.
        clock.set(shanghai("2026-10-20T10:00"));
        supervision.runOnce();
        assertEquals(List.of(), steps(t));
        given().get("/api/statistics?groupBy=department&" + day).then().statusCode(200)
                .body("find { it.key == 'CD-HRSS' }.overdue", equalTo(0));
        clocks.resumeDue();
        assertEquals("PARKED", fixtures.reload(t.ticketNumber).status.name(), "not before its plan date");

        // On the plan date it comes back with a fresh resolve deadline of 5 working days from the start of that day.
        clock.set(shanghai("2027-01-11T00:01"));
        clocks.resumeDue();
        given().get(base).then().statusCode(200).body("status", equalTo("IN_PROGRESS"))
                .body("resolveBy", equalTo(shanghai("2027-01-15T17:30").toString()))
                .body("clock.state", equalTo("RUNNING")).body("history.action", hasItem("UNPARKED"));
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void terminationIsProposedByADispatcherAndTakesASupervisor() {
        Ticket t = fixtures.replied();
        String base = "/api/tickets/" + t.ticketNumber;
        given().contentType(ContentType.JSON).body("{\"ground\":\"NONSENSE\",\"reason\":\"x\"}")
                .post(base + "/terminate").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"ground\":\"CALLER_REFUSES_CONTACT\"}")
                .post(base + "/terminate").then().statusCode(400).body("errors.field", hasItem(equalTo("reason")));
        given().contentType(ContentType.JSON)
                .body("{\"ground\":\"CALLER_REFUSES_CONTACT\",\"reason\":\"三次回访均拒接，短信亦无回复\"}")
                .post(base + "/terminate").then().statusCode(200).body("kind", equalTo("TERMINATE"))
                .body("ground", equalTo("CALLER_REFUSES_CONTACT"));
        given().get(base).then().statusCode(200).body("permittedActions", not(hasItem("clock-decision")))
                .body("permittedActions", not(hasItem("terminate")));
        given().contentType(ContentType.JSON).body("{\"approve\":true}").post(base + "/clock-decision")
                .then().statusCode(403);

        decide(t, Fixtures.SUPERVISOR, true);
        given().get(base).then().statusCode(200).body("status", equalTo("TERMINATED"))
                .body("clock.state", equalTo("TERMINATED")).body("clock.terminationGround", equalTo("CALLER_REFUSES_CONTACT"))
                .body("answer", equalTo("已协调支付工资")).body("permittedActions", equalTo(List.of("callback")))
                .body("history.action", hasItems("TERMINATION_PROPOSED", "TERMINATED"));
        List<KafkaSupport.Event> events = KafkaSupport.read(Topics.TICKETS, e -> t.id.toString().equals(e.key())
                && EventTypes.TICKET_STATUS_CHANGED.equals(e.type())
                && "TERMINATED".equals(e.data().path("status").asText()), 1, Duration.ofSeconds(30));
        assertEquals(1, events.size());
        assertTrue(events.get(0).data().path("note").asText().startsWith("TERMINATED:CALLER_REFUSES_CONTACT"));
        assertEquals(t.callId.toString(), events.get(0).data().path("callId").asText());
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void aDispatcherDecidesAPauseAndADecisionOnAnOutdatedPageIsRefused() {
        Ticket t = fixtures.signed();
        String base = "/api/tickets/" + t.ticketNumber;
        given().contentType(ContentType.JSON).body("{\"reason\":\"来电人外出，约定下周回访\",\"until\":\""
                        + Instant.now().plus(Duration.ofDays(2)) + "\"}")
                .post(base + "/pause").then().statusCode(200).body("requestedBy", equalTo("dispatcher1"));
        given().get("/api/clock-requests?kind=pause").then().statusCode(200).body("ticketNumber", hasItem(t.ticketNumber));
        given().get(base).then().statusCode(200).body("permittedActions", hasItem("clock-decision"));
        given().contentType(ContentType.JSON).body("{\"approve\":true,\"requestId\":\"" + java.util.UUID.randomUUID() + "\"}")
                .post(base + "/clock-decision").then().statusCode(409);
        given().contentType(ContentType.JSON).body("{\"approve\":true,\"requestId\":\"" + pending(t).id + "\",\"note\":\"同意\"}")
                .post(base + "/clock-decision").then().statusCode(200).body("status", equalTo("APPROVED"));
        given().get(base).then().statusCode(200).body("status", equalTo("PAUSED")).body("permittedActions", hasItem("resume"));
        given().contentType(ContentType.JSON).body("{}").post(base + "/resume").then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void aTerminatedTicketWithoutAnAnswerTellsTheCallerWhy() {
        Ticket t = fixtures.signed();
        QuarkusTransaction.requiringNew().run(() -> clocks.proposeTermination(t.ticketNumber, Fixtures.DISPATCHER,
                TerminationGround.UNLAWFUL_DEMAND, "要求违法拆除邻居合法建筑"));
        decide(t, Fixtures.SUPERVISOR, true);
        given().get("/api/tickets/" + t.ticketNumber).then().statusCode(200).body("status", equalTo("TERMINATED"))
                .body("answer", equalTo("终止办理（诉求不合法）：要求违法拆除邻居合法建筑"));
        assertEquals(null, fixtures.reload(t.ticketNumber).nextSupervisionAt);
        given().contentType(ContentType.JSON).body("{\"approve\":true}").post("/api/tickets/" + t.ticketNumber + "/clock-decision")
                .then().statusCode(409);
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void theSupervisorListsAndDecidesParkingAndARejectionLeavesTheClockRunning() {
        Ticket t = fixtures.signed();
        QuarkusTransaction.requiringNew().run(() -> clocks.requestPark(t.ticketNumber, Fixtures.agent(HRSS), "需列入改造计划",
                LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30)));
        given().get("/api/clock-requests?kind=park").then().statusCode(200)
                .body("find { it.ticketNumber == '" + t.ticketNumber + "' }.reason", equalTo("需列入改造计划"));
        given().get("/api/clock-requests?kind=later").then().statusCode(400).body("errors[0].field", equalTo("kind"));
        given().contentType(ContentType.JSON).body("{\"approve\":false,\"note\":\"期限内可办结\"}")
                .post("/api/tickets/" + t.ticketNumber + "/clock-decision").then().statusCode(200)
                .body("status", equalTo("REJECTED"));
        given().get("/api/tickets/" + t.ticketNumber).then().statusCode(200).body("status", equalTo("SIGNED"))
                .body("clock.state", equalTo("RUNNING")).body("history.action", hasItem("PARK_REJECTED"));
    }

    @Test
    @TestSecurity(user = "agent-wuhou", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "510107-URBAN"))
    void anotherUnitNeitherSeesNorTouchesTheClock() {
        Ticket t = fixtures.signed();
        QuarkusTransaction.requiringNew().run(() -> clocks.requestPause(t.ticketNumber, Fixtures.agent(HRSS), "等待",
                Instant.now().plus(Duration.ofDays(1))));
        String base = "/api/tickets/" + t.ticketNumber;
        given().contentType(ContentType.JSON).body("{\"reason\":\"x\",\"until\":\"2030-01-01T00:00:00Z\"}")
                .post(base + "/pause").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{}").post(base + "/resume").then().statusCode(404);
        given().get(base + "/clock-requests").then().statusCode(404);
        given().get("/api/clock-requests").then().statusCode(200).body("ticketNumber", not(hasItem(t.ticketNumber)));
        given().contentType(ContentType.JSON).body("{\"approve\":true}").post(base + "/clock-decision").then().statusCode(403);
    }

    /**
     * 回访 after 终止办理: the call-back is recorded on the terminated ticket with the approved ground and reason, and
     * since the termination was reviewed and approved, the caller's verdict does not count in the unit's ranking.
     */
    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void theCallBackOfATerminatedTicketRecordsTheTerminationAndDoesNotCountAgainstTheUnit() {
        clock.set(SupervisionTest.shanghai("2026-04-14T09:00"));
        Ticket t = fixtures.signed();
        QuarkusTransaction.requiringNew().run(() -> clocks.proposeTermination(t.ticketNumber, Fixtures.DISPATCHER,
                TerminationGround.UNLAWFUL_DEMAND, "要求违法拆除邻居合法建筑"));
        decide(t, Fixtures.SUPERVISOR, true);
        clock.set(Instant.parse("2026-05-10T00:00:00Z"));
        RankingService.Row before = hrss(rankings.report(YearMonth.of(2026, 4)));

        clock.set(SupervisionTest.shanghai("2026-04-15T10:00"));
        String base = "/api/tickets/" + t.ticketNumber;
        // The console shows the return call that tells the caller handling ended, and only until it is made.
        given().get(base).then().statusCode(200).body("permittedActions", equalTo(List.of("callback")));
        given().contentType(ContentType.JSON).body("{\"satisfied\": false, \"solved\": false, \"note\": \"来电人对终止办理不满\"}")
                .post(base + "/callback").then().statusCode(200).body("status", equalTo("TERMINATED"));
        given().get(base).then().statusCode(200).body("status", equalTo("TERMINATED"))
                .body("permittedActions", equalTo(List.of()))
                .body("satisfied", equalTo(false)).body("calledBackAt", org.hamcrest.Matchers.notNullValue())
                .body("history.find { it.action == 'CALL_BACK' }.note", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.startsWith("终止办理（诉求不合法）：要求违法拆除邻居合法建筑"),
                        org.hamcrest.Matchers.containsString("来电人对终止办理不满")));
        given().contentType(ContentType.JSON).body("{\"satisfied\": true, \"solved\": true}")
                .post(base + "/callback").then().statusCode(409)
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));

        clock.set(Instant.parse("2026-05-10T00:00:00Z"));
        RankingService.Row after = hrss(rankings.report(YearMonth.of(2026, 4)));
        assertEquals(before.dispatched(), after.dispatched());
        assertEquals(before.calledBack(), after.calledBack(), "a terminated ticket's return call is not counted");
        assertEquals(before.satisfied(), after.satisfied());
    }

    private static RankingService.Row hrss(RankingService.Report report) {
        return report.tiers().get(0).rows().stream().filter(r -> r.unitCode().equals(HRSS)).findFirst().orElseThrow();
    }
}
