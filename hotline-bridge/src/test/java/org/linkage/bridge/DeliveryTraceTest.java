package org.linkage.bridge;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventTypes;
import org.linkage.events.TicketDispatched;
import org.linkage.events.Topics;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A dispatch that arrives in a trace is delivered in it: the delivery row keeps the dispatch's trace until the worker's
 * attempt, the department's system gets a traceparent of that trace, and the outcome goes back on Kafka in it.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(WireMockResource.class)
class DeliveryTraceTest {
    @Inject
    InMemorySpanExporter spans;

    @Test
    void theWebhookAndTheOutcomeContinueTheTraceOfTheDispatch() throws Exception {
        String path = "/dept/hrss/" + Tickets.nextNumber();
        WireMockResource.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"externalRef\":\"HRSS-T-1\"}")));
        TicketDispatched ticket = Tickets.dispatched("CD-HRSS", "WEBHOOK", WireMockResource.url(path));
        String key = ticket.ticketId().toString();
        String trace = UUID.randomUUID().toString().replace("-", "");
        String routerSpan = "00f067aa0ba902b7";

        KafkaTestSupport.produce(Topics.TICKETS, key, EventTypes.TICKET_DISPATCHED, ticket, UUID.randomUUID().toString(),
                Map.of("traceparent", "00-" + trace + "-" + routerSpan + "-01"));

        List<ConsumerRecord<String, String>> outcomes = KafkaTestSupport.read(Topics.DELIVERIES,
                r -> key.equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, outcomes.size());
        String outcomeTrace = KafkaTestSupport.header(outcomes.get(0), "traceparent");
        assertNotNull(outcomeTrace, "the outcome carries no traceparent");
        assertEquals(trace, outcomeTrace.split("-")[1], "the outcome left the dispatch's trace");

        List<LoggedRequest> received = WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(path)));
        assertFalse(received.isEmpty());
        String webhookTrace = received.get(received.size() - 1).getHeader("traceparent");
        assertNotNull(webhookTrace, "the webhook carries no traceparent");
        assertEquals(trace, webhookTrace.split("-")[1], "the department saw another trace");

        // The webhook's parent is the attempt's span, a child of the consumer span that took the dispatch.
        String attemptId = webhookTrace.split("-")[2];
        SpanData attempt = await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> attemptId.equals(s.getSpanId())).findFirst().orElse(null), s -> s != null);
        assertEquals(SpanKind.CLIENT, attempt.getKind());
        assertEquals(trace, attempt.getTraceId());
        SpanData consumed = spans.getFinishedSpanItems().stream()
                .filter(s -> s.getSpanId().equals(attempt.getParentSpanId())).findFirst()
                .orElseThrow(() -> new AssertionError("the attempt's parent span was not exported"));
        assertEquals(SpanKind.CONSUMER, consumed.getKind());
        assertEquals(routerSpan, consumed.getParentSpanId(), "the consumer did not continue the record's trace");
    }
}
