package org.linkage.bridge;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.bridge.domain.DeliveryStatus;
import org.linkage.bridge.domain.SigningKeys;
import org.linkage.bridge.domain.WebhookSignature;
import org.linkage.bridge.service.DeliveryMetrics;
import org.linkage.bridge.service.DeliveryService;
import org.linkage.commons.outbox.OutboxMetrics;
import org.linkage.testing.Management;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;
import org.linkage.testing.Scrape;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the operations room reads from the bridge on /q/metrics moves with what the bridge does. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(WireMockResource.class)
class OperationsMetricsTest {
    @Inject
    DeliveryService service;
    @Inject
    DeliveryMetrics metrics;
    @Inject
    OutboxMetrics outbox;

    static Scrape scrape() {
        return Scrape.of(given().get(Management.url("/q/metrics")).then().statusCode(200).extract().asString());
    }

    @Test
    void attemptsFailuresDeadLettersAndLatencyAreCountedPerDepartment() {
        String ok = "/dept/metrics-ok/" + Tickets.nextNumber();
        String down = "/dept/metrics-down/" + Tickets.nextNumber();
        var wm = WireMockResource.server();
        wm.stubFor(post(urlPathEqualTo(ok)).willReturn(aResponse().withStatus(200)));
        wm.stubFor(post(urlPathEqualTo(down)).willReturn(aResponse().withStatus(503)));
        Scrape before = scrape();

        UUID delivered = Deliveries.accept(service, Tickets.dispatched("CD-HRSS", "WEBHOOK", WireMockResource.url(ok)));
        UUID failing = Deliveries.accept(service, Tickets.dispatched("CD-WATER", "WEBHOOK", WireMockResource.url(down)));
        Deliveries.accept(service, Tickets.dispatched("CD-HOUSING", "WEBHOOK", "https://elsewhere.example/steal"));
        Deliveries.awaitStatus(delivered, DeliveryStatus.DELIVERED, Duration.ofSeconds(20));
        int attempts = Deliveries.awaitStatus(failing, DeliveryStatus.DEAD_LETTERED, Duration.ofSeconds(30)).attempts;
        metrics.refresh();
        Scrape after = scrape();

        assertTrue(delta(before, after, "linkage_bridge_delivery_attempts_total",
                "department", "CD-HRSS", "outcome", "SUCCESS") >= 1);
        assertEquals(attempts, delta(before, after, "linkage_bridge_delivery_attempts_total",
                "department", "CD-WATER", "outcome", "FAILED"), 0.0);
        assertEquals(attempts, delta(before, after, "linkage_bridge_delivery_latency_seconds_count",
                "department", "CD-WATER"), 0.0);
        assertTrue(after.value("linkage_bridge_delivery_latency_seconds_bucket", "department", "CD-HRSS", "le", "+Inf") >= 1,
                "latency is a histogram with buckets");
        assertEquals(1, delta(before, after, "linkage_bridge_delivery_dead_letters_total",
                "department", "CD-WATER", "cause", "exhausted"), 0.0);
        assertEquals(1, delta(before, after, "linkage_bridge_delivery_dead_letters_total",
                "department", "CD-HOUSING", "cause", "refused"), 0.0);
        // The gauge counts what waits for a dispatcher, in the table, so it covers every replica's dead letters.
        assertTrue(after.value("linkage_bridge_deliveries_dead_lettered", "department", "CD-WATER") >= 1);
        assertTrue(after.value("linkage_bridge_deliveries_dead_lettered", "department", "CD-HOUSING") >= 1);
    }

    @Test
    void refusedStatusWebhooksAreCountedByReasonWithoutTrustingTheCodeInThePath() {
        Scrape before = scrape();
        long ts = Instant.now().getEpochSecond();
        String body = "{\"ticketNumber\":\"" + Tickets.nextNumber() + "\",\"action\":\"SIGN\"}";
        given().contentType("application/json")
                .header(WebhookSignature.TIMESTAMP_HEADER, ts)
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.header(new SigningKeys("guess", null), ts, body))
                .body(body).post("/api/webhooks/departments/CD-HRSS").then().statusCode(anyOf(is(401), is(429)));
        given().contentType("application/json").body(body).post("/api/webhooks/departments/INVENTED-" + UUID.randomUUID().toString().substring(0, 8))
                .then().statusCode(anyOf(is(401), is(429)));
        Scrape after = scrape();

        assertEquals(1, delta(before, after, "linkage_bridge_inbound_refusals_total",
                "department", "CD-HRSS", "reason", "BAD_SIGNATURE"), 0.0);
        // A code without a key of its own is "unknown": invented codes cannot grow the series without bound.
        assertEquals(1, delta(before, after, "linkage_bridge_inbound_refusals_total",
                "department", "unknown", "reason", "NO_KEY"), 0.0);
    }

    @Test
    void everyBridgeMetricTheAlertsAndDashboardReadIsEmitted() {
        // Make sure each meter has been touched at least once in this JVM, then compare with deploy/k8s.
        attemptsFailuresDeadLettersAndLatencyAreCountedPerDepartment();
        refusedStatusWebhooksAreCountedByReasonWithoutTrustingTheCodeInThePath();
        outbox.refresh();
        Set<String> present = scrape().names();
        Set<String> used = new TreeSet<>(Scrape.usedByMonitoring("linkage_bridge_"));
        used.addAll(Scrape.usedByMonitoring("linkage_outbox_"));
        assertTrue(used.size() >= 5, "the rules and dashboard read the bridge's meters: " + used);
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(present);
        assertEquals(Set.of(), missing, "read by deploy/k8s/base/monitoring but not on the bridge's /q/metrics");
        // Consumer lag comes from the Kafka client's own metrics, bound by Quarkus Micrometer.
        assertTrue(present.contains("kafka_consumer_fetch_manager_records_lag_max"), "Kafka consumer lag: " + present);
    }

    private static double delta(Scrape before, Scrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
