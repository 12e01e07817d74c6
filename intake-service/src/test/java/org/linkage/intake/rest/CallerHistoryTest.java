package org.linkage.intake.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linkage.commons.privacy.CallerHash;
import org.linkage.intake.classification.Disposition;
import org.linkage.intake.domain.Decision;
import org.linkage.intake.repository.CallEntity;
import org.linkage.intake.repository.CallRepository;
import org.linkage.intake.support.CallFixtures;
import org.linkage.intake.support.CallRows;
import org.linkage.intake.support.RouterStandIn;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The caller's history and risk warnings over HTTP: earlier calls from intake's database, tickets from a router
 * stand-in on a real port (reached with a client-credentials token), each rule firing and not firing, masking,
 * who may look, the 12345 part missing when the router is down, and the supervisors' counts.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(RouterStandIn.class)
class CallerHistoryTest {
    private static final String ME = "calltaker-history";

    @Inject
    CallRepository calls;
    @Inject
    CallerHash hashes;

    @AfterEach
    void routerUp() {
        RouterStandIn.down(false);
    }

    /** A number no other test uses, so each test sees only its own caller. */
    private static String newPhone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private UUID earlier(String phone, Duration ago, String category, Disposition disposition, String district,
                         String content) {
        return CallRows.insert(calls, c -> {
            c.callerPhone = phone;
            c.callerHash = hashes.of(phone).orElseThrow();
            c.callerName = "王五";
            c.takenBy = "calltaker-someone-else";
            c.receivedAt = Instant.now().minus(ago);
            c.createdAt = c.receivedAt;
            c.suggestedDisposition = disposition;
            c.suggestedCategory = category;
            c.disposition = disposition;
            c.categoryCode = category;
            c.decision = Decision.CONFIRMED;
            c.districtCode = district;
            c.address = "武侯区某小区8栋";
            c.content = content;
        });
    }

    private static UUID take(String phone, String content) {
        Map<String, Object> body = CallFixtures.with(CallFixtures.call(content), "callerPhone", phone);
        body = CallFixtures.with(body, "receivedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return CallFixtures.post(body);
    }

    private static ValidatableResponse history(UUID call) {
        return given().when().get("/api/calls/{id}/history", call).then().statusCode(200);
    }

    private static List<String> rules(UUID call) {
        return history(call).extract().jsonPath().getList("warnings.ruleCode", String.class);
    }

    private String numberOf(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> calls.findById(id).callNumber);
    }

    @Test
    @TestSecurity(user = ME, roles = "call-taker")
    void theThirdCallOnTheSameMatterWithinThirtyDaysWarnsAndNamesTheEarlierCalls() {
        String phone = newPhone();
        UUID first = earlier(phone, Duration.ofDays(10), "NOISE", Disposition.NON_POLICE, "510107", "楼上装修太吵");
        UUID otherMatter = earlier(phone, Duration.ofDays(5), "WAGES", Disposition.NON_POLICE, "510107", "拖欠工资");
        earlier(phone, Duration.ofDays(45), "NOISE", Disposition.NON_POLICE, "510107", "楼上装修太吵");
        UUID second = take(phone, CallFixtures.NOISE);
        assertFalse(rules(second).contains("REPEAT_CALLS_30D"),
                "two noise calls in 30 days (the third is 45 days old, the wage call another matter)");

        UUID third = take(phone, CallFixtures.NOISE);
        history(third)
                .body("matched", equalTo(true))
                .body("calls.callNumber", hasItem(numberOf(otherMatter)))
                .body("warnings.find { it.ruleCode == 'REPEAT_CALLS_30D' }.labelZh", equalTo("同一事项30天内多次来电"))
                .body("warnings.find { it.ruleCode == 'REPEAT_CALLS_30D' }.evidence",
                        containsInAnyOrder(numberOf(first), numberOf(second)))
                .body("warnings.find { it.ruleCode == 'REPEAT_CALLS_30D' }.detail", containsString("第3次"));
    }

