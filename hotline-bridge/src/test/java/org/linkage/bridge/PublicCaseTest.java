package org.linkage.bridge;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linkage.bridge.repository.Open311Request;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.events.DepartmentRef;
import org.linkage.events.EventTypes;
import org.linkage.events.TicketDispatched;
import org.linkage.events.TicketStatusChanged;
import org.linkage.events.Topics;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The caller's public case look-up over HTTP with no token: the right code shows the case and nothing personal, a
 * wrong code answers exactly like an unknown number, attempts are limited per ticket and per address (forwarded
 * headers ignored), and every attempt is audited.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(WireMockResource.class)
class PublicCaseTest {
    private static final String LOOKUP = "/api/public/cases/lookup";
    private static final String PHONE = "13812345678";
    private static final String NAME = "张三";

    @Inject
    EntityManager em;
    @Inject
    AuditTrail audit;

    @BeforeEach
    void freshWindows() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from public_lookup_limit").executeUpdate());
    }

    private static Response lookup(String number, String code) {
        return given().contentType(ContentType.JSON).body(Map.of("ticketNumber", number, "retrievalCode", code))
                .post(LOOKUP);
    }

    /** A ticket as the router announces it: dispatched with the caller's code, worked on, answered. */
    private static TicketDispatched answeredTicket(String code, String publicNote, String answer) throws Exception {
        UUID id = UUID.randomUUID();
        String number = Tickets.nextNumber();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        TicketDispatched d = new TicketDispatched(id, number, 1, UUID.randomUUID(), UUID.randomUUID(), "WAGES", "NORMAL",
                "工地拖欠三个月工资，老板住在隔壁小区", "武侯区天府大道北段1700号", "510107", 30.57, 104.06, PHONE, NAME,
                new DepartmentRef("CD-HRSS", "成都市人力资源和社会保障局", "Chengdu HRSS Bureau", "NONE", null), List.of(),
                now.plus(1, ChronoUnit.DAYS), now.plus(5, ChronoUnit.DAYS), now, code);
        KafkaTestSupport.produce(Topics.TICKETS, id.toString(), EventTypes.TICKET_DISPATCHED, d);
        status(d, "DISPATCHED", null, null, null);
        status(d, "SIGNED", "DISPATCHED", null, null);
        status(d, "SIGNED", "SIGNED", null, null);   // e.g. a delivery report: a repeat with nothing to say
        status(d, "IN_PROGRESS", "SIGNED", publicNote, null);
        status(d, "REPLIED", "IN_PROGRESS", null, answer);
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            Open311Request r = Open311Request.findById(id);
            return r != null && "REPLIED".equals(r.ticketStatus);
        }));
        return d;
    }

    private static void status(TicketDispatched d, String status, String previous, String note, String answer)
            throws Exception {
        KafkaTestSupport.produce(Topics.TICKETS, d.ticketId().toString(), EventTypes.TICKET_STATUS_CHANGED,
                new TicketStatusChanged(d.ticketId(), d.ticketNumber(), d.callId(), d.referralId(), status, previous,
                        "CD-HRSS", "成都市人力资源和社会保障局", d.resolveBy(), note, answer, null, "agent-hrss",
                        Instant.now()));
    }

    @Test
    void theRightCodeShowsTheCaseInBothLanguagesAndNothingPersonal() throws Exception {
        TicketDispatched t = answeredTicket("K7M2Q9XA", "已约谈用人单位，正在核实工资", "用人单位已支付全部工资");

        String body = lookup(t.ticketNumber(), " k7m2q9xa ").then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("ticketNumber", equalTo(t.ticketNumber()))
                .body("status", equalTo("REPLIED"))
                .body("statusLabel.zh", equalTo("已答复，待回访"))
                .body("statusLabel.en", equalTo("Answered, call-back pending"))
                .body("closed", equalTo(false))
                .body("department.nameZh", equalTo("成都市人力资源和社会保障局"))
                .body("department.nameEn", equalTo("Chengdu HRSS Bureau"))
                .body("deadline", notNullValue())
                .body("answer", equalTo("用人单位已支付全部工资"))
                .body("updates.note", hasItem("已约谈用人单位，正在核实工资"))
                .body("updates.status", equalTo(List.of("DISPATCHED", "SIGNED", "IN_PROGRESS", "REPLIED")))
                .extract().asString();
        for (String personal : List.of(PHONE, NAME, "天府大道", "隔壁小区", "K7M2Q9XA", "callId", "referralId")) {
            assertFalse(body.contains(personal), "the public answer holds " + personal + ": " + body);
        }
    }

    @Test
    void aWrongCodeAnswersExactlyLikeAnUnknownNumber() throws Exception {
        TicketDispatched t = answeredTicket("P3R8T2WZ", null, "已处理");
        Response wrong = lookup(t.ticketNumber(), "P3R8T2WY");
        Response unknown = lookup(Tickets.nextNumber(), "P3R8T2WZ");
        Response noCode = lookup(t.ticketNumber(), "AAAA");
        for (Response r : List.of(wrong, unknown, noCode)) {
            r.then().statusCode(404).contentType("application/problem+json");
        }
        assertEquals(wrong.asString(), unknown.asString());
        assertEquals(wrong.asString(), noCode.asString());
        assertEquals(wrong.headers().asList().stream().map(h -> h.getName()).sorted().toList(),
                unknown.headers().asList().stream().map(h -> h.getName()).sorted().toList());

        // A ticket that came with no retrieval code (not from a 110 call) cannot be looked up at all.
        TicketDispatched noRetrieval = answeredTicket(null, null, "已处理");
        lookup(noRetrieval.ticketNumber(), "P3R8T2WZ").then().statusCode(404);
    }

    /**
     * Codes stored before the keyed hash (PBKDF2, 20,000 iterations, salted with the ticket number) still open
     * their case; new ones are stored under the key, and the clear code is never stored.
     */
    @Test
    void aCodeStoredBeforeTheKeyedHashStillOpensItsCase() throws Exception {
        TicketDispatched t = answeredTicket("M5T7V9YC", null, "已处理");
        String keyed = QuarkusTransaction.requiringNew().call(() -> Open311Request.<Open311Request>findById(t.ticketId())
                .retrievalHash);
        assertTrue(keyed.startsWith("hmac-sha256$") && !keyed.contains("M5T7V9YC"), keyed);

        javax.crypto.spec.PBEKeySpec spec = new javax.crypto.spec.PBEKeySpec("M5T7V9YC".toCharArray(),
                ("linkage-case:" + t.ticketNumber()).getBytes(java.nio.charset.StandardCharsets.UTF_8), 20_000, 256);
        String legacy = "pbkdf2-sha256$20000$" + java.util.HexFormat.of().formatHex(
                javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update open311_request set retrieval_hash = ?1 where ticket_id = ?2")
                .setParameter(1, legacy).setParameter(2, t.ticketId()).executeUpdate());

        lookup(t.ticketNumber(), "m5t7v9yc").then().statusCode(200).body("ticketNumber", equalTo(t.ticketNumber()));
        lookup(t.ticketNumber(), "M5T7V9YD").then().statusCode(404);
    }

    @Test
    void attemptsOnOneTicketAreLimitedWhetherOrNotItExistsAndEveryOneIsAudited() throws Exception {
        TicketDispatched t = answeredTicket("H4J6N8QB", null, "已处理");
        for (int i = 0; i < 5; i++) {
            lookup(t.ticketNumber(), "WRONG" + i).then().statusCode(404);
        }
        // Past the limit even the right code waits: a guesser learns nothing from a late hit.
        lookup(t.ticketNumber(), "H4J6N8QB").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).body("retryAfter", notNullValue());

        String unknown = Tickets.nextNumber();
        for (int i = 0; i < 5; i++) {
            lookup(unknown, "WRONG" + i).then().statusCode(404);
        }
        lookup(unknown, "WRONG9").then().statusCode(429);

        List<String> outcomes = QuarkusTransaction.requiringNew().call(() -> audit.of("public-case", t.ticketNumber()))
                .stream().map(a -> String.valueOf(a.details())).toList();
        assertEquals(6, outcomes.size(), outcomes.toString());
        assertTrue(outcomes.get(0).contains("NOT_FOUND") && outcomes.get(5).contains("THROTTLED"), outcomes.toString());
    }

    @Test
    void oneAddressIsLimitedAcrossTicketsAndCannotHideBehindAForwardedHeader() {
        for (int i = 0; i < 12; i++) {
            given().contentType(ContentType.JSON).header("X-Forwarded-For", "203.0.113." + i)
                    .body(Map.of("ticketNumber", Tickets.nextNumber(), "retrievalCode", "ABCD2345")).post(LOOKUP)
                    .then().statusCode(404);
        }
        given().contentType(ContentType.JSON).header("X-Forwarded-For", "198.51.100.7")
                .body(Map.of("ticketNumber", Tickets.nextNumber(), "retrievalCode", "ABCD2345")).post(LOOKUP)
                .then().statusCode(429).header("Retry-After", notNullValue());
    }

    @Test
    void malformedInputNamesTheField() {
        given().contentType(ContentType.JSON).body(Map.of("ticketNumber", "x", "retrievalCode", "ABCD2345"))
                .post(LOOKUP).then().statusCode(400).contentType("application/problem+json")
                .body(containsString("ticketNumber"));
        given().contentType(ContentType.JSON).body(Map.of("ticketNumber", Tickets.nextNumber(), "retrievalCode", "<>"))
                .post(LOOKUP).then().statusCode(400).body(containsString("retrievalCode"));
    }
}
