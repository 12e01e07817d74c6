package org.linkage.router.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.commons.audit.AuditRecord;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.events.EventTypes;
import org.linkage.events.ReferralCreated;
import org.linkage.events.Topics;
import org.linkage.router.repository.Ticket;
import org.linkage.router.support.Fixtures;
import org.linkage.router.support.KafkaSupport;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Confidential cases (保密, issue 12 part 3): no department learns who called, not from the API nor from what goes to
 * its system, even when the catalogue asks the unit to call back; 12345's dispatchers and supervisors read the
 * contact, one audited read at a time.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class ConfidentialTicketTest {
    private static final String PHONE = "13812345678";

    @Inject
    Fixtures fixtures;
    @Inject
    AuditTrail audit;

    @Test
    void aConfidentialReferralIsDispatchedWithoutTheCallersContact() {
        ReferralCreated r = new ReferralCreated(UUID.randomUUID(), UUID.randomUUID(), "110-20261128-0009", "NON_POLICE",
                "WAGES", "NORMAL", "举报工地老板拖欠工资三个月，要求保密", "成都市武侯区某工地", "510107", null, null, PHONE,
                "李四", Instant.now(), null, "calltaker1", Instant.now(), "K7M2Q9XR", false, true, null);
        KafkaSupport.send(Topics.REFERRALS, r.callId().toString(), UUID.randomUUID().toString(),
                EventTypes.REFERRAL_CREATED, r);
        Ticket t = ReferralFlowTest.awaitTicket(r.referralId());
        assertTrue(t.confidential);
        assertTrue(t.callbackRequired, "WAGES asks for a call-back: the case tests that 12345 makes it instead");
        assertEquals(PHONE, t.callerPhone, "12345 keeps the contact to call back itself");

        List<KafkaSupport.Event> dispatched = KafkaSupport.read(Topics.TICKETS,
                e -> t.id.toString().equals(e.key()) && EventTypes.TICKET_DISPATCHED.equals(e.type()), 1,
                Duration.ofSeconds(30));
        assertEquals(1, dispatched.size());
        var data = dispatched.get(0).data();
        assertTrue(data.get("confidential").asBoolean());
        assertTrue(data.get("callerPhone").isNull(), "not even masked: " + data);
        assertTrue(data.get("callerName").isNull(), "not even masked: " + data);
    }

    @Test
    void anOrdinaryDispatchSaysItIsNotConfidential() {
        Ticket t = fixtures.dispatched();
        List<KafkaSupport.Event> dispatched = KafkaSupport.read(Topics.TICKETS,
                e -> t.id.toString().equals(e.key()) && EventTypes.TICKET_DISPATCHED.equals(e.type()), 1,
                Duration.ofSeconds(30));
        assertFalse(dispatched.get(0).data().get("confidential").asBoolean());
        assertEquals(PHONE, dispatched.get(0).data().get("callerPhone").asText());
    }

    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "CD-HRSS"))
    void theLeadUnitSeesNoContactOfAConfidentialTicketAndIsToldThat12345CallsBack() {
        Ticket t = fixtures.dispatchedConfidential("WAGES", "510107", "举报欠薪 " + UUID.randomUUID());
        assertEquals("CD-HRSS", t.leadDepartmentCode);
        String body = given().get("/api/tickets/" + t.ticketNumber).then().statusCode(200)
                .body("confidential", equalTo(true))
                .body("contactNotice", equalTo("保密件，由12345回访"))
                .body("callerPhone", nullValue())
                .body("callerName", nullValue())
                .body("callbackRequired", equalTo(false))
                .body("hotlineCallsBack", equalTo(true))
                .extract().asString();
        assertFalse(body.contains(PHONE) || body.contains("138*") || body.contains("张"), body);
        assertNoContactInList(t);
        assertEquals(0, reads(t, "CONFIDENTIAL_CONTACT_READ") + reads(t, "PHONE_UNMASKED_READ"));
    }

    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "CD-HRSS"))
    void theLeadUnitStillSeesTheContactOfAnOrdinaryTicketItMustCallBack() {
        Ticket t = fixtures.dispatched();
        given().get("/api/tickets/" + t.ticketNumber).then().statusCode(200)
                .body("confidential", equalTo(false))
                .body("contactNotice", nullValue())
                .body("callerPhone", equalTo(PHONE))
                .body("callbackRequired", equalTo(true))
                .body("hotlineCallsBack", equalTo(false));
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void aDispatcherReadsTheContactAndEachReadIsAudited() {
        Ticket t = fixtures.dispatchedConfidential("WAGES", "510107", "举报欠薪 " + UUID.randomUUID());
        for (int i = 0; i < 2; i++) {
            given().get("/api/tickets/" + t.ticketNumber).then().statusCode(200)
                    .body("confidential", equalTo(true))
                    .body("callerPhone", equalTo(PHONE))
                    .body("callerName", equalTo("张三"))
                    .body("phoneMasked", equalTo(false))
                    .body("hotlineCallsBack", equalTo(true));
        }
        List<AuditRecord> reads = records(t, "CONFIDENTIAL_CONTACT_READ");
        assertEquals(2, reads.size());
        assertTrue(reads.stream().allMatch(a -> "dispatcher1".equals(a.actor())), reads.toString());
        // The dispatchers' lists do not show it, so no read goes unaudited.
        assertNoContactInList(t);
        assertEquals(2, records(t, "CONFIDENTIAL_CONTACT_READ").size());
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void aSupervisorReadsTheContactAudited() {
        Ticket t = fixtures.dispatchedConfidential("NOISE", "510107", "举报噪音 " + UUID.randomUUID());
        given().get("/api/tickets/" + t.ticketNumber).then().statusCode(200)
                .body("callerPhone", equalTo(PHONE))
                .body("hotlineCallsBack", equalTo(false));
        assertEquals(1, reads(t, "CONFIDENTIAL_CONTACT_READ"));
        assertEquals("supervisor1", records(t, "CONFIDENTIAL_CONTACT_READ").get(0).actor());
    }

    /** A confidential ticket shows no contact in a list either, not even masked. */
    private static void assertNoContactInList(Ticket t) {
        String item = "items.find { it.ticketNumber == '" + t.ticketNumber + "' }";
        given().queryParam("size", 500).get("/api/tickets").then().statusCode(200)
                .body("items.ticketNumber", hasItem(t.ticketNumber))
                .body(item + ".callerName", nullValue())
                .body(item + ".callerPhone", nullValue())
                .body(item + ".confidential", equalTo(true));
    }

    private long reads(Ticket t, String action) {
        return records(t, action).size();
    }

    private List<AuditRecord> records(Ticket t, String action) {
        return QuarkusTransaction.requiringNew().call(() -> audit.of("ticket", t.id)).stream()
                .filter(a -> action.equals(a.action())).toList();
    }
}
