package org.linkage.router.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linkage.commons.security.Actor;
import org.linkage.events.Topics;
import org.linkage.router.repository.IntegrationRequestKey;
import org.linkage.router.repository.Ticket;
import org.linkage.router.service.IntegrationService;
import org.linkage.router.service.TicketDraft;
import org.linkage.router.support.KafkaSupport;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Issue 13 part 1: the caller's photo link an Open311 client sent (media_url) reaches the ticket, where who may read
 * the ticket sees it, and nobody else; a link that is not a public https one is refused before anything is filed, and
 * the link never leaves the router on the ticket's events (outbound carries the router's expiring links only).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class CallerMediaLinkTest {
    private static final Actor BRIDGE = new Actor("hotline-bridge", Set.of("service:bridge"), null);

    @Inject
    IntegrationService integration;

    private static String link() {
        return "https://photos.citizen-app.example.com/" + UUID.randomUUID() + ".jpg";
    }

    /** A WAGES request in 武侯区 as the bridge files it: CD-HRSS leads, 510107-GOV supports. */
    private String filed(String link, boolean confidential) {
        return integration.createRequest(UUID.randomUUID().toString(), new TicketDraft(null, null, null,
                "OPEN311:citizen-app", "WAGES", null, "工地拖欠工资三个月,附现场照片 " + UUID.randomUUID(), "成都市武侯区某工地",
                "510107", null, null, "13900001111", "王五", null, null, null, false, confidential, null, null, link),
                BRIDGE).ticketNumber();
    }

    @Test
    @TestSecurity(user = "hotline-bridge", roles = "service:bridge")
    void theBridgesRequestKeepsThePhotoLinkOnTheTicketAndOnItsHistory() {
        String link = link();
        String number = given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("""
                        {"channel":"OPEN311:citizen-app","categoryCode":"WAGES","content":"工地拖欠工资三个月,附现场照片",
                         "address":"成都市武侯区某工地","districtCode":"510107","callerPhone":"13900001111","mediaUrl":"%s"}"""
                        .formatted(link))
                .post("/api/integration/requests").then().statusCode(201).extract().path("ticketNumber");
        Ticket t = QuarkusTransaction.requiringNew().call(() -> Ticket.byNumber(number).orElseThrow());
        assertEquals(link, t.callerMediaUrl);
        List<String> actions = QuarkusTransaction.requiringNew().call(() ->
                org.linkage.router.repository.TicketHistory.of(t.id).stream().map(h -> h.action + " " + h.actor).toList());
        assertEquals(List.of("CREATE hotline-bridge", "CALLER_MEDIA_LINK hotline-bridge", "DISPATCH hotline-bridge"),
                actions.subList(0, 3));

        // Not on what goes to the department's system or to intake: those carry the router's expiring links only.
        var events = KafkaSupport.read(Topics.TICKETS, e -> number.equals(e.subject()), 2, Duration.ofSeconds(30));
        assertFalse(events.isEmpty());
        events.forEach(e -> assertFalse(e.data().toString().contains("photos.citizen-app"), e.type()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://photos.citizen-app.example.com/a.jpg", "https://169.254.169.254/latest/meta-data/",
            "https://10.0.0.5/a.jpg", "https://nas.local/a.jpg", "https://user:pw@photos.citizen-app.example.com/a.jpg"})
    @TestSecurity(user = "hotline-bridge", roles = "service:bridge")
    void aLinkThatIsNotAPublicHttpsOneIsRefusedAndNothingIsFiled(String link) {
        String key = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body("""
                        {"channel":"OPEN311:citizen-app","categoryCode":"WAGES","content":"工地拖欠工资",
                         "address":"成都市武侯区某工地","districtCode":"510107","mediaUrl":"%s"}""".formatted(link))
                .post("/api/integration/requests").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("mediaUrl"));
        assertNull(QuarkusTransaction.requiringNew().call(() -> IntegrationRequestKey.of("OPEN311:citizen-app", key)));
    }

    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "CD-HRSS"))
    void theLeadUnitSeesTheCallersPhotoLink() {
        String link = link();
        String number = filed(link, false);
        given().get("/api/tickets/" + number).then().statusCode(200).body("callerMediaUrl", equalTo(link))
                .body("history.action", hasItem("CALLER_MEDIA_LINK"));
        given().queryParam("status", "DISPATCHED").queryParam("size", 100).get("/api/tickets").then().statusCode(200)
                .body("items.find { it.ticketNumber == '" + number + "' }.callerMediaUrl", equalTo(link));
    }

    @Test
    @TestSecurity(user = "agent-gov", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "510107-GOV"))
    void aSupportingUnitSeesItToo() {
        String link = link();
        given().get("/api/tickets/" + filed(link, false)).then().statusCode(200).body("callerMediaUrl", equalTo(link));
    }

    @Test
    @TestSecurity(user = "agent-edu", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "CD-EDU"))
    void anotherUnitSeesNeitherTheTicketNorTheLink() {
        String number = filed(link(), false);
        given().get("/api/tickets/" + number).then().statusCode(404).body(not(org.hamcrest.Matchers.containsString("photos.")));
        given().queryParam("size", 100).get("/api/tickets").then().statusCode(200)
                .body(not(org.hamcrest.Matchers.containsString(number)));
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void aDispatcherSeesIt() {
        String link = link();
        given().get("/api/tickets/" + filed(link, false)).then().statusCode(200).body("callerMediaUrl", equalTo(link));
        given().get("/api/tickets/" + filed(null, false)).then().statusCode(200).body("callerMediaUrl", nullValue());
    }

    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "CD-HRSS"))
    void onAConfidentialTicketTheUnitDoesNotSeeTheLink() {
        // A link into the caller's own album can say who reported, as a name can.
        given().get("/api/tickets/" + filed(link(), true)).then().statusCode(200).body("confidential", equalTo(true))
                .body("callerMediaUrl", nullValue());
    }
}