    @Test
    @TestSecurity(user = ME, roles = "call-taker")
    void theHistoryShowsNoPhoneNameAddressOrText() {
        String phone = newPhone();
        earlier(phone, Duration.ofDays(2), "NOISE", Disposition.NON_POLICE, "510107", "楼上王家装修，门牌8栋302");
        UUID now = take(phone, CallFixtures.NOISE);
        String body = history(now).body("calls", hasSize(1))
                .body("calls[0].categoryCode", equalTo("NOISE"))
                .body("calls[0].districtZh", equalTo("武侯区"))
                .extract().asString();
        String masked = phone.substring(0, 3) + "****" + phone.substring(7);
        for (String secret : List.of(phone, masked, "王五", "王*", "张三", "张*", "武侯区某小区", "8栋302", "装修")) {
            assertFalse(body.contains(secret), secret + " must not be in the history: " + body);
        }
        // intake asked the router by hash with its own token, never with the number
        Map<String, String> asked = RouterStandIn.requests().stream()
                .filter(r -> hashes.of(phone).orElseThrow().equals(r.get("callerHash"))).findFirst().orElseThrow();
        assertEquals("Bearer " + RouterStandIn.TOKEN, asked.get("Authorization"));
        assertFalse(asked.toString().contains(phone.substring(3)));
    }

    @Test
    @TestSecurity(user = ME, roles = "call-taker")
    void aNonPoliceMatterPoliceAlreadyAttendedWarnsAndAPoliceCallElsewhereDoesNot() {
        String elsewhere = newPhone();
        earlier(elsewhere, Duration.ofDays(20), "PUBLIC_ORDER", Disposition.POLICE, "510104", "楼下有人打架");
        assertFalse(rules(take(elsewhere, CallFixtures.NOISE)).contains("POLICE_ATTENDED_90D"),
                "a police call in another district is another matter");

        String phone = newPhone();
        UUID police = earlier(phone, Duration.ofDays(20), "PUBLIC_ORDER", Disposition.POLICE, "510107", "因为装修噪音和楼上打起来了");
        UUID joint = earlier(phone, Duration.ofDays(8), "NOISE", Disposition.JOINT, "510104", "装修噪音吵架，民警到场");
        UUID now = take(phone, CallFixtures.NOISE);
        history(now).body("warnings.find { it.ruleCode == 'POLICE_ATTENDED_90D' }.evidence",
                containsInAnyOrder(numberOf(police), numberOf(joint)))
                .body("calls.find { it.callNumber == '" + numberOf(joint) + "' }.policeAttended", equalTo(true));
    }

    @Test
    @TestSecurity(user = ME, roles = "call-taker")
    void wordsOfThreatInAnEarlierCallWarnAndSayWhichWords() {
        String calm = newPhone();
        earlier(calm, Duration.ofDays(3), "WAGES", Disposition.NON_POLICE, "510107", "老板拖欠工资三个月，希望尽快解决");
        assertFalse(rules(take(calm, CallFixtures.WAGES)).contains("THREAT_WORDS_90D"));

        String phone = newPhone();
        UUID angry = earlier(phone, Duration.ofDays(3), "WAGES", Disposition.NON_POLICE, "510107",
                "老板再不给钱，我就跟他同归于尽");
        UUID now = take(phone, CallFixtures.WAGES);
        history(now).body("warnings.find { it.ruleCode == 'THREAT_WORDS_90D' }.evidence", contains(numberOf(angry)))
                .body("warnings.find { it.ruleCode == 'THREAT_WORDS_90D' }.detail", containsString("同归于尽"));
    }

