package org.linkage.router.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.router.domain.AppealGround;
import org.linkage.router.repository.Ticket;
import org.linkage.router.service.AppealService;
import org.linkage.router.service.TicketService;
import org.linkage.router.support.Fixtures;
import org.linkage.router.support.TestClock;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.router.rest.SupervisionTest.shanghai;

/**
 * The monthly ranking on a seeded July 2026 (no other test writes there), against a table worked out by hand from the
 * facts below with the default weights (on-time sign 0.15, on-time close 0.15, resolution 0.35, satisfaction 0.35).
 * Every ticket is dispatched Mon 07-06 09:00 (sign within a working day, resolve within 3 or 5); "on time" below is a
 * sign at 09:30 and a reply on Tue 07-07; "late" is a sign on Wed 07-08 and a reply on Mon 07-20.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class RankingTest {
    private static volatile boolean seeded;

    // rank, unit, dispatched, signed on time, closed on time, called back, solved, satisfied,
    // sign rate, close rate, resolution, satisfaction, score, excluded by appeal, appeals filed/accepted/rejected/pending
    //   CD-EDU     2/2 2/2 2/2 2/2 → 100.00
    //   CD-HEALTH  1/1 1/1, no call-back: scored on 0.15 + 0.15 alone → 100.00, the same rank as CD-EDU
    //   CD-CULTURE 3/4 3/4 1/3 2/3 → 15×0.75 + 15×0.75 + 35×1/3 + 35×2/3 = 57.50, rank 3 (1, 1, 3)
    private static final List<Object[]> MUNICIPAL = List.of(
            new Object[]{1, "CD-EDU", 2, 2, 2, 2, 2, 2, "1.0000", "1.0000", "1.0000", "1.0000", "100.00", 0, 1, 0, 1, 0},
            new Object[]{1, "CD-HEALTH", 1, 1, 1, 0, 0, 0, "1.0000", "1.0000", null, null, "100.00", 0, 0, 0, 0, 0},
            new Object[]{3, "CD-CULTURE", 4, 3, 3, 3, 1, 2, "0.7500", "0.7500", "0.3333", "0.6667", "57.50", 1, 1, 1, 0, 0});
    //   510108 1/2 1/2 1/1 1/1 → 7.5 + 7.5 + 35 + 35 = 85.00
    //   510107 2/2 1/2 1/2 1/2 → 15 + 7.5 + 17.5 + 17.5 = 57.50
    private static final List<Object[]> DISTRICT = List.of(
            new Object[]{1, "510108", 2, 1, 1, 1, 1, 1, "0.5000", "0.5000", "1.0000", "1.0000", "85.00", 0, 1, 0, 0, 1},
            new Object[]{2, "510107", 2, 2, 1, 2, 1, 1, "1.0000", "0.5000", "0.5000", "0.5000", "57.50", 0, 0, 0, 0, 0});

    @Inject
    Fixtures fixtures;
    @Inject
    TicketService tickets;
    @Inject
    AppealService appeals;
    @Inject
    TestClock clock;
    @Inject
    AuditTrail audit;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private void at(String local, Runnable step) {
        clock.set(shanghai(local));
        QuarkusTransaction.requiringNew().run(step);
    }

    private void sign(Ticket t, String local) {
        at(local, () -> tickets.sign(t.ticketNumber, Fixtures.agent(t.leadDepartmentCode), null));
    }

    private void reply(Ticket t, String local) {
        at(local, () -> tickets.reply(t.ticketNumber, Fixtures.agent(t.leadDepartmentCode), "已处理"));
    }

    private void callBack(Ticket t, boolean satisfied, boolean solved) {
        at("2026-07-21T10:00", () -> tickets.callBack(t.ticketNumber, Fixtures.DISPATCHER, satisfied, solved, null));
    }

    /** sign on time or late, reply on time or late (or never: null), then the call-back (or none: null). */
    private Ticket ticket(String category, String district, boolean signOnTime, Boolean replyOnTime,
                          Boolean satisfied, Boolean solved) {
        clock.set(shanghai("2026-07-06T09:00"));
        Ticket t = fixtures.dispatched(category, district, "考核测试 " + category + " " + UUID.randomUUID());
        sign(t, signOnTime ? "2026-07-06T09:30" : "2026-07-08T10:00");
        if (replyOnTime != null) {
            reply(t, replyOnTime ? (signOnTime ? "2026-07-07T10:00" : "2026-07-08T11:00") : "2026-07-20T10:00");
        }
        if (satisfied != null) {
            callBack(t, satisfied, solved);
        }
        return t;
    }

    /*
     * Municipal tier
     *   CD-CULTURE (TOURISM): A on time/on time, satisfied+solved; B on time/late, unsatisfied, unsolved;
     *     C late/on time, satisfied, unsolved; D on time/on time, no call-back;
     *     E never signed, appealed (wrong dispatch) and accepted: out of CD-CULTURE's figures.
     *   CD-EDU (EDUCATION): F and G on time/on time, satisfied+solved; G appealed and rejected: still counted.
     *   CD-HEALTH (HEALTH): H on time/on time, no call-back.
     * District tier (a district's units together)
     *   510107 武侯区: I NOISE (510107-URBAN) on time/late, satisfied+solved; J PROPERTY (510107-GOV) on time/on time,
     *     unsatisfied, unsolved.
     *   510108 成华区: K NOISE (510108-URBAN) late, never replied; L CITY (510108-URBAN) on time/on time,
     *     satisfied+solved, appealed (other, with words) and still pending: counted.
     */
    synchronized void seed() {
        if (seeded) {
            return;
        }
        ticket("TOURISM", "510104", true, true, true, true);
        ticket("TOURISM", "510104", true, false, false, false);
        ticket("TOURISM", "510104", false, true, true, false);
        ticket("TOURISM", "510104", true, true, null, null);
        clock.set(shanghai("2026-07-06T09:00"));
        Ticket e = fixtures.dispatched("TOURISM", "510104", "考核测试 不属于文旅职责的工单");
        ticket("EDUCATION", "510104", true, true, true, true);
        Ticket g = ticket("EDUCATION", "510104", true, true, true, true);
        ticket("HEALTH", "510104", true, true, null, null);
        ticket("NOISE", "510107", true, false, true, true);
        ticket("PROPERTY", "510107", true, true, false, false);
        ticket("NOISE", "510108", false, null, null, null);
        Ticket l = ticket("CITY", "510108", true, true, true, true);

        at("2026-07-07T09:00", () -> appeals.file(e.ticketNumber, Fixtures.agent("CD-CULTURE"),
                AppealGround.WRONG_DISPATCH, "属市场监管局职责"));
        AppealService.AppealView ea = QuarkusTransaction.requiringNew().call(() ->
                appeals.list(null, null, Fixtures.agent("CD-CULTURE"), 10).get(0));
        at("2026-07-08T09:00", () -> appeals.decide(ea.id(), Fixtures.SUPERVISOR, true, "核实派单错误"));
        at("2026-07-22T09:00", () -> appeals.file(g.ticketNumber, Fixtures.agent("CD-EDU"),
                AppealGround.UNREASONABLE_DEMAND, null));
        AppealService.AppealView ga = QuarkusTransaction.requiringNew().call(() ->
                appeals.list(null, null, Fixtures.agent("CD-EDU"), 10).get(0));
        at("2026-07-23T09:00", () -> appeals.decide(ga.id(), Fixtures.SUPERVISOR, false, "诉求合理"));
        at("2026-07-22T09:00", () -> appeals.file(l.ticketNumber, Fixtures.agent("510108-URBAN"),
                AppealGround.OTHER, "来电人已当面撤回诉求"));
        seeded = true;
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void theRankingOfASeededMonthMatchesTheHandComputedTable() {
        seed();
        clock.set(Instant.parse("2026-08-05T00:00:00Z"));
        JsonPath report = given().get("/api/assessment/rankings?month=2026-07").then().statusCode(200)
                .body("month", equalTo("2026-07"))
                .body("zone", equalTo("Asia/Shanghai"))
                .body("from", equalTo("2026-06-30T16:00:00Z"))
                .body("to", equalTo("2026-07-31T16:00:00Z"))
                .body("tiers[0].tier", equalTo("MUNICIPAL"))
                .body("tiers[1].tier", equalTo("DISTRICT"))
                .extract().jsonPath();

        assertTable(MUNICIPAL, report.getList("tiers[0].rows"));
        assertTable(DISTRICT, report.getList("tiers[1].rows"));
        assertEquals("成都市卫生健康委员会", report.getString("tiers[0].rows[1].nameZh"));
        assertEquals("成华区", report.getString("tiers[1].rows[0].nameZh"));
    }

    private static void assertTable(List<Object[]> expected, List<Map<String, Object>> rows) {
        String[] fields = {"rank", "unitCode", "dispatched", "signedOnTime", "closedOnTime", "calledBack", "solved",
                "satisfied", "signOnTimeRate", "closeOnTimeRate", "resolutionRate", "satisfactionRate", "score",
                "excludedByAppeal", "appealsFiled", "appealsAccepted", "appealsRejected", "appealsPending"};
        assertEquals(expected.size(), rows.size(), "rows: " + rows);
        for (int i = 0; i < expected.size(); i++) {
            Object[] actual = new Object[fields.length];
            for (int f = 0; f < fields.length; f++) {
                Object v = rows.get(i).get(fields[f]);
                // rates and scores as the text the table above writes them in
                actual[f] = v instanceof Float || v instanceof Double ? new java.math.BigDecimal(v.toString())
                        .setScale(f == 12 ? 2 : 4, java.math.RoundingMode.HALF_UP).toPlainString() : v;
            }
            assertArrayEquals(expected.get(i), actual, "row " + i + ": " + rows.get(i));
        }
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void theReportOpensInExcelAsChineseAndPrintsAsAPage() {
        seed();
        byte[] csv = given().get("/api/assessment/rankings?month=2026-07&format=csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).header("Content-Disposition", containsString("rankings-2026-07.csv"))
                .extract().asByteArray();
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(csv, 3),
                "UTF-8 byte-order mark first, so Excel reads the Chinese");
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        assertTrue(text.startsWith("层级,名次,单位代码,单位名称,派单数"), text);
        assertTrue(text.contains("\r\n市级部门,3,CD-CULTURE,成都市文化广电旅游局,4,3,3,3,1,2,0.7500,0.7500,0.3333,0.6667,57.50,1,1,1,0,0\r\n"), text);
        assertTrue(text.contains("\r\n区（市）县,1,510108,成华区,2,1,1,1,1,1,0.5000,0.5000,1.0000,1.0000,85.00,0,1,0,0,1\r\n"), text);

        given().accept("text/html").get("/api/assessment/rankings?month=2026-07").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("<html lang=\"zh-CN\">"))
                .body(containsString("2026-07 12345热线承办单位考核排名"))
                .body(containsString("@media print"))
                .body(containsString("<td class=\"name\">成华区</td><td>2</td><td>1</td><td>1</td><td>1</td><td>1</td><td>1</td><td>50.00%</td><td>50.00%</td><td>100.00%</td><td>100.00%</td><td>85.00</td>"));
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void anAcceptedAppealLeavesTheUnitsStatisticsButNotTheCitysCount() {
        seed();
        clock.set(Instant.parse("2026-08-05T00:00:00Z"));
        String july = "from=2026-06-30T16:00:00Z&to=2026-07-31T16:00:00Z";
        JsonPath byUnit = given().get("/api/statistics?groupBy=department&" + july).then().statusCode(200).extract().jsonPath();
        assertEquals(4, (Integer) byUnit.get("find { it.key == 'CD-CULTURE' }.received"));
        JsonPath byCategory = given().get("/api/statistics?groupBy=category&" + july).then().statusCode(200).extract().jsonPath();
        assertEquals(5, (Integer) byCategory.get("find { it.key == 'TOURISM' }.received"));
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void aMonthIsWrittenYearDashMonth() {
        given().get("/api/assessment/rankings?month=2026-13").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body(containsString("month"));
        given().get("/api/assessment/rankings?month=July").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    @TestSecurity(user = "agent-culture", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "CD-CULTURE"))
    void aUnitDoesNotReadTheWholeCitysRanking() {
        given().get("/api/assessment/rankings?month=2026-07").then().statusCode(403);
    }

    private static io.restassured.response.ValidatableResponse publish(String body) {
        return given().contentType("application/json").body(body).post("/api/assessment/reports").then();
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void aPublishedMonthIsTheHandComputedTableAndIsPublishedAgainOnlyWithAReason() {
        seed();
        clock.set(Instant.parse("2026-08-05T00:00:00Z"));
        JsonPath first = publish("{\"month\": \"2026-07\"}").statusCode(201)
                .header("Location", containsString("/api/assessment/reports/2026-07?version=1"))
                .body("month", equalTo("2026-07")).body("version", equalTo(1)).body("latest", equalTo(true))
                .body("publishedBy", equalTo("supervisor1")).body("publishedAt", equalTo("2026-08-05T00:00:00Z"))
                .body("report.from", equalTo("2026-06-30T16:00:00Z"))
                .extract().jsonPath();
        assertEquals("0.35", first.getString("weights.resolution"));
        assertEquals("0.15", first.getString("report.weights.signOnTime"));
        assertTable(MUNICIPAL, first.getList("report.tiers[0].rows"));
        assertTable(DISTRICT, first.getList("report.tiers[1].rows"));
        assertEquals(List.of("PUBLISH"), audit.of("ranking_report", first.getString("id")).stream()
                .map(e -> e.action() + "").toList());

        publish("{\"month\": \"2026-07\"}").statusCode(409).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("reason")).body("publishedVersion", equalTo(1));
        clock.set(Instant.parse("2026-08-06T00:00:00Z"));
        publish("{\"month\": \"2026-07\", \"reason\": \"补录一件申诉结论后重新通报\"}").statusCode(201)
                .body("version", equalTo(2)).body("reason", equalTo("补录一件申诉结论后重新通报"))
                .body("versions", org.hamcrest.Matchers.contains(1, 2));

        given().get("/api/assessment/reports").then().statusCode(200)
                .body("findAll { it.month == '2026-07' }.version", org.hamcrest.Matchers.contains(2, 1))
                .body("findAll { it.month == '2026-07' }.latest", org.hamcrest.Matchers.contains(true, false));
        given().get("/api/assessment/reports/2026-07").then().statusCode(200).body("version", equalTo(2));
        JsonPath old = given().get("/api/assessment/reports/2026-07?version=1").then().statusCode(200)
                .body("version", equalTo(1)).body("latest", equalTo(false)).body("reason", equalTo(null))
                .extract().jsonPath();
        assertTable(MUNICIPAL, old.getList("report.tiers[0].rows"));

        byte[] csv = given().get("/api/assessment/reports/2026-07?format=csv").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("ranking-report-2026-07-v2.csv"))
                .extract().asByteArray();
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(csv, 3));
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        assertTrue(text.startsWith("层级 Tier,名次 Rank,单位代码 Unit code,单位名称 Unit,派单数 Dispatched,"), text);
        assertTrue(text.contains("\r\n市级部门,3,CD-CULTURE,成都市文化广电旅游局,4,3,3,3,1,2,0.7500,0.7500,0.3333,0.6667,57.50,1,1,1,0,0\r\n"), text);
        given().accept("text/html").get("/api/assessment/reports/2026-07?version=1").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("月度通报第 1 版"))
                .body(containsString("已被新版本取代"))
                .body(containsString("按时签收率<br><small>On-time sign rate</small>"))
                .body(containsString("<td class=\"name\">成华区</td><td>2</td><td>1</td><td>1</td><td>1</td><td>1</td><td>1</td><td>50.00%</td>"));
    }

    /** May 2026: one CD-HEALTH ticket signed and replied, published, then called back and appealed away. */
    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void laterCallBacksAndAppealsDoNotAlterAPublishedReport() {
        clock.set(shanghai("2026-05-11T09:00"));
        Ticket t = fixtures.dispatched("HEALTH", "510104", "考核测试 通报后变动 " + UUID.randomUUID());
        sign(t, "2026-05-11T09:30");
        reply(t, "2026-05-12T10:00");
        clock.set(Instant.parse("2026-06-10T00:00:00Z"));
        publish("{\"month\": \"2026-05\"}").statusCode(201);
        JsonPath before = given().get("/api/assessment/reports/2026-05").then().statusCode(200).extract().jsonPath();
        String csvBefore = given().get("/api/assessment/reports/2026-05?format=csv").then().statusCode(200).extract().asString();
        Map<String, Object> published = before.getMap("report.tiers[0].rows.find { it.unitCode == 'CD-HEALTH' }");

        at("2026-06-11T10:00", () -> tickets.callBack(t.ticketNumber, Fixtures.DISPATCHER, false, false, null));
        at("2026-06-11T11:00", () -> appeals.file(t.ticketNumber, Fixtures.agent("CD-HEALTH"),
                AppealGround.UNREASONABLE_DEMAND, "来电人要求超出法定职责"));
        AppealService.AppealView a = QuarkusTransaction.requiringNew().call(() -> appeals.list(null, null,
                Fixtures.agent("CD-HEALTH"), 100).stream().filter(x -> x.ticketNumber().equals(t.ticketNumber))
                .findFirst().orElseThrow());
        at("2026-06-12T09:00", () -> appeals.decide(a.id(), Fixtures.SUPERVISOR, true, "诉求不合理，不计入考核"));
        clock.set(Instant.parse("2026-06-15T00:00:00Z"));

        Map<String, Object> live = given().get("/api/assessment/rankings?month=2026-05").then().statusCode(200)
                .extract().jsonPath().getMap("tiers[0].rows.find { it.unitCode == 'CD-HEALTH' }");
        assertEquals((Integer) published.get("excludedByAppeal") + 1, live.get("excludedByAppeal"), "live: " + live);
        assertEquals((Integer) published.get("appealsFiled") + 1, live.get("appealsFiled"), "live: " + live);

        JsonPath after = given().get("/api/assessment/reports/2026-05").then().statusCode(200).extract().jsonPath();
        assertEquals(before.getMap("report"), after.getMap("report"));
        assertEquals(csvBefore, given().get("/api/assessment/reports/2026-05?format=csv").then().statusCode(200)
                .extract().asString());
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void onlyAMonthThatIsOverIsPublished() {
        clock.set(shanghai("2026-08-31T23:30"));
        publish("{\"month\": \"2026-08\"}").statusCode(409).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("month")).body("detail", containsString("尚未结束"));
        publish("{\"month\": \"2027-01\"}").statusCode(409).body("errors[0].field", equalTo("month"));
        publish("{\"month\": \"2026-13\"}").statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("month"));
        publish("{}").statusCode(400).contentType(startsWith("application/problem+json"))
                .body(containsString("month"));
        given().get("/api/assessment/reports/July").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("month"));
        given().get("/api/assessment/reports/2030-01").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    @TestSecurity(user = "agent-culture", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "CD-CULTURE"))
    void aUnitNeitherPublishesNorReadsTheCitysReports() {
        publish("{\"month\": \"2026-07\", \"reason\": \"x\"}").statusCode(403);
        given().get("/api/assessment/reports").then().statusCode(403);
        given().get("/api/assessment/reports/2026-07").then().statusCode(403);
    }
}
