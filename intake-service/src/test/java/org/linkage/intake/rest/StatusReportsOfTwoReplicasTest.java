package org.linkage.intake.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventTypes;
import org.linkage.events.TicketStatusChanged;
import org.linkage.events.Topics;
import org.linkage.intake.support.CallFixtures;
import org.linkage.intake.support.KafkaClient;
import org.linkage.stack.StatusReports;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Status report ids come fifty at a time per instance (a pooled sequence, V12), so with two intakes a report committed
 * later can carry a lower id than one already committed. The two-replica kill test once read reports with a cursor on
 * the id and so missed a call's DELIVERED report that was there; this reproduces that order and checks that the reader
 * the fault suite and the bench now use ({@link StatusReports}, by call) sees every report the call shows.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@TestSecurity(user = "calltaker1", roles = "call-taker")
class StatusReportsOfTwoReplicasTest {
    private static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z");

    @Inject
    ObjectMapper json;

    @Test
    void aReportCommittedAfterAnotherReplicasCanHaveALowerIdAndIsStillSeen() throws Exception {
        try (Connection c = connect()) {
            // Once in fifty this instance's block is used up by the report below and it takes a new block, above the
            // other replica's: then the order is the commit order after all, and the scenario is taken again.
            for (int attempt = 1; ; attempt++) {
                UUID first = call();
                UUID second = call();
                UUID other = call();
                delivered(first);
                long ours = reportId(c, first);
                // The other replica takes its block now and commits a report from it: a reader's cursor moves past it.
                long theirs = otherReplicaReports(c, other);
                assertTrue(theirs > ours, "the other replica's block lies above this one's");
                long cursor = theirs;

                delivered(second);
                long later = reportId(c, second);
                if (later > cursor && attempt < 3) {
                    continue;
                }
                assertTrue(later < cursor, "committed after the other replica's report, numbered below it: " + later
                        + " < " + cursor);
                assertFalse(idsAbove(c, cursor).contains(second.toString()),
                        "a reader asking for ids above the highest it has read never sees this report");

                Map<String, StatusReports.Of> reports = StatusReports.of(c, List.of(first.toString(),
                        second.toString(), other.toString()));
                for (UUID call : List.of(first, second, other)) {
                    assertTrue(reports.containsKey(call.toString()) && reports.get(call.toString()).delivered(),
                            "read by call, the report of " + call + " says DELIVERED");
                }
                return;
            }
        }
    }

    private static UUID call() {
        return UUID.fromString(CallFixtures.postConfirmed(CallFixtures.WAGES).path("id"));
    }

    /** A DELIVERED report for the call through the topic, awaited until the call shows it. */
    private void delivered(UUID callId) throws Exception {
        UUID ticketId = UUID.randomUUID();
        TicketStatusChanged change = new TicketStatusChanged(ticketId, "12345-O-" + ticketId.toString().substring(0, 6),
                callId, null, "DISPATCHED", null, "CD-HRSS", null, null, null, null, "DELIVERED", "system:bridge", T0);
        KafkaClient.publish(Topics.TICKETS, ticketId.toString(), UUID.randomUUID().toString(),
                EventTypes.TICKET_STATUS_CHANGED, change.ticketNumber(), json.writeValueAsString(change));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/api/calls/{id}", callId).then().statusCode(200)
                        .body("ticket.ticketNumber", equalTo(change.ticketNumber()))
                        .body("ticket.deliveryStatus", equalTo("DELIVERED")));
    }

    /**
     * As a second intake's Hibernate would: a block of its own from the sequence, a report numbered from it, committed.
     * The value the sequence hands out lies in that block whichever end of it the optimizer takes it for.
     */
    private static long otherReplicaReports(Connection c, UUID callId) throws SQLException {
        long id;
        try (PreparedStatement st = c.prepareStatement("select nextval('ticket_status_report_id_seq')");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
        }
        try (PreparedStatement st = c.prepareStatement("""
                insert into ticket_status_report (id, call_id, event_id, ticket_id, ticket_number, status,
                                                  delivery_status, at)
                values (?, ?, ?, ?, ?, 'DISPATCHED', 'DELIVERED', ?)""")) {
            UUID ticketId = UUID.randomUUID();
            st.setLong(1, id);
            st.setObject(2, callId);
            st.setString(3, UUID.randomUUID().toString());
            st.setObject(4, ticketId);
            st.setString(5, "12345-R-" + ticketId.toString().substring(0, 6));
            st.setTimestamp(6, Timestamp.from(T0));
            st.executeUpdate();
        }
        return id;
    }

    private static long reportId(Connection c, UUID callId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select max(id) from ticket_status_report where call_id = ?")) {
            st.setObject(1, callId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Set<String> idsAbove(Connection c, long cursor) throws SQLException {
        Set<String> calls = new HashSet<>();
        try (PreparedStatement st = c.prepareStatement("select call_id from ticket_status_report where id > ?")) {
            st.setLong(1, cursor);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    calls.add(rs.getString(1));
                }
            }
        }
        return calls;
    }

    private static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        Properties properties = new Properties();
        config.getOptionalValue("quarkus.datasource.username", String.class).ifPresent(u -> properties.setProperty("user", u));
        config.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(p -> properties.setProperty("password", p));
        return new org.postgresql.Driver().connect(config.getValue("quarkus.datasource.jdbc.url", String.class), properties);
    }
}
