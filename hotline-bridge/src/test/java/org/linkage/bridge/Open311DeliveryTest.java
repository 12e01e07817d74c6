package org.linkage.bridge;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.bridge.domain.DeliveryStatus;
import org.linkage.bridge.repository.Delivery;
import org.linkage.bridge.service.DeliveryService;
import org.linkage.bridge.job.Open311Poller;
import org.linkage.events.TicketDispatched;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Departments that run an Open311 GeoReport v2 server get tickets as service requests. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(WireMockResource.class)
class Open311DeliveryTest {
    @Inject
    DeliveryService service;
    @Inject
    Open311Poller poller;

    @Test
    void ticketIsFiledAsAGeoReportRequestAndItsIdKept() {
        String base = "/open311/eco-" + UUID.randomUUID();
        // The response body of the spec's POST requests example.
        WireMockResource.server().stubFor(post(urlPathEqualTo(base + "/requests.json")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("[{\"service_request_id\":293944,\"service_notice\":\"The City will inspect and require the "
                        + "responsible party to correct within 24 hours and/or issue a Correction Notice or Notice of "
                        + "Violation of the Public Works Code\",\"account_id\":null}]")));
        TicketDispatched ticket = Tickets.withCategory(
                Tickets.dispatched("CD-ECO", "OPEN311", WireMockResource.url(base)), "NOISE");

        UUID id = Deliveries.accept(service, ticket);
        Delivery delivered = Deliveries.awaitStatus(id, DeliveryStatus.DELIVERED, Duration.ofSeconds(20));

        assertEquals("293944", delivered.externalRef);
        LoggedRequest request = WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(base + "/requests.json"))).get(0);
        assertTrue(request.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"));
        Map<String, String> form = form(request.getBodyAsString());
        assertEquals("eco-issued-key", form.get("api_key"));
        assertEquals("noise-complaint", form.get("service_code"), "mapped from NOISE by configuration");
        assertEquals(ticket.address(), form.get("address_string"));
        assertEquals("30.5702", form.get("lat"));
        assertEquals("104.0665", form.get("long"));
        assertTrue(form.get("description").contains(ticket.content()));
        assertEquals(ticket.ticketNumber(), form.get("attribute[linkage_ticket]"));
        assertEquals(ticket.ticketId() + ":1", request.getHeader("Idempotency-Key"));
    }

    @Test
    void unmappedCategoryIsSentUnderItsOwnCodeAndATokenIsKept() {
        String base = "/open311/eco-" + UUID.randomUUID();
        WireMockResource.server().stubFor(post(urlPathEqualTo(base + "/requests.json")).willReturn(aResponse()
                .withStatus(200).withBody("[{\"token\":\"12345\"}]")));
        TicketDispatched ticket = Tickets.dispatched("CD-ECO", "OPEN311", WireMockResource.url(base) + "/");

        Delivery delivered = Deliveries.awaitStatus(Deliveries.accept(service, ticket), DeliveryStatus.DELIVERED,
                Duration.ofSeconds(20));

        assertEquals("token:12345", delivered.externalRef);
        LoggedRequest request = WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(base + "/requests.json"))).get(0);
        assertEquals("WAGES", form(request.getBodyAsString()).get("service_code"));
    }

    @Test
    void geoReportErrorAnswerDeadLettersWithTheServersDescription() {
        String base = "/open311/eco-" + UUID.randomUUID();
        WireMockResource.server().stubFor(post(urlPathEqualTo(base + "/requests.json")).willReturn(aResponse()
                .withStatus(400).withBody("[{\"code\":403,\"description\":\"Invalid api_key received\"}]")));

        Delivery dead = Deliveries.awaitStatus(Deliveries.accept(service,
                        Tickets.dispatched("CD-ECO", "OPEN311", WireMockResource.url(base))), DeliveryStatus.DEAD_LETTERED,
                Duration.ofSeconds(20));

        assertTrue(dead.lastError.contains("Invalid api_key received"), dead.lastError);
    }

    @Test
    void closedRequestOnThePolledServerBecomesTheTicketsReplyOnce() {
        String base = "/open311/poll-" + UUID.randomUUID();
        String requestId = Long.toString(System.nanoTime());
        var wm = WireMockResource.server();
        TicketDispatched ticket = Tickets.dispatched("CD-ECO", "OPEN311", WireMockResource.url(base));
        UUID id = filed(base, requestId, ticket);
        String routerPath = "/router/api/integration/tickets/" + ticket.ticketNumber() + "/updates";
        wm.stubFor(post(urlPathEqualTo(routerPath)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ticketNumber\":\"" + ticket.ticketNumber() + "\",\"status\":\"REPLIED\"}")));

        // Still open on the department's side: nothing to pass on.
        wm.stubFor(get(urlPathEqualTo(base + "/requests/" + requestId + ".json")).willReturn(aResponse()
                .withBody("[{\"service_request_id\":\"" + requestId + "\",\"status\":\"open\"}]")));
        poller.pollOnce();
        wm.verify(0, postRequestedFor(urlPathEqualTo(routerPath)));

        // Closed with notes (the spec's example GET requests answer shape): passed to the router as the reply.
        wm.stubFor(get(urlPathEqualTo(base + "/requests/" + requestId + ".json"))
                .withQueryParam("api_key", equalTo("eco-issued-key")).willReturn(aResponse()
                .withBody("[{\"service_request_id\":\"" + requestId + "\",\"status\":\"closed\","
                        + "\"status_notes\":\"噪声源已整改 Noise source fixed\",\"service_name\":\"Noise\"}]")));
        poller.pollOnce();
        // GeoReport has no "signed for" step, so the bridge signs for the ticket before replying.
        wm.verify(1, postRequestedFor(urlPathEqualTo(routerPath))
                .withRequestBody(matchingJsonPath("$.action", equalTo("SIGN")))
                .withRequestBody(matchingJsonPath("$.departmentCode", equalTo("CD-ECO"))));
        wm.verify(1, postRequestedFor(urlPathEqualTo(routerPath))
                .withRequestBody(matchingJsonPath("$.action", equalTo("REPLY")))
                .withRequestBody(matchingJsonPath("$.answer", equalTo("噪声源已整改 Noise source fixed")))
                .withRequestBody(matchingJsonPath("$.departmentCode", equalTo("CD-ECO")))
                .withRequestBody(matchingJsonPath("$.externalRef", equalTo(requestId))));
        List<LoggedRequest> calls = wm.findAll(postRequestedFor(urlPathEqualTo(routerPath)));
        assertEquals(List.of("SIGN", "REPLY"), calls.stream()
                .map(r -> r.getBodyAsString().replaceAll(".*\"action\":\"([A-Z]+)\".*", "$1")).toList());

        poller.pollOnce();
        wm.verify(2, postRequestedFor(urlPathEqualTo(routerPath)));
        assertEquals("closed", Deliveries.load(id).remoteStatus);
    }

    @Test
    void closedRequestOfAnAlreadySignedTicketIsStillReplied() {
        String base = "/open311/signed-" + UUID.randomUUID();
        String requestId = Long.toString(System.nanoTime());
        var wm = WireMockResource.server();
        TicketDispatched ticket = Tickets.dispatched("CD-ECO", "OPEN311", WireMockResource.url(base));
        UUID id = filed(base, requestId, ticket);
        String routerPath = "/router/api/integration/tickets/" + ticket.ticketNumber() + "/updates";
        // Someone already signed for it in the router's console: SIGN is an illegal transition now.
        wm.stubFor(post(urlPathEqualTo(routerPath)).withRequestBody(matchingJsonPath("$.action", equalTo("SIGN")))
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":409,\"title\":\"Conflict\",\"detail\":\"ticket is IN_PROGRESS\","
                                + "\"currentStatus\":\"IN_PROGRESS\"}")));
        wm.stubFor(post(urlPathEqualTo(routerPath)).withRequestBody(matchingJsonPath("$.action", equalTo("REPLY")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ticketNumber\":\"" + ticket.ticketNumber() + "\",\"status\":\"REPLIED\"}")));
        wm.stubFor(get(urlPathEqualTo(base + "/requests/" + requestId + ".json")).willReturn(aResponse()
                .withBody("[{\"service_request_id\":\"" + requestId + "\",\"status\":\"closed\",\"status_notes\":\"已处理 Done\"}]")));

        poller.pollOnce();

        wm.verify(1, postRequestedFor(urlPathEqualTo(routerPath))
                .withRequestBody(matchingJsonPath("$.action", equalTo("REPLY")))
                .withRequestBody(matchingJsonPath("$.answer", equalTo("已处理 Done"))));
        assertEquals("closed", Deliveries.load(id).remoteStatus);
    }

    /** Files the ticket with a GeoReport department that answers with {@code requestId}; the delivery's id. */
    private UUID filed(String base, String requestId, TicketDispatched ticket) {
        WireMockResource.server().stubFor(post(urlPathEqualTo(base + "/requests.json")).willReturn(aResponse()
                .withStatus(201).withBody("[{\"service_request_id\":\"" + requestId + "\"}]")));
        UUID id = Deliveries.accept(service, ticket);
        Deliveries.awaitStatus(id, DeliveryStatus.DELIVERED, Duration.ofSeconds(20));
        return id;
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(
                p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8), p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }
}
