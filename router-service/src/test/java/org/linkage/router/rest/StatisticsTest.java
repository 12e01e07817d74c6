package org.linkage.router.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linkage.router.repository.Ticket;
import org.linkage.router.service.TicketService;
import org.linkage.router.support.Fixtures;
import org.linkage.router.support.TestClock;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.linkage.router.rest.SupervisionTest.shanghai;

/**
 * Figures on a small hand-made data set in March 2026 (no other test writes there). Dispatched
 * Mon 03-02 09:00: sign by Mon 17:30, resolve by Fri 03-06 17:30 (5 working days of 7 h).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class StatisticsTest {
    private static final String RANGE = "from=2026-03-01T00:00:00Z&to=2026-03-09T00:00:00Z";
    private static volatile boolean seeded;

    @Inject
    Fixtures fixtures;
    @Inject
    TicketService tickets;
    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private void at(String local, Runnable step) {
        clock.set(shanghai(local));
        QuarkusTransaction.requiringNew().run(step);
    }

    /*
     * CD-CULTURE (TOURISM): A signed and replied on time (120 working min), satisfied and solved;
     * B signed and replied late (2580 working min), unsatisfied; C returned; D never signed;
     * F a repeat of A, never signed. CD-EDU (EDUCATION): E on time (60 working min), satisfied, not solved.
     */
    synchronized void seed() {
        if (seeded) {
            return;
        }
        clock.set(shanghai("2026-03-02T09:00"));
        Ticket a = fixtures.dispatched("TOURISM", "510104", "宽窄巷子景区商户强制购物导游态度恶劣要求退款");
        Ticket b = fixtures.dispatched("TOURISM", "510104", "旅行社合同约定的酒店被擅自降低标准");
        Ticket c = fixtures.dispatched("TOURISM", "510104", "景区门票价格与公示不一致多收费用");
        Ticket d = fixtures.dispatched("TOURISM", "510104", "一日游车辆超载司机疲劳驾驶");
        Ticket e = fixtures.dispatched("EDUCATION", "510104", "学校课后服务收费不透明");
        clock.set(shanghai("2026-03-02T09:05"));
        Ticket f = fixtures.dispatched("TOURISM", "510104", "宽窄巷子景区商户强制购物导游态度恶劣要求退还费用");
        String culture = a.leadDepartmentCode;
        String edu = e.leadDepartmentCode;
        at("2026-03-02T09:30", () -> tickets.sign(e.ticketNumber, Fixtures.agent(edu), null));
        at("2026-03-02T10:00", () -> tickets.reply(e.ticketNumber, Fixtures.agent(edu), "已要求学校公示收费"));
        at("2026-03-02T10:00", () -> tickets.sign(a.ticketNumber, Fixtures.agent(culture), null));
        at("2026-03-02T11:00", () -> tickets.reply(a.ticketNumber, Fixtures.agent(culture), "已责令商户退款"));
        at("2026-03-02T12:00", () -> tickets.returnTicket(c.ticketNumber, Fixtures.agent(culture), "属市场监管职责"));
        at("2026-03-03T10:00", () -> tickets.sign(b.ticketNumber, Fixtures.agent(culture), null));
        at("2026-03-10T10:00", () -> tickets.reply(b.ticketNumber, Fixtures.agent(culture), "已约谈旅行社"));
        at("2026-03-11T10:00", () -> tickets.callBack(a.ticketNumber, Fixtures.DISPATCHER, true, true, null));
        at("2026-03-11T10:00", () -> tickets.callBack(b.ticketNumber, Fixtures.DISPATCHER, false, false, null));
        at("2026-03-11T10:00", () -> tickets.callBack(e.ticketNumber, Fixtures.DISPATCHER, true, false, null));
        seeded = true;
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void periodsAreShanghaiDaysWeeksAndMonths() {
        // 23:30 on Sunday 5 April and 00:30 on Monday 6 April in Chengdu are the same UTC day (15:30Z and 16:30Z)
        clock.set(shanghai("2026-04-05T23:30"));
        fixtures.dispatched("NOISE", "510104", "周日深夜广场音响扰民");
        clock.set(shanghai("2026-04-06T00:30"));
        fixtures.dispatched("NOISE", "510104", "周一凌晨工地施工噪音");
        clock.set(Instant.parse("2026-04-20T00:00:00Z"));
        String april = "from=2026-04-05T00:00:00Z&to=2026-04-07T00:00:00Z";
        given().get("/api/statistics?groupBy=day&" + april).then().statusCode(200)
                .body("key", contains("2026-04-05", "2026-04-06")).body("received", contains(1, 1));
        given().get("/api/statistics?groupBy=week&" + april).then().statusCode(200)
                .body("key", contains("2026-03-30", "2026-04-06")).body("received", contains(1, 1));
        given().get("/api/statistics?groupBy=month&" + april).then().statusCode(200)
                .body("key", contains("2026-04")).body("received", contains(2));
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void figuresPerDepartmentMatchTheHandCount() {
        seed();
        clock.set(Instant.parse("2026-03-20T00:00:00Z"));
        given().get("/api/statistics?groupBy=department&" + RANGE).then().statusCode(200)
                .body("$", hasSize(2))
                .body("[0].key", equalTo("CD-CULTURE"))
                .body("[0].received", equalTo(5))
                .body("[0].signedOnTime", equalTo(1))
                .body("[0].closedOnTime", equalTo(1))
                .body("[0].overdue", equalTo(4))
                .body("[0].returned", equalTo(1))
                .body("[0].calledBack", equalTo(2))
                .body("[0].repeatCalls", equalTo(1))
                .body("[0].signedOnTimeRate", equalTo(0.2f))
                .body("[0].overdueRate", equalTo(0.8f))
                .body("[0].resolutionRate", equalTo(0.5f))
                .body("[0].satisfactionRate", equalTo(0.5f))
                .body("[0].averageReplyWorkingHours", equalTo(22.5f))
                .body("[1].key", equalTo("CD-EDU"))
                .body("[1].received", equalTo(1))
                .body("[1].overdue", equalTo(0))
                .body("[1].resolutionRate", equalTo(0.0f))
                .body("[1].satisfactionRate", equalTo(1.0f))
                .body("[1].averageReplyWorkingHours", equalTo(1.0f));
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void csvExportHasAHeaderAndOneLinePerGroup() {
        seed();
        clock.set(Instant.parse("2026-03-20T00:00:00Z"));
        given().get("/api/statistics?groupBy=category&format=csv&" + RANGE).then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .body(startsWith("key,received,dispatched,signedOnTime"))
                .body(containsString("\r\nTOURISM,5,5,1,1,4,1,2,1,1,1,0.2000,0.2000,0.8000,0.2000,0.5000,0.5000,22.50,0,0,0\r\n"));
        given().accept("text/csv").get("/api/statistics?groupBy=category&" + RANGE).then().statusCode(200)
                .contentType(startsWith("text/csv"));
    }

    @Test
    @TestSecurity(user = "agent-edu", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "CD-EDU"))
    void departmentAgentCountsOnlyTheirOwnUnit() {
        seed();
        clock.set(Instant.parse("2026-03-20T00:00:00Z"));
        given().get("/api/statistics?groupBy=category&" + RANGE).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].key", equalTo("EDUCATION")).body("[0].received", equalTo(1));
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void aCategoryDistrictPairWellAboveItsBaselineIsAHotspot() {
        // Baseline: one HEALTH and two ENVIRONMENT tickets a day in 青白江区 over the 7 days before.
        for (int day = 1; day <= 7; day++) {
            clock.set(Instant.parse("2026-04-20T03:00:00Z").minusSeconds(86_400L * day));
            fixtures.dispatched("HEALTH", "510113", "诊所收费问题" + day);
            fixtures.dispatched("ENVIRONMENT", "510113", "工厂排放异味" + day);
            fixtures.dispatched("ENVIRONMENT", "510113", "河道污水直排" + day);
        }
        // Last day: six HEALTH (6 ≥ 3 × 1) but only two ENVIRONMENT (2 < 3 × 2).
        clock.set(Instant.parse("2026-04-20T02:00:00Z"));
        for (int i = 0; i < 6; i++) {
            fixtures.dispatched("HEALTH", "510113", "疫苗接种点排队混乱" + i);
        }
        fixtures.dispatched("ENVIRONMENT", "510113", "噪声扰民A");
        fixtures.dispatched("ENVIRONMENT", "510113", "噪声扰民B");
        clock.set(Instant.parse("2026-04-20T04:00:00Z"));
        given().get("/api/statistics/hotspots?windowDays=1&baselineWindows=7&factor=3&minCount=3").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].categoryCode", equalTo("HEALTH"))
                .body("[0].districtCode", equalTo("510113"))
                .body("[0].recent", equalTo(6))
                .body("[0].baselinePerWindow", equalTo(1.0f))
                .body("[0].hot", equalTo(true));
    }
}
