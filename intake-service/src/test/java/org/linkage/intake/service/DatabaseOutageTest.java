package org.linkage.intake.service;

import org.linkage.intake.messaging.PoliceTransferConsumer;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.linkage.commons.inbox.InboxHealth;
import org.linkage.events.PoliceTransferCreated;
import org.linkage.intake.support.HandBacks;
import org.linkage.testing.Management;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresOutage;
import org.linkage.testing.PostgresResource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 10, item 1: the test PostgreSQL is stopped for a minute (override with
 * {@code -Dlinkage.test.outage-seconds=N}) while police hand-backs keep arriving. The consumer holds the
 * event it is on, readiness reports the inbox DOWN, and once the database is back every hand-back is
 * applied exactly once and none is dead-lettered. Before the fix the inbox gave up after about 16 s
 * and sent the event to the dead-letter topic with its offset committed.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class DatabaseOutageTest {
    @Inject
    ObjectMapper json;
    @Inject
    InboxHealth health;
    @Inject
    PoliceTransferFeed feed;
    @ConfigProperty(name = PostgresOutage.DATA_DIR)
    Optional<String> dataDir;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void handBacksArrivingWhileTheDatabaseIsDownAreAllAppliedWhenItIsBack() throws Exception {
        assumeTrue(dataDir.isPresent(), "an outage can only be staged on the embedded test PostgreSQL");
        long outage = Long.getLong("linkage.test.outage-seconds", 60);
        List<UUID> sent = new ArrayList<>();

        PostgresOutage stopped = PostgresOutage.stop(Path.of(dataDir.get()));
        Instant back = Instant.now().plusSeconds(outage);
        boolean sawDown = false;
        try {
            while (Instant.now().isBefore(back)) {
                sent.add(handBack(sent.size()));
                if (!sawDown && health.isStalled(PoliceTransferConsumer.CONSUMER)) {
                    // Readiness as a probe sees it: the inbox check is DOWN while the event is held.
                    given().when().get(Management.url("/q/health/ready")).then().statusCode(503)
                            .body("checks.find { it.name == 'inbox' }.status", equalTo("DOWN"));
                    sawDown = true;
                }
                Thread.sleep(Math.min(5000, Math.max(0, Duration.between(Instant.now(), back).toMillis())));
            }
        } finally {
            stopped.restart(url, user, password.orElse(""));
        }
        sent.add(handBack(sent.size()));

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertEquals(sent.size(), applied(sent), "hand-backs applied after the database came back"));
        assertTrue(sawDown, "the inbox never reported the consumer held while the database was down");
        await().atMost(Duration.ofSeconds(30)).until(() -> !health.isStalled(PoliceTransferConsumer.CONSUMER));
        assertEquals(0, deadLettered(sent), "a hand-back was dead-lettered");
        List<String> listed = given().when().get("/api/admin/dead-letters?limit=1000").then().statusCode(200)
                .extract().jsonPath().getList("key", String.class);
        assertTrue(sent.stream().noneMatch(id -> listed.contains(id.toString())), "a hand-back is listed as a dead letter");
        given().when().get(Management.url("/q/health/ready")).then()
                .body("checks.find { it.name == 'inbox' }.status", equalTo("UP"));
        // The hand-back listener reconnects on its own backoff; the tests after this one expect it back.
        await().atMost(Duration.ofSeconds(90)).until(feed::live);
    }

    private UUID handBack(int n) throws Exception {
        UUID id = UUID.randomUUID();
        HandBacks.publish(json, new PoliceTransferCreated(id, UUID.randomUUID(), "12345-20261128-9" + String.format("%05d", n),
                null, "DISPATCHER", "对方持刀威胁", "邻里纠纷升级，对方拿刀威胁", "金牛区一环路北一段", "510106",
                "13900008888", "王五", "dispatcher1", Instant.now()));
        return id;
    }

    private long applied(List<UUID> ids) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password.orElse(""));
             PreparedStatement s = c.prepareStatement("select count(*) from police_transfer where id = any (?)")) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Dead letters of these hand-backs (the record key is the transfer id); other tests keep their own. */
    private long deadLettered(List<UUID> ids) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password.orElse(""));
             PreparedStatement s = c.prepareStatement(
                     "select count(*) from inbox_dead_letter where record_key = any (?)")) {
            s.setArray(1, c.createArrayOf("varchar", ids.stream().map(UUID::toString).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