    @Test
    @TestSecurity(user = ME, roles = "call-taker")
    void theRouterIsAskedUpToWhenTheCallWasRecordedNotTheReceivedAtItWasGiven() {
        // The call-taker's system says the call came in 20 s ago; a ticket made since then was there before the
        // call was recorded, so it is part of the history the call-taker must see.
        String phone = newPhone();
        String hash = hashes.of(phone).orElseThrow();
        Instant said = Instant.now().minusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
        RouterStandIn.holds(hash, "[" + ticket("12345-20261201-000009", "NOISE", 1, "DISPATCHED", said.plusSeconds(5)) + "]");
        Map<String, Object> body = CallFixtures.with(CallFixtures.call(CallFixtures.NOISE), "callerPhone", phone);
        UUID call = CallFixtures.post(CallFixtures.with(body, "receivedAt", said.toString()));
        Instant recorded = QuarkusTransaction.requiringNew().call(() -> calls.findById(call).createdAt);
        history(call).body("warnings.find { it.ruleCode == 'REOPENED_UNSATISFIED_90D' }.evidence",
                contains("12345-20261201-000009"));
        Map<String, String> asked = RouterStandIn.requests().stream().filter(r -> hash.equals(r.get("callerHash")))
                .reduce((a, b) -> b).orElseThrow();
        assertFalse(Instant.parse(asked.get("to")).isBefore(recorded), asked + " must reach " + recorded);
        assertTrue(recorded.isAfter(said.plusSeconds(10)), "the call was recorded after the time it was given");
    }

    @Test
    @TestSecurity(user = ME, roles = "call-taker")
    void aTicketReopenedAfterAnUnsatisfiedCallBackWarnsAndOneNeverReopenedDoesNot() {
        String phone = newPhone();
        String hash = hashes.of(phone).orElseThrow();
        Instant created = Instant.now().minus(Duration.ofDays(12)).truncatedTo(ChronoUnit.SECONDS);
        RouterStandIn.holds(hash, "[" + ticket("12345-20261120-000001", "NOISE", 0, "CLOSED", created) + "]");
        UUID first = take(phone, CallFixtures.NOISE);
        history(first).body("hotline.available", equalTo(true))
                .body("hotline.tickets.ticketNumber", contains("12345-20261120-000001"))
                .body("hotline.tickets[0].categoryZh", equalTo("噪声扰民"))
                .body("warnings.ruleCode", not(hasItem("REOPENED_UNSATISFIED_90D")));

        RouterStandIn.holds(hash, "[" + ticket("12345-20261120-000002", "NOISE", 1, "DISPATCHED", created) + ","
                + ticket("12345-20261120-000003", "WAGES", 1, "DISPATCHED", created) + "]");
        UUID second = take(phone, CallFixtures.NOISE);
        history(second).body("warnings.find { it.ruleCode == 'REOPENED_UNSATISFIED_90D' }.evidence",
                contains("12345-20261120-000002"));
    }

    private static String ticket(String number, String category, int reopened, String status, Instant created) {
        return "{\"ticketNumber\":\"" + number + "\",\"callId\":null,\"callNumber\":null,\"status\":\"" + status
                + "\",\"categoryCode\":\"" + category + "\",\"districtCode\":\"510107\",\"createdAt\":\"" + created
                + "\",\"closedAt\":null,\"satisfied\":" + (reopened > 0 ? "false" : "true") + ",\"reopenedCount\":"
                + reopened + ",\"handedToPolice\":false}";
    }

    @Test
    @TestSecurity(user = ME, roles = "call-taker")
    void whenTheRouterIsDownThe110PartStillAnswers() {
        String phone = newPhone();
        UUID angry = earlier(phone, Duration.ofDays(3), "WAGES", Disposition.NON_POLICE, "510107", "我要弄死他");
        RouterStandIn.down(true);
        UUID now = take(phone, CallFixtures.WAGES);
        history(now).body("hotline.available", equalTo(false))
                .body("hotline.message", containsString("12345"))
                .body("hotline.tickets", empty())
                .body("calls.callNumber", contains(numberOf(angry)))
                .body("warnings.ruleCode", hasItem("THREAT_WORDS_90D"));
    }

