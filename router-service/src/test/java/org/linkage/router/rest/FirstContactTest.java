package org.linkage.router.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;
import org.linkage.events.CallAnswered;
import org.linkage.events.EventTypes;
import org.linkage.events.Topics;
import org.linkage.router.repository.Consultation;
import org.linkage.router.repository.Ticket;
import org.linkage.router.support.KafkaSupport;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Calls 110 answered from the knowledge base reach 12345's figures as resolved at first contact, with no ticket. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class FirstContactTest {
    // a quiet week long before any other test's tickets
    static final Instant ANSWERED = Instant.parse("2024-05-08T03:00:00Z");
    static final String WEEK = "from=2024-05-06T00:00:00Z&to=2024-05-13T00:00:00Z";

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void anAnsweredCallCountsOnceAsResolvedAtFirstContactAndMakesNoTicket() {
        UUID call = UUID.randomUUID();
        CallAnswered answered = new CallAnswered(call, "110-20240508-000001", "SOCIAL_SECURITY", "510107", List.of(3L, 5L),
                ANSWERED.minusSeconds(120), "calltaker1", ANSWERED);
        String eventId = UUID.randomUUID().toString();
        KafkaSupport.send(Topics.REFERRALS, call.toString(), eventId, EventTypes.CALL_ANSWERED, answered);
        KafkaSupport.send(Topics.REFERRALS, call.toString(), eventId, EventTypes.CALL_ANSWERED, answered); // replayed
        KafkaSupport.send(Topics.REFERRALS, call.toString(), UUID.randomUUID().toString(), EventTypes.CALL_ANSWERED,
                answered); // re-sent under a new id
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Consultation.findById(call) != null));

        given().get("/api/statistics/first-contact?groupBy=category&" + WEEK).then().statusCode(200)
                .body("find { it.key == 'SOCIAL_SECURITY' }.answered", equalTo(1))
                .body("find { it.key == 'SOCIAL_SECURITY' }.tickets", equalTo(0))
                .body("find { it.key == 'SOCIAL_SECURITY' }.firstContactRate", equalTo(1.0f))
                .body("find { it.key == 'SOCIAL_SECURITY' }.answered110", equalTo(1))
                .body("find { it.key == 'SOCIAL_SECURITY' }.answered12345", equalTo(0));
        given().get("/api/statistics/first-contact?groupBy=line&" + WEEK).then().statusCode(200)
                .body("find { it.key == '110' }.answered", equalTo(1))
                .body("find { it.key == '12345' }", org.hamcrest.Matchers.nullValue());
        given().get("/api/statistics/first-contact?groupBy=district&" + WEEK).then()
                .body("find { it.key == '510107' }.answered", equalTo(1));
        given().get("/api/statistics/first-contact?groupBy=day&" + WEEK).then()
                .body("find { it.key == '2024-05-08' }.answered", equalTo(1));
        given().get("/api/statistics/first-contact?groupBy=department").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("groupBy"));

        long tickets = QuarkusTransaction.requiringNew().call(() -> Ticket.count("callId", call));
        assertEquals(0, tickets, "an answered call makes no ticket");
        Long[] cited = QuarkusTransaction.requiringNew().call(() -> Consultation.<Consultation>findById(call).articleIds);
        assertEquals(List.of(3L, 5L), List.of(cited));
    }

    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "CD-HRSS"))
    void onlySupervisorsReadTheFirstContactFigures() {
        given().get("/api/statistics/first-contact").then().statusCode(403);
    }
}
