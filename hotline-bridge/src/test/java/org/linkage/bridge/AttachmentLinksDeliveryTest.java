package org.linkage.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkage.bridge.domain.SigningKeys;
import org.linkage.bridge.domain.WebhookSignature;
import org.linkage.events.EventTypes;
import org.linkage.events.TicketDispatched;
import org.linkage.events.Topics;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 part 1: a webhook carries the ticket's attachments as the router's expiring links, asked at each attempt,
 * never the bytes; the signature covers them. (That the links open before their expiry and not after or when
 * tampered is the router's AttachmentLinkTest.)
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(WireMockResource.class)
class AttachmentLinksDeliveryTest {

    @Test
    void theWebhookCarriesTheTicketsAttachmentsAsExpiringLinksUnderTheSignature() throws Exception {
        String path = "/dept/hrss-links/" + Tickets.nextNumber();
        WireMockResource.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(201)));
        TicketDispatched ticket = Tickets.dispatched("CD-HRSS", "WEBHOOK", WireMockResource.url(path));
        String link = "https://router.linkage.example.gov.cn/links/attachments/0b9c6f1e-3d51-4a8e-9f0a-2c7d1e5b8a44"
                + "?expires=1765000000&signature=abc";
        WireMockResource.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock
                .get(urlPathEqualTo("/router/api/integration/tickets/" + ticket.ticketNumber() + "/attachment-links"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        [{"id":"0b9c6f1e-3d51-4a8e-9f0a-2c7d1e5b8a44","fileName":"欠条.pdf","contentType":"application/pdf",
                          "sizeBytes":2500,"url":"%s","expiresAt":"2025-12-06T05:46:40Z"}]""".formatted(link))));

        KafkaTestSupport.produce(Topics.TICKETS, ticket.ticketId().toString(), EventTypes.TICKET_DISPATCHED, ticket);
        KafkaTestSupport.read(Topics.DELIVERIES, r -> ticket.ticketId().toString().equals(r.key()), 1,
                Duration.ofSeconds(30));

        List<LoggedRequest> received = WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(path)));
        LoggedRequest request = received.get(received.size() - 1);
        JsonNode body = KafkaTestSupport.JSON.readTree(request.getBodyAsString());
        assertEquals(ticket.ticketNumber(), body.get("ticketNumber").asText());
        assertEquals(1, body.get("attachments").size());
        assertEquals(link, body.get("attachments").get(0).get("url").asText());
        assertEquals("欠条.pdf", body.get("attachments").get(0).get("fileName").asText());
        assertTrue(body.get("attachments").get(0).hasNonNull("expiresAt"));
        // The links are under the department's signature like the rest of the ticket.
        assertEquals(WebhookSignature.Verdict.VALID, WebhookSignature.verifyDelivery(
                request.getHeader(WebhookSignature.SIGNATURE_HEADER), request.getHeader(WebhookSignature.TIMESTAMP_HEADER),
                "CD-HRSS", WireMockResource.url(path), request.getBodyAsString(),
                new SigningKeys("dev-hrss-key-2026", null), Instant.now(), Duration.ofMinutes(5)));
        WireMockResource.server().verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/router/api/integration/tickets/" + ticket.ticketNumber() + "/attachment-links"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        "Bearer " + WireMockResource.SERVICE_TOKEN)));
    }

    /**
     * Issue 14: the router says on the dispatch that the ticket has no file, so the first attempt sends an empty list
     * without asking it again (a request and a token check per delivery); a retry asks, and carries a file added since.
     */
    @Test
    void aTicketWithoutFilesGoesWithoutAskingTheRouterAndARetryAsksForFilesAddedSince() throws Exception {
        String quiet = "/dept/hrss-nofiles/" + Tickets.nextNumber();
        WireMockResource.server().stubFor(post(urlPathEqualTo(quiet)).willReturn(aResponse().withStatus(201)));
        TicketDispatched none = Tickets.withAttachmentCount(
                Tickets.dispatched("CD-HRSS", "WEBHOOK", WireMockResource.url(quiet)), 0);
        KafkaTestSupport.produce(Topics.TICKETS, none.ticketId().toString(), EventTypes.TICKET_DISPATCHED, none);
        KafkaTestSupport.read(Topics.DELIVERIES, r -> none.ticketId().toString().equals(r.key()), 1,
                Duration.ofSeconds(30));
        List<LoggedRequest> sent = WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(quiet)));
        JsonNode body = KafkaTestSupport.JSON.readTree(sent.get(sent.size() - 1).getBodyAsString());
        assertTrue(body.get("attachments").isArray() && body.get("attachments").isEmpty(), body.toString());
        assertEquals(0, WireMockResource.server().findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/router/api/integration/tickets/" + none.ticketNumber() + "/attachment-links"))).size());

        // The department is down at the first attempt; meanwhile a file reached the ticket: the retry carries it.
        String busy = "/dept/hrss-retry-files/" + Tickets.nextNumber();
        WireMockResource.server().stubFor(post(urlPathEqualTo(busy)).inScenario(busy)
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        WireMockResource.server().stubFor(post(urlPathEqualTo(busy)).inScenario(busy).whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(201)));
        TicketDispatched later = Tickets.withAttachmentCount(
                Tickets.dispatched("CD-HRSS", "WEBHOOK", WireMockResource.url(busy)), 0);
        String link = "https://router.linkage.example.gov.cn/links/attachments/3b9c6f1e-3d51-4a8e-9f0a-2c7d1e5b8a44"
                + "?expires=1765000000&signature=late";
        WireMockResource.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock
                .get(urlPathEqualTo("/router/api/integration/tickets/" + later.ticketNumber() + "/attachment-links"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        [{"id":"3b9c6f1e-3d51-4a8e-9f0a-2c7d1e5b8a44","fileName":"补充材料.pdf","contentType":"application/pdf",
                          "sizeBytes":1200,"url":"%s","expiresAt":"2025-12-06T05:46:40Z"}]""".formatted(link))));
        KafkaTestSupport.produce(Topics.TICKETS, later.ticketId().toString(), EventTypes.TICKET_DISPATCHED, later);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(busy))).size() >= 2);
        List<LoggedRequest> attempts = WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(busy)));
        assertTrue(KafkaTestSupport.JSON.readTree(attempts.get(0).getBodyAsString()).get("attachments").isEmpty());
        JsonNode retried = KafkaTestSupport.JSON.readTree(attempts.get(1).getBodyAsString());
        assertEquals(link, retried.get("attachments").get(0).get("url").asText());
    }

    @Test
    void anOpen311DepartmentGetsTheTicketsPhotoAsAnExpiringMediaUrl() throws Exception {
        String base = "/open311/eco-links-" + Tickets.nextNumber();
        WireMockResource.server().stubFor(post(urlPathEqualTo(base + "/requests.json")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json").withBody("[{\"service_request_id\":77}]")));
        TicketDispatched ticket = Tickets.dispatched("CD-ECO", "OPEN311", WireMockResource.url(base));
        String pdf = "https://router.linkage.example.gov.cn/links/attachments/1b9c6f1e-3d51-4a8e-9f0a-2c7d1e5b8a44"
                + "?expires=1765000000&signature=pdf";
        String photo = "https://router.linkage.example.gov.cn/links/attachments/2b9c6f1e-3d51-4a8e-9f0a-2c7d1e5b8a44"
                + "?expires=1765000000&signature=jpg";
        WireMockResource.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock
                .get(urlPathEqualTo("/router/api/integration/tickets/" + ticket.ticketNumber() + "/attachment-links"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        [{"id":"1b9c6f1e-3d51-4a8e-9f0a-2c7d1e5b8a44","fileName":"欠条.pdf","contentType":"application/pdf",
                          "sizeBytes":2500,"url":"%s","expiresAt":"2025-12-06T05:46:40Z"},
                         {"id":"2b9c6f1e-3d51-4a8e-9f0a-2c7d1e5b8a44","fileName":"现场.jpg","contentType":"image/jpeg",
                          "sizeBytes":9000,"url":"%s","expiresAt":"2025-12-06T05:46:40Z"}]""".formatted(pdf, photo))));

        KafkaTestSupport.produce(Topics.TICKETS, ticket.ticketId().toString(), EventTypes.TICKET_DISPATCHED, ticket);
        KafkaTestSupport.read(Topics.DELIVERIES, r -> ticket.ticketId().toString().equals(r.key()), 1,
                Duration.ofSeconds(30));

        List<LoggedRequest> filed = WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(base + "/requests.json")));
        String form = filed.get(filed.size() - 1).getBodyAsString();
        // GeoReport has one media_url: the photo, not the first file, and only as the router's expiring link
        assertTrue(form.contains("media_url=" + java.net.URLEncoder.encode(photo, java.nio.charset.StandardCharsets.UTF_8)), form);
        assertTrue(!form.contains("signature%3Dpdf"), form);
    }
}