    @Test
    @TestSecurity(user = ME, roles = "call-taker")
    void aCallWithoutANumberHasNoHistory() {
        // e.g. an officer's report or a call from before caller hashes were kept
        UUID now = CallRows.insert(calls, c -> {
            c.callerPhone = null;
            c.takenBy = ME;
        });
        history(now).body("matched", equalTo(false)).body("calls", empty()).body("warnings", empty());
    }

    @Test
    @TestSecurity(user = ME, roles = "call-taker")
    void aCallerHashIsKeptOnTheCallAndTheLookUpIsAudited() {
        String phone = newPhone();
        UUID now = take(phone, CallFixtures.NOISE);
        CallEntity stored = QuarkusTransaction.requiringNew().call(() -> calls.findById(now));
        assertEquals(hashes.of(phone).orElseThrow(), stored.callerHash);
        assertTrue(stored.callerHash.matches("[0-9a-f]{64}"));
        history(now);
        given().when().get("/api/calls/{id}/audit", now).then()
                .body("find { it.action == 'HISTORY_VIEWED' }.actor", equalTo(ME));
    }

    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent")
    void aDepartmentAgentIsRefused() {
        UUID someone = CallRows.insert(calls, c -> c.takenBy = ME);
        given().when().get("/api/calls/{id}/history", someone).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void aDispatcherIsRefused() {
        UUID someone = CallRows.insert(calls, c -> c.takenBy = ME);
        given().when().get("/api/calls/{id}/history", someone).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "calltaker-stranger", roles = "call-taker")
    void anotherCallTakersCallIsNotFound() {
        UUID theirs = CallRows.insert(calls, c -> c.takenBy = ME);
        given().when().get("/api/calls/{id}/history", theirs).then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/calls/{id}/history", "not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("id"));
    }

    @Test
    @TestSecurity(user = "supervisor-history", roles = "supervisor")
    void warningsAreCountedOncePerCallPerCategoryAndDistrict() {
        String phone = newPhone();
        earlier(phone, Duration.ofDays(1), "WAGES", Disposition.NON_POLICE, "510108", "不给钱就放火烧了他的厂");
        UUID now = CallRows.insert(calls, c -> {
            c.callerPhone = phone;
            c.callerHash = hashes.of(phone).orElseThrow();
            c.takenBy = ME;
            c.receivedAt = Instant.now();
            c.suggestedCategory = "WAGES";
            c.districtCode = "510108";
        });
        Instant from = Instant.now().minus(Duration.ofMinutes(1));
        long before = count(from, "WAGES", "510108");
        history(now).body("warnings.ruleCode", hasItem("THREAT_WORDS_90D"));
        history(now);
        history(now);
        assertEquals(before + 1, count(from, "WAGES", "510108"), "looked at three times, raised once");
        given().queryParam("from", from.toString()).when().get("/api/statistics/risk-warnings").then()
                .body("rows.find { it.ruleCode == 'THREAT_WORDS_90D' && it.districtCode == '510108' }.districtZh",
                        equalTo("成华区"))
                .body("rows.find { it.ruleCode == 'THREAT_WORDS_90D' && it.districtCode == '510108' }.ruleZh",
                        equalTo("此前来电有威胁言语"));
        given().queryParam("from", "yesterday").when().get("/api/statistics/risk-warnings").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    private static long count(Instant from, String category, String district) {
        List<Map<String, Object>> rows = given().queryParam("from", from.toString()).when()
                .get("/api/statistics/risk-warnings").then().statusCode(200).extract().jsonPath().getList("rows");
        return rows.stream().filter(r -> "THREAT_WORDS_90D".equals(r.get("ruleCode"))
                        && category.equals(r.get("categoryCode")) && district.equals(r.get("districtCode")))
                .mapToLong(r -> ((Number) r.get("warnings")).longValue()).sum();
    }

    @Test
    @TestSecurity(user = ME, roles = "call-taker")
    void callTakersDoNotSeeTheCounts() {
        given().when().get("/api/statistics/risk-warnings").then().statusCode(403);
    }
}
