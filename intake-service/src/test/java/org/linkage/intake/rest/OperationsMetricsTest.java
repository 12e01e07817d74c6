package org.linkage.intake.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.commons.outbox.OutboxMetrics;
import org.linkage.intake.support.CallFixtures;
import org.linkage.intake.support.RelayLead;
import org.linkage.testing.Management;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;
import org.linkage.testing.Scrape;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.linkage.intake.support.CallFixtures.call;
import static org.linkage.intake.support.CallFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the operations room reads from intake on /q/metrics: calls by disposition, and the outbox's backlog. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@TestSecurity(user = "calltaker1", roles = "call-taker")
class OperationsMetricsTest {
    @Inject
    OutboxMetrics outbox;
    @Inject
    DataSource dataSource;

    static Scrape scrape() {
        return Scrape.of(given().get(Management.url("/q/metrics")).then().statusCode(200).extract().asString());
    }

    @Test
    void callsAreCountedByTheDispositionAPersonDecided() {
        Scrape before = scrape();
        given().contentType(ContentType.JSON).body(with(call(CallFixtures.WAGES), "confirm", true))
                .post("/api/calls").then().statusCode(201);
        given().contentType(ContentType.JSON).body(with(call(CallFixtures.KNIFE), "confirm", true))
                .post("/api/calls").then().statusCode(201);
        Scrape after = scrape();
        assertEquals(1, after.value("linkage_intake_calls_decided_total", "disposition", "NON_POLICE", "decision", "CONFIRMED")
                - before.value("linkage_intake_calls_decided_total", "disposition", "NON_POLICE", "decision", "CONFIRMED"), 0.0);
        assertEquals(1, after.value("linkage_intake_calls_decided_total", "disposition", "POLICE", "decision", "CONFIRMED")
                - before.value("linkage_intake_calls_decided_total", "disposition", "POLICE", "decision", "CONFIRMED"), 0.0);
        assertEquals(1, after.value("linkage_intake_referrals_total", "disposition", "NON_POLICE")
                - before.value("linkage_intake_referrals_total", "disposition", "NON_POLICE"), 0.0);
    }

    @Test
    void anEventStuckInTheOutboxShowsAsDepthAndAge() throws Exception {
        // Hold the relay off (its own lock, taken from it) while an event two minutes old waits, as when Kafka is away.
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            RelayLead.take(c, Duration.ofSeconds(30));
            UUID id = UUID.randomUUID();
            try {
                try (PreparedStatement insert = c.prepareStatement("""
                        insert into outbox_event (event_id, topic, event_key, type, source, subject, occurred_at, payload)
                        values (?, 'linkage.metrics-test', 'k', 'test', '/linkage/intake', null, now() - interval '2 minutes', '{}')""")) {
                    insert.setObject(1, id);
                    insert.executeUpdate();
                }
                outbox.refresh();
                Scrape stuck = scrape();
                assertTrue(stuck.value("linkage_outbox_depth") >= 1, "depth");
                assertTrue(stuck.value("linkage_outbox_oldest_age_seconds") >= 119, "age: "
                        + stuck.value("linkage_outbox_oldest_age_seconds"));
            } finally {
                try (PreparedStatement delete = c.prepareStatement("delete from outbox_event where event_id = ?")) {
                    delete.setObject(1, id);
                    delete.executeUpdate();
                }
                try (Statement unlock = c.createStatement()) {
                    unlock.execute("select pg_advisory_unlock_all()");
                }
            }
            outbox.refresh();
            assertTrue(scrape().value("linkage_outbox_oldest_age_seconds") < 60, "the backlog gone, the age falls back");
        }
    }

    @Test
    void everyIntakeMetricTheAlertsAndDashboardReadIsEmitted() {
        callsAreCountedByTheDispositionAPersonDecided();
        outbox.refresh();
        Set<String> present = scrape().names();
        Set<String> used = new TreeSet<>(Scrape.usedByMonitoring("linkage_intake_"));
        used.addAll(Scrape.usedByMonitoring("linkage_outbox_"));
        used.addAll(Scrape.usedByMonitoring("linkage_inbox_"));
        used.remove("linkage_intake_overrides_total"); // a counter exported from the first override on
        assertTrue(used.size() >= 6, "the rules and dashboard read intake's meters: " + used);
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(present);
        assertEquals(Set.of(), missing, "read by deploy/k8s/base/monitoring but not on intake's /q/metrics");
        assertTrue(present.contains("kafka_consumer_fetch_manager_records_lag_max"), "Kafka consumer lag");
    }
}
