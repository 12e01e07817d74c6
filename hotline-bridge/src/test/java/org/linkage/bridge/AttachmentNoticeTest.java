package org.linkage.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkage.bridge.domain.DeliveryStatus;
import org.linkage.bridge.domain.SigningKeys;
import org.linkage.bridge.domain.WebhookSignature;
import org.linkage.events.EventTypes;
import org.linkage.events.TicketAttachmentAdded;
import org.linkage.events.TicketDispatched;
import org.linkage.events.Topics;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 part 1: a file added to a ticket a unit already has reaches the unit's system as an attachment notice of
 * its own (key {@code <ticketId>:attachment:<attachmentId>}), signed like a ticket, with a fresh expiring link at each
 * attempt and never the bytes; once per file whatever Kafka redelivers; retried when the system is down; outside the
 * versions' supersession; and, for an Open311 unit, recorded as not sent with the reason. The router is a WireMock
 * stand-in here: its links endpoint hands out a link to a file WireMock serves (that the router's real links open
 * only until their expiry is the router's AttachmentLinkTest).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(WireMockResource.class)
@TestSecurity(user = "dispatcher1", roles = "dispatcher")
class AttachmentNoticeTest {
    private static final byte[] PHOTO = "现场照片 JPEG bytes as the router would serve them".getBytes();

    @Test
    void aFileAddedLaterReachesTheWebhookDepartmentSignedWithALinkThatOpens() throws Exception {
        String path = "/dept/hrss-notice/" + Tickets.nextNumber();
        WireMockResource.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"externalRef\":\"HR-NOTE-7\"}")));
        TicketDispatched ticket = Tickets.withAttachmentCount(
                Tickets.dispatched("CD-HRSS", "WEBHOOK", WireMockResource.url(path)), 0);
        deliverTicket(ticket);

        TicketAttachmentAdded added = added(ticket, "510107-GOV");
        String link = stubFile(ticket, added.attachmentId());
        KafkaTestSupport.produce(Topics.TICKETS, ticket.ticketId().toString(), EventTypes.TICKET_ATTACHMENT_ADDED, added);
        JsonNode outcome = noticeOutcome(ticket, added.attachmentId());
        assertEquals("DELIVERED", outcome.get("status").asText());
        assertEquals("CD-HRSS", outcome.get("departmentCode").asText());
        assertEquals("HR-NOTE-7", outcome.get("externalRef").asText());
        assertEquals("现场.jpg", outcome.get("fileName").asText());
        assertEquals(1, outcome.get("ticketVersion").asInt());

        List<LoggedRequest> posts = WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(path)));
        assertEquals(2, posts.size(), "the ticket, then the notice");
        LoggedRequest notice = posts.get(1);
        assertEquals(ticket.ticketId() + ":attachment:" + added.attachmentId(),
                notice.getHeader(WebhookSender_IDEMPOTENCY));
        assertEquals(WebhookSignature.Verdict.VALID, WebhookSignature.verifyDelivery(
                notice.getHeader(WebhookSignature.SIGNATURE_HEADER), notice.getHeader(WebhookSignature.TIMESTAMP_HEADER),
                "CD-HRSS", WireMockResource.url(path), notice.getBodyAsString(),
                new SigningKeys("dev-hrss-key-2026", null), Instant.now(), Duration.ofMinutes(5)));
        JsonNode body = KafkaTestSupport.JSON.readTree(notice.getBodyAsString());
        assertEquals("linkage.attachment-notice.v1", body.get("schema").asText());
        assertEquals(ticket.ticketNumber(), body.get("ticketNumber").asText());
        assertEquals(1, body.get("ticketVersion").asInt());
        assertEquals("510107-GOV", body.get("addedByDepartmentCode").asText());
        JsonNode file = body.get("attachment");
        assertEquals(added.attachmentId().toString(), file.get("id").asText());
        assertEquals("image/jpeg", file.get("contentType").asText());
        assertEquals(PHOTO.length, file.get("sizeBytes").asLong());
        assertEquals(added.sha256(), file.get("sha256").asText());
        assertEquals(link, file.get("url").asText());
        assertTrue(Instant.parse(file.get("expiresAt").asText()).isAfter(Instant.now()));
        // what the file is, never what it holds or who added it
        assertFalse(notice.getBodyAsString().contains("JPEG bytes"), notice.getBodyAsString());
        assertFalse(body.has("content") || file.has("content") || body.has("note") || body.has("uploadedBy"));

        // the link the department got opens the file
        HttpResponse<byte[]> opened = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(file.get("url").asText())).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, opened.statusCode());
        assertArrayEquals(PHOTO, opened.body());

        // a delivery of its own kind beside the ticket's version, which it left as it was
        JsonNode rows = KafkaTestSupport.JSON.readTree(given().queryParam("limit", 1000).get("/api/deliveries")
                .then().statusCode(200).extract().asString());
        List<JsonNode> mine = stream(rows).filter(r -> ticket.ticketId().toString().equals(r.get("ticketId").asText()))
                .toList();
        assertEquals(2, mine.size(), rows.toString());
        assertTrue(mine.stream().anyMatch(r -> r.get("kind").asText().equals("TICKET")
                && r.get("status").asText().equals("DELIVERED")
                && r.get("idempotencyKey").asText().equals(ticket.ticketId() + ":1")));
        assertTrue(mine.stream().anyMatch(r -> r.get("kind").asText().equals("ATTACHMENT_NOTICE")
                && r.get("status").asText().equals("DELIVERED")
                && r.get("attachmentId").asText().equals(added.attachmentId().toString())));
    }

    @Test
    void aRedeliveredOrRepublishedEventGivesNoSecondNotice() throws Exception {
        String path = "/dept/hrss-notice-once/" + Tickets.nextNumber();
        WireMockResource.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(201)));
        TicketDispatched ticket = Tickets.withAttachmentCount(
                Tickets.dispatched("CD-HRSS", "WEBHOOK", WireMockResource.url(path)), 0);
        deliverTicket(ticket);
        TicketAttachmentAdded first = added(ticket, null);
        stubFile(ticket, first.attachmentId());
        String eventId = UUID.randomUUID().toString();
        String key = ticket.ticketId().toString();
        KafkaTestSupport.produce(Topics.TICKETS, key, EventTypes.TICKET_ATTACHMENT_ADDED, first, eventId);
        noticeOutcome(ticket, first.attachmentId());

        // Kafka redelivers the same event, and the router's relay re-publishes it under a new id
        KafkaTestSupport.produce(Topics.TICKETS, key, EventTypes.TICKET_ATTACHMENT_ADDED, first, eventId);
        KafkaTestSupport.produce(Topics.TICKETS, key, EventTypes.TICKET_ATTACHMENT_ADDED, first);
        // a second file after them on the same partition: once it is noticed, the repeats were read before it
        TicketAttachmentAdded second = added(ticket, null);
        stubFiles(ticket, first.attachmentId(), second.attachmentId());
        KafkaTestSupport.produce(Topics.TICKETS, key, EventTypes.TICKET_ATTACHMENT_ADDED, second);
        noticeOutcome(ticket, second.attachmentId());

        List<LoggedRequest> posts = WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(path)));
        assertEquals(1, posts.stream().filter(r -> r.getHeader(WebhookSender_IDEMPOTENCY)
                .equals(ticket.ticketId() + ":attachment:" + first.attachmentId())).count());
        assertEquals(3, posts.size(), "the ticket and one notice per file");
        assertEquals(1, KafkaTestSupport.read(Topics.DELIVERIES, r -> isNotice(r, ticket, first.attachmentId()), 2,
                Duration.ofSeconds(3)).size());
    }

    @Test
    void aDepartmentThatIsDownGetsTheNoticeRetriedWithAFreshLinkEachTime() throws Exception {
        String path = "/dept/hrss-notice-down/" + Tickets.nextNumber();
        // up for the ticket, then down twice, then up again
        WireMockResource.server().stubFor(post(urlPathEqualTo(path)).inScenario(path)
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(201)).willSetStateTo("down1"));
        WireMockResource.server().stubFor(post(urlPathEqualTo(path)).inScenario(path)
                .whenScenarioStateIs("down1").willReturn(aResponse().withStatus(503)).willSetStateTo("down2"));
        WireMockResource.server().stubFor(post(urlPathEqualTo(path)).inScenario(path)
                .whenScenarioStateIs("down2").willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        WireMockResource.server().stubFor(post(urlPathEqualTo(path)).inScenario(path)
                .whenScenarioStateIs("up").willReturn(aResponse().withStatus(201)));
        TicketDispatched ticket = Tickets.withAttachmentCount(
                Tickets.dispatched("CD-HRSS", "WEBHOOK", WireMockResource.url(path)), 0);
        deliverTicket(ticket);
        TicketAttachmentAdded added = added(ticket, null);
        stubFile(ticket, added.attachmentId());
        KafkaTestSupport.produce(Topics.TICKETS, ticket.ticketId().toString(), EventTypes.TICKET_ATTACHMENT_ADDED, added);

        JsonNode outcome = noticeOutcome(ticket, added.attachmentId());
        assertEquals("DELIVERED", outcome.get("status").asText());
        assertEquals(3, outcome.get("attempts").asInt());
        List<LoggedRequest> notices = WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(path)))
                .stream().skip(1).toList();
        assertEquals(3, notices.size());
        for (LoggedRequest n : notices) {
            assertEquals(ticket.ticketId() + ":attachment:" + added.attachmentId(), n.getHeader(WebhookSender_IDEMPOTENCY));
            assertEquals(WebhookSignature.Verdict.VALID, WebhookSignature.verifyDelivery(
                    n.getHeader(WebhookSignature.SIGNATURE_HEADER), n.getHeader(WebhookSignature.TIMESTAMP_HEADER),
                    "CD-HRSS", WireMockResource.url(path), n.getBodyAsString(),
                    new SigningKeys("dev-hrss-key-2026", null), Instant.now(), Duration.ofMinutes(5)));
        }
        // the link was asked for at each attempt, so a retry days later still carries one that opens
        assertTrue(WireMockResource.server().findAll(getRequestedFor(urlPathEqualTo(
                "/router/api/integration/tickets/" + ticket.ticketNumber() + "/attachment-links"))).size() >= 3);

        String id = KafkaTestSupport.JSON.readTree(given().queryParam("limit", 1000).get("/api/deliveries")
                        .then().statusCode(200).extract().asString()).findParents("attachmentId").stream()
                .filter(r -> added.attachmentId().toString().equals(r.get("attachmentId").asText()))
                .findFirst().orElseThrow().get("id").asText();
        JsonNode attempts = KafkaTestSupport.JSON.readTree(given().get("/api/deliveries/" + id)
                .then().statusCode(200).extract().asString()).get("attempts");
        assertEquals(List.of("FAILED", "FAILED", "SUCCESS"), stream(attempts).map(a -> a.get("outcome").asText()).toList());
    }

    /**
     * A notice waits while the unit's ticket is still being tried, and a new version of the ticket to the same unit
     * does not stop it (nor does the notice stop the version): both arrive, the ticket first.
     */
    @Test
    void aNewVersionToTheSameUnitDoesNotSupersedeTheNotice() throws Exception {
        String path = "/dept/hrss-notice-v2/" + Tickets.nextNumber();
        WireMockResource.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(503)));
        TicketDispatched v1 = Tickets.withAttachmentCount(
                Tickets.dispatched("CD-HRSS", "WEBHOOK", WireMockResource.url(path)), 0);
        String key = v1.ticketId().toString();
        KafkaTestSupport.produce(Topics.TICKETS, key, EventTypes.TICKET_DISPATCHED, v1);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(path))).isEmpty());
        TicketAttachmentAdded added = added(v1, null);
        stubFile(v1, added.attachmentId());
        KafkaTestSupport.produce(Topics.TICKETS, key, EventTypes.TICKET_ATTACHMENT_ADDED, added);
        TicketDispatched v2 = Tickets.dispatched(v1.ticketId(), v1.ticketNumber(), 2, "CD-HRSS", "WEBHOOK",
                WireMockResource.url(path));
        KafkaTestSupport.produce(Topics.TICKETS, key, EventTypes.TICKET_DISPATCHED, v2);
        await().atMost(Duration.ofSeconds(30)).until(() -> rowsOf(v1).size() == 3);
        int before = WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(path))).size();
        WireMockResource.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(201)));

        assertEquals("DELIVERED", noticeOutcome(v1, added.attachmentId()).get("status").asText());
        List<LoggedRequest> delivered = WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(path)))
                .stream().skip(before).filter(r -> !r.getHeader(WebhookSender_IDEMPOTENCY).endsWith(":1")).toList();
        String ticketKey = key + ":2";
        String noticeKey = key + ":attachment:" + added.attachmentId();
        List<String> keys = delivered.stream().map(r -> r.getHeader(WebhookSender_IDEMPOTENCY)).distinct().toList();
        assertTrue(keys.indexOf(ticketKey) >= 0 && keys.indexOf(ticketKey) < keys.indexOf(noticeKey), keys.toString());
        List<JsonNode> rows = rowsOf(v1);
        assertTrue(rows.stream().anyMatch(r -> r.get("idempotencyKey").asText().equals(key + ":1")
                && r.get("status").asText().equals(DeliveryStatus.SUPERSEDED.name())), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.get("idempotencyKey").asText().equals(ticketKey)
                && r.get("status").asText().equals("DELIVERED")), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.get("idempotencyKey").asText().equals(noticeKey)
                && r.get("status").asText().equals("DELIVERED")), rows.toString());
    }

    /** GeoReport v2 cannot add a file to a filed request: the notice is recorded as not sent, with the reason. */
    @Test
    void anOpen311DepartmentGetsNothingAndTheDispatcherSeesWhy() throws Exception {
        String base = "/open311/eco-notice-" + Tickets.nextNumber();
        WireMockResource.server().stubFor(post(urlPathEqualTo(base + "/requests.json")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json").withBody("[{\"service_request_id\":81}]")));
        TicketDispatched ticket = Tickets.withAttachmentCount(
                Tickets.dispatched("CD-ECO", "OPEN311", WireMockResource.url(base)), 0);
        deliverTicket(ticket);
        TicketAttachmentAdded added = added(ticket, null);
        stubFile(ticket, added.attachmentId());
        KafkaTestSupport.produce(Topics.TICKETS, ticket.ticketId().toString(), EventTypes.TICKET_ATTACHMENT_ADDED, added);

        JsonNode outcome = noticeOutcome(ticket, added.attachmentId());
        assertEquals("SKIPPED", outcome.get("status").asText());
        assertEquals("OPEN311", outcome.get("adapter").asText());
        assertTrue(outcome.get("lastError").asText().contains("GeoReport v2"), outcome.toString());
        assertEquals(0, outcome.get("attempts").asInt());
        assertEquals(1, WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(base + "/requests.json")))
                .size(), "the filing only: no second request for the file");
        JsonNode row = rowsOf(ticket).stream().filter(r -> r.get("kind").asText().equals("ATTACHMENT_NOTICE"))
                .findFirst().orElseThrow();
        assertEquals("SKIPPED", row.get("status").asText());
        assertTrue(row.get("lastError").asText().startsWith("未推送"), row.toString());
        // not a dead letter a dispatcher could replay into the department's server
        given().post("/api/deliveries/" + row.get("id").asText() + "/replay").then().statusCode(409);
    }

    private static final String WebhookSender_IDEMPOTENCY = "Idempotency-Key";

    private static void deliverTicket(TicketDispatched ticket) throws Exception {
        KafkaTestSupport.produce(Topics.TICKETS, ticket.ticketId().toString(), EventTypes.TICKET_DISPATCHED, ticket);
        List<ConsumerRecord<String, String>> out = KafkaTestSupport.read(Topics.DELIVERIES,
                r -> ticket.ticketId().toString().equals(r.key())
                        && EventTypes.DELIVERY_SUCCEEDED.equals(KafkaTestSupport.header(r, "ce_type")), 1,
                Duration.ofSeconds(30));
        assertEquals(1, out.size(), "the ticket was delivered first");
    }

    private static TicketAttachmentAdded added(TicketDispatched ticket, String uploaderDepartment) {
        return new TicketAttachmentAdded(ticket.ticketId(), ticket.ticketNumber(), UUID.randomUUID(), "现场.jpg",
                "image/jpeg", PHOTO.length, "9f2b5c0e4d1a7b3c8e6f0a2d4b6c8e0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d",
                ticket.department().code(), uploaderDepartment, Instant.now());
    }

    /** The router stand-in: the ticket's links (one file) and the file behind the link. */
    private static String stubFile(TicketDispatched ticket, UUID attachmentId) {
        return stubFiles(ticket, attachmentId).get(0);
    }

    private static List<String> stubFiles(TicketDispatched ticket, UUID... attachmentIds) {
        List<String> links = Arrays.stream(attachmentIds).map(id -> {
            String filePath = "/router/links/attachments/" + id;
            WireMockResource.server().stubFor(get(urlPathEqualTo(filePath)).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "image/jpeg").withBody(PHOTO)));
            return WireMockResource.url(filePath) + "?expires=4102444800&signature=" + id.toString().substring(0, 8);
        }).toList();
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < attachmentIds.length; i++) {
            json.append(i == 0 ? "" : ",").append("""
                    {"id":"%s","fileName":"现场.jpg","contentType":"image/jpeg","sizeBytes":%d,"url":"%s",
                     "expiresAt":"%s"}""".formatted(attachmentIds[i], PHOTO.length, links.get(i),
                    Instant.now().plus(Duration.ofDays(7))));
        }
        WireMockResource.server().stubFor(get(urlPathEqualTo("/router/api/integration/tickets/" + ticket.ticketNumber()
                + "/attachment-links")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(json.append("]").toString())));
        return links;
    }

    private static boolean isNotice(ConsumerRecord<String, String> r, TicketDispatched ticket, UUID attachmentId) {
        return ticket.ticketId().toString().equals(r.key())
                && EventTypes.ATTACHMENT_NOTICE_OUTCOME.equals(KafkaTestSupport.header(r, "ce_type"))
                && r.value().contains(attachmentId.toString());
    }

    private static JsonNode noticeOutcome(TicketDispatched ticket, UUID attachmentId) throws Exception {
        List<ConsumerRecord<String, String>> found = KafkaTestSupport.read(Topics.DELIVERIES,
                r -> isNotice(r, ticket, attachmentId), 1, Duration.ofSeconds(30));
        assertEquals(1, found.size(), "an attachment notice outcome for " + attachmentId);
        return KafkaTestSupport.JSON.readTree(found.get(0).value());
    }

    private static List<JsonNode> rowsOf(TicketDispatched ticket) throws Exception {
        JsonNode rows = KafkaTestSupport.JSON.readTree(given().queryParam("limit", 1000).get("/api/deliveries")
                .then().statusCode(200).extract().asString());
        return stream(rows).filter(r -> ticket.ticketId().toString().equals(r.get("ticketId").asText())).toList();
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
