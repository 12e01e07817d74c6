package org.linkage.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventTypes;
import org.linkage.events.TicketDispatched;
import org.linkage.events.Topics;
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
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Confidential cases (保密, issue 12 part 3): what a department's system receives of a confidential ticket carries
 * neither the caller's name nor their phone, by webhook or by Open311, and tells the unit that 12345 calls back.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(WireMockResource.class)
class ConfidentialDeliveryTest {
    private static final String PHONE = "13812345678";
    private static final String NAME = "张三";

    @Test
    void theWebhookOfAConfidentialTicketCarriesNoNameOrPhone() throws Exception {
        String path = "/dept/hrss/" + Tickets.nextNumber();
        WireMockResource.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
        TicketDispatched ticket = Tickets.confidential(Tickets.dispatched("CD-HRSS", "WEBHOOK", WireMockResource.url(path)));
        assertEquals(PHONE, ticket.callerPhone(), "the event still has the contact: the bridge must drop it itself");
        String key = ticket.ticketId().toString();

        KafkaTestSupport.produce(Topics.TICKETS, key, EventTypes.TICKET_DISPATCHED, ticket);
        List<ConsumerRecord<String, String>> outcomes = KafkaTestSupport.read(Topics.DELIVERIES,
                r -> key.equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals("DELIVERED", KafkaTestSupport.JSON.readTree(outcomes.get(0).value()).get("status").asText());

        List<LoggedRequest> received = WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(path)));
        assertFalse(received.isEmpty());
        for (LoggedRequest request : received) {
            String raw = request.getBodyAsString();
            assertFalse(raw.contains(PHONE) || raw.contains("5678") || raw.contains(NAME) || raw.contains("张*"), raw);
            JsonNode body = KafkaTestSupport.JSON.readTree(raw);
            assertTrue(body.get("callerPhone").isNull());
            assertTrue(body.get("callerName").isNull());
            assertTrue(body.get("confidential").asBoolean());
            assertEquals("保密件，由12345回访", body.get("contactNotice").asText());
            assertEquals(ticket.content(), body.get("content").asText(), "the matter itself still reaches the unit");
        }
    }

    @Test
    void anOrdinaryTicketsWebhookSaysItIsNotConfidential() throws Exception {
        String path = "/dept/hrss/" + Tickets.nextNumber();
        WireMockResource.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
        TicketDispatched ticket = Tickets.dispatched("CD-HRSS", "WEBHOOK", WireMockResource.url(path));
        String key = ticket.ticketId().toString();
        KafkaTestSupport.produce(Topics.TICKETS, key, EventTypes.TICKET_DISPATCHED, ticket);
        KafkaTestSupport.read(Topics.DELIVERIES, r -> key.equals(r.key()), 1, Duration.ofSeconds(30));
        JsonNode body = KafkaTestSupport.JSON.readTree(WireMockResource.server()
                .findAll(postRequestedFor(urlPathEqualTo(path))).get(0).getBodyAsString());
        assertFalse(body.get("confidential").asBoolean());
        assertTrue(body.get("contactNotice").isNull());
        assertEquals(PHONE, body.get("callerPhone").asText());
    }

    @Test
    void anOpen311FilingOfAConfidentialTicketCarriesNoNameOrPhone() throws Exception {
        String base = "/open311/eco-" + UUID.randomUUID();
        WireMockResource.server().stubFor(post(urlPathEqualTo(base + "/requests.json")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("[{\"service_request_id\":\"C-1\"}]")));
        TicketDispatched ticket = Tickets.confidential(Tickets.withCategory(
                Tickets.dispatched("CD-ECO", "OPEN311", WireMockResource.url(base)), "NOISE"));
        String key = ticket.ticketId().toString();
        KafkaTestSupport.produce(Topics.TICKETS, key, EventTypes.TICKET_DISPATCHED, ticket);
        KafkaTestSupport.read(Topics.DELIVERIES, r -> key.equals(r.key()), 1, Duration.ofSeconds(30));

        LoggedRequest request = WireMockResource.server()
                .findAll(postRequestedFor(urlPathEqualTo(base + "/requests.json"))).get(0);
        Map<String, String> form = form(request.getBodyAsString());
        assertFalse(form.containsKey("phone"), form.toString());
        assertFalse(form.containsKey("last_name"), form.toString());
        assertFalse(form.containsKey("first_name"), form.toString());
        assertTrue(form.get("description").contains("保密件，由12345回访"), form.get("description"));
        assertFalse(URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8).contains(NAME));
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(
                p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8), p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }
}
