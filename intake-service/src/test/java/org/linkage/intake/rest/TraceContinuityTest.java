package org.linkage.intake.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventTypes;
import org.linkage.events.TicketStatusChanged;
import org.linkage.events.Topics;
import org.linkage.intake.support.CallFixtures;
import org.linkage.intake.support.KafkaClient;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One trace from the call-taker's POST to the referral on Kafka, across the outbox and its relay, and back: a status
 * report that arrives under that trace (as the router's relay writes it) is applied to the call within it.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@TestSecurity(user = "calltaker1", roles = "call-taker")
class TraceContinuityTest {
    @Inject
    InMemorySpanExporter spans;
    @Inject
    ObjectMapper json;

    @Test
    void theReferralAndTheStatusReportBackStayInTheTraceOfThePost() throws Exception {
        var created = CallFixtures.postConfirmed(CallFixtures.WAGES);
        String callId = created.path("id");

        ConsumerRecord<String, String> referral = KafkaClient.find(Topics.REFERRALS, r -> callId.equals(r.key()),
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no referral published for " + callId));
        String traceparent = KafkaClient.header(referral, "traceparent");
        assertNotNull(traceparent, "the referral carries no traceparent");
        String trace = traceIdOf(traceparent);
        // The trace is the one the POST started: its server span is the trace's root.
        SpanData post = await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.SERVER && trace.equals(s.getTraceId()))
                .findFirst().orElse(null), s -> s != null);
        assertTrue(post.getName().startsWith("POST") && post.getName().contains("/api/calls"), post.getName());
        assertTrue(!post.getParentSpanContext().isValid(), "the POST's span should start the trace");
        // The relay's producer span is the record's parent, itself a child of the request that wrote the row.
        SpanData producer = await().atMost(Duration.ofSeconds(10))
                .until(() -> span(spanIdOf(traceparent)), s -> s != null);
        assertEquals(SpanKind.PRODUCER, producer.getKind());
        assertEquals(post.getTraceId(), producer.getTraceId());

        // The router continues the trace and reports back on linkage.tickets under it.
        String routerSpan = "00f067aa0ba902b7";
        String reported = "00-" + post.getTraceId() + "-" + routerSpan + "-01";
        UUID ticketId = UUID.randomUUID();
        String ticketNumber = "12345-20261201-" + ticketId.toString().substring(0, 6);
        TicketStatusChanged delivered = new TicketStatusChanged(ticketId, ticketNumber, UUID.fromString(callId), null,
                "DISPATCHED", "DISPATCHED", "CD-HRSS", null, null, null, null, "DELIVERED", "system:bridge",
                Instant.parse("2026-12-01T02:00:00Z"));
        KafkaClient.publish(Topics.TICKETS, ticketId.toString(), UUID.randomUUID().toString(),
                EventTypes.TICKET_STATUS_CHANGED, ticketNumber, json.writeValueAsString(delivered),
                Map.of("traceparent", reported));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/api/calls/{id}", callId)
                .then().statusCode(200).body("ticket.deliveryStatus", equalTo("DELIVERED")));
        SpanData applied = await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.CONSUMER && s.getName().startsWith("intake-tickets")
                        && routerSpan.equals(s.getParentSpanId()))
                .findFirst().orElse(null), s -> s != null);
        assertEquals(post.getTraceId(), applied.getTraceId(), "the status report was applied outside the call's trace");
        assertEquals(Topics.TICKETS, applied.getAttributes().get(
                io.opentelemetry.api.common.AttributeKey.stringKey("messaging.destination.name")));
    }

    @Test
    void aPostWithATraceparentContinuesTheCallersTrace() {
        // The console's request carries its trace; the call's referral must stay in it.
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callId = given().contentType("application/json")
                .header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01")
                .body(CallFixtures.with(CallFixtures.call(CallFixtures.WAGES), "confirm", true))
                .when().post("/api/calls").then().statusCode(201).extract().path("id");
        ConsumerRecord<String, String> referral = KafkaClient.find(Topics.REFERRALS, r -> callId.equals(r.key()),
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no referral published for " + callId));
        assertEquals(trace, traceIdOf(KafkaClient.header(referral, "traceparent")));
        assertTrue(spans.getFinishedSpanItems().stream().anyMatch(s -> s.getKind() == SpanKind.SERVER
                && trace.equals(s.getTraceId())), "the POST's span did not join the console's trace");
    }

    private SpanData span(String spanId) {
        return spans.getFinishedSpanItems().stream().filter(s -> spanId.equals(s.getSpanId())).findFirst().orElse(null);
    }

    private static String traceIdOf(String traceparent) {
        return traceparent.split("-")[1];
    }

    private static String spanIdOf(String traceparent) {
        return traceparent.split("-")[2];
    }
}
