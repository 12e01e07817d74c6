package org.linkage.router.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;
import org.linkage.events.DeliveryOutcome;
import org.linkage.events.EventTypes;
import org.linkage.events.ReferralCreated;
import org.linkage.events.Topics;
import org.linkage.router.repository.Ticket;
import org.linkage.router.support.KafkaSupport;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The thin path over a real broker: a referral event becomes one dispatched ticket, and delivery is recorded. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class ReferralFlowTest {

    static ReferralCreated referral(String category, String district, String address) {
        return new ReferralCreated(UUID.randomUUID(), UUID.randomUUID(), "110-20261128-0001", "NON_POLICE", category,
                "NORMAL", "工地老板拖欠工资三个月，工人在现场讨薪", address, district, null, null, "13812345678", "李四",
                Instant.now(), null, "calltaker1", Instant.now());
    }

    static Ticket awaitTicket(UUID referralId) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> QuarkusTransaction.requiringNew().call(() -> Ticket.byReferral(referralId)), Optional::isPresent).get();
    }

    static long ticketsOf(UUID referralId) {
        return QuarkusTransaction.requiringNew().call(() -> Ticket.count("referralId", referralId));
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void referralBecomesOneDispatchedTicketEvenWhenReplayed() {
        ReferralCreated r = referral("WAGES", "510107", "成都市武侯区某工地");
        String eventId = UUID.randomUUID().toString();
        KafkaSupport.send(Topics.REFERRALS, r.callId().toString(), eventId, EventTypes.REFERRAL_CREATED, r);
        Ticket t = awaitTicket(r.referralId());

        assertTrue(t.ticketNumber.matches("12345-\\d{8}-\\d{6}"), t.ticketNumber);
        given().get("/api/tickets/" + t.ticketNumber).then().statusCode(200)
                .body("status", equalTo("DISPATCHED"))
                .body("leadDepartment.code", equalTo("CD-HRSS"))
                .body("supportingDepartments.code", hasItem("510107-GOV"))
                .body("callerPhone", equalTo("13812345678"))
                .body("history.action", hasItem("DISPATCH"));

        List<KafkaSupport.Event> dispatched = KafkaSupport.read(Topics.TICKETS,
                e -> t.id.toString().equals(e.key()) && EventTypes.TICKET_DISPATCHED.equals(e.type()), 1, Duration.ofSeconds(30));
        assertEquals(1, dispatched.size());
        KafkaSupport.Event d = dispatched.get(0);
        assertEquals(t.ticketNumber, d.subject());
        assertEquals("CD-HRSS", d.data().get("department").get("code").asText());
        assertEquals("WEBHOOK", d.data().get("department").get("adapter").asText());
        assertEquals("http://127.0.0.1:8090/departments/CD-HRSS/tickets", d.data().get("department").get("endpointUrl").asText());
        assertEquals("13812345678", d.data().get("callerPhone").asText(), "WAGES units must call back");
        List<KafkaSupport.Event> status = KafkaSupport.read(Topics.TICKETS,
                e -> t.id.toString().equals(e.key()) && EventTypes.TICKET_STATUS_CHANGED.equals(e.type()), 1, Duration.ofSeconds(30));
        assertEquals("DISPATCHED", status.get(0).data().get("status").asText());
        assertEquals(r.callId().toString(), status.get(0).data().get("callId").asText());

        // The same event again, and the same referral under a new event id: still one ticket.
        KafkaSupport.send(Topics.REFERRALS, r.callId().toString(), eventId, EventTypes.REFERRAL_CREATED, r);
        KafkaSupport.send(Topics.REFERRALS, r.callId().toString(), UUID.randomUUID().toString(), EventTypes.REFERRAL_CREATED, r);
        ReferralCreated marker = referral("WAGES", "510107", null);
        KafkaSupport.send(Topics.REFERRALS, r.callId().toString(), UUID.randomUUID().toString(), EventTypes.REFERRAL_CREATED, marker);
        awaitTicket(marker.referralId()); // same key, same partition: the replays were handled before it
        assertEquals(1, ticketsOf(r.referralId()));
    }

    @Test
    void districtComesFromTheAddressWhenNoCodeIsGiven() {
        ReferralCreated r = referral("NOISE", null, "成都市玉林街道芳沁路12号楼下烧烤店");
        KafkaSupport.send(Topics.REFERRALS, r.callId().toString(), UUID.randomUUID().toString(), EventTypes.REFERRAL_CREATED, r);
        Ticket t = awaitTicket(r.referralId());
        assertEquals("510107", t.districtCode);
        assertEquals("510107-URBAN", t.leadDepartmentCode);
        assertEquals("DISPATCHED", t.status.name());
        List<KafkaSupport.Event> dispatched = KafkaSupport.read(Topics.TICKETS,
                e -> t.id.toString().equals(e.key()) && EventTypes.TICKET_DISPATCHED.equals(e.type()), 1, Duration.ofSeconds(30));
        assertEquals("138****5678", dispatched.get(0).data().get("callerPhone").asText(), "NOISE units need not call back");
    }

    @Test
    void unresolvedDistrictGoesToTheManualQueueNotToAGuess() {
        ReferralCreated r = referral("NOISE", "999999", "某小区3栋");
        KafkaSupport.send(Topics.REFERRALS, r.callId().toString(), UUID.randomUUID().toString(), EventTypes.REFERRAL_CREATED, r);
        Ticket t = awaitTicket(r.referralId());
        assertEquals("PENDING_DISPATCH", t.status.name());
        assertEquals(null, t.leadDepartmentCode);
        assertEquals(null, t.districtCode);
        assertFalse(t.pendingReason.isBlank());
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void deliveryOutcomeIsRecordedAndReported() {
        ReferralCreated r = referral("CONSUMER", "510104", null);
        KafkaSupport.send(Topics.REFERRALS, r.callId().toString(), UUID.randomUUID().toString(), EventTypes.REFERRAL_CREATED, r);
        Ticket t = awaitTicket(r.referralId());
        DeliveryOutcome outcome = new DeliveryOutcome(UUID.randomUUID(), t.id, t.ticketNumber, t.version, "CD-MARKET",
                "WEBHOOK", "DELIVERED", 1, "EXT-1", null, Instant.now());
        String id = UUID.randomUUID().toString();
        KafkaSupport.send(Topics.DELIVERIES, t.id.toString(), id, EventTypes.DELIVERY_SUCCEEDED, outcome);
        KafkaSupport.send(Topics.DELIVERIES, t.id.toString(), id, EventTypes.DELIVERY_SUCCEEDED, outcome);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/tickets/" + t.ticketNumber)
                .then().body("deliveryStatus", equalTo("DELIVERED")));
        List<KafkaSupport.Event> reported = KafkaSupport.read(Topics.TICKETS,
                e -> t.id.toString().equals(e.key()) && e.data().path("deliveryStatus").asText().equals("DELIVERED"), 2,
                Duration.ofSeconds(10));
        assertEquals(1, reported.size(), "the replayed outcome must not be reported twice");
        assertEquals("DISPATCHED", reported.get(0).data().get("status").asText());
        long deliveries = QuarkusTransaction.requiringNew().call(() ->
                org.linkage.router.repository.TicketHistory.count("ticketId = ?1 and action = 'DELIVERY'", t.id));
        assertEquals(1, deliveries);
    }
}
