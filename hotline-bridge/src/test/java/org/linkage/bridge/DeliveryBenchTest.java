package org.linkage.bridge;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.linkage.events.EventTypes;
import org.linkage.events.TicketDispatched;
import org.linkage.events.Topics;
import org.linkage.stack.KafkaUsers;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What one delivered ticket costs the bridge's database: N dispatch events on Kafka, each delivered to a stand-in
 * department endpoint with its outcome relayed, over about 50,000 deliveries already stored. Prints PostgreSQL
 * commits (pg_stat_database) and the JDBC statements and transactions Hibernate ran, per delivered ticket. Off by
 * default; run with {@code -Dtest=DeliveryBenchTest -Dlinkage.bench=true} (sizes: {@code -Dlinkage.bench.stored},
 * {@code -Dlinkage.bench.deliveries}). The figures are printed, not asserted; the test fails only if a ticket is lost
 * or sent twice.
 */
@QuarkusTest
@TestProfile(DeliveryBenchTest.WithStatistics.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(WireMockResource.class)
@EnabledIfSystemProperty(named = "linkage.bench", matches = "true")
class DeliveryBenchTest {
    static final int STORED = Integer.getInteger("linkage.bench.stored", 50_000);
    static final int DELIVERIES = Integer.getInteger("linkage.bench.deliveries", 1_000);

    /** Hibernate counts its statements and transactions only when asked to (a build-time switch). */
    public static class WithStatistics implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.hibernate-orm.statistics", "true");
        }
    }

    @Inject
    SessionFactory sessions;

    @Test
    void statementsAndCommitsPerDeliveredTicket() throws Exception {
        String path = "/dept/bench/" + UUID.randomUUID();
        WireMockResource.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
        String endpoint = WireMockResource.url(path);
        seed(endpoint);

        // Warm-up: the JIT, the pools, the consumer's partitions.
        List<UUID> warm = dispatch(endpoint, 50);
        awaitDelivered(warm);

        Statistics stats = sessions.getStatistics();
        long commitsBefore = commits();
        stats.clear();
        long start = System.nanoTime();
        List<UUID> tickets = dispatch(endpoint, DELIVERIES);
        int polls = awaitDelivered(tickets);
        double seconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(2500); // the backends report their counts to pg_stat_database when idle, within a second or so
        long commits = commits() - commitsBefore - polls - 1;

        int n = tickets.size();
        System.out.printf("BENCH bridge delivery: %d tickets over %d stored deliveries in %.1f s (%.0f/s)%n",
                n, STORED, seconds, n / seconds);
        System.out.printf("BENCH per delivered ticket: %.2f PostgreSQL commits (pg_stat_database xact_commit), "
                        + "%.2f JDBC statements, %.2f transactions, %.2f entity loads, %.2f queries, %.2f flushes "
                        + "(Hibernate statistics)%n",
                (double) commits / n, (double) stats.getPrepareStatementCount() / n,
                (double) stats.getTransactionCount() / n, (double) stats.getEntityLoadCount() / n,
                (double) stats.getQueryExecutionCount() / n, (double) stats.getFlushCount() / n);
        WireMockResource.server().verify(n + warm.size(), postRequestedFor(urlPathEqualTo(path)));
    }

    /** About a year's worth of delivered tickets, each with its attempt and its inbox row, written by SQL. */
    private void seed(String endpoint) throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.executeUpdate("""
                    insert into delivery (id, ticket_id, ticket_number, ticket_version, department_code, adapter,
                        endpoint_url, category_code, payload, status, attempts, idempotency_key, created_at, updated_at,
                        delivered_at, last_response_code)
                    select gen_random_uuid(), t, 'BENCH-' || i, 1, 'CD-HRSS', 'WEBHOOK', '%s', 'WAGES', '{}',
                        'DELIVERED', 1, t || ':1', at, at, at, 200
                    from generate_series(1, %d) i,
                        lateral (select gen_random_uuid() as t, now() - (i %% 365) * interval '1 day' as at) x
                    """.formatted(endpoint, STORED));
            s.executeUpdate("""
                    insert into delivery_attempt (delivery_id, attempt_no, started_at, latency_ms, response_code, outcome)
                    select id, 1, created_at, 20, 200, 'SUCCESS' from delivery where ticket_number like 'BENCH-%'""");
            s.executeUpdate("""
                    insert into processed_event (consumer, event_id, event_type, processed_at)
                    select 'bridge-tickets', gen_random_uuid()::text, '%s', created_at
                    from delivery where ticket_number like 'BENCH-%%'""".formatted(EventTypes.TICKET_DISPATCHED));
        }
        PostgresResource.asOwner("analyze");
    }

    private static List<UUID> dispatch(String endpoint, int count) throws Exception {
        Map<String, Object> config = KafkaUsers.writerOf(Topics.TICKETS).clientConfig(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        List<UUID> ids = new ArrayList<>(count);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            List<Future<?>> sent = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                TicketDispatched ticket = Tickets.dispatched("CD-HRSS", "WEBHOOK", endpoint);
                ids.add(ticket.ticketId());
                ProducerRecord<String, String> record = new ProducerRecord<>(Topics.TICKETS,
                        ticket.ticketId().toString(), KafkaTestSupport.JSON.writeValueAsString(ticket));
                header(record, "ce_specversion", "1.0");
                header(record, "ce_id", UUID.randomUUID().toString());
                header(record, "ce_type", EventTypes.TICKET_DISPATCHED);
                header(record, "ce_source", "/linkage/router");
                header(record, "ce_time", Instant.now().toString());
                header(record, "content-type", "application/json");
                sent.add(producer.send(record));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        }
        return ids;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Waits until every ticket is delivered once and no outcome is left in the outbox (the relay's work is part of a
     * delivery's cost). Polls on a connection of its own, one transaction a poll; returns how many polls it made.
     */
    private static int awaitDelivered(List<UUID> tickets) throws Exception {
        long deadline = System.nanoTime() + 600_000_000_000L;
        int polls = 0;
        try (Connection c = connection(); Statement s = c.createStatement()) {
            String list = tickets.stream().map(t -> "'" + t + "'").reduce((a, b) -> a + "," + b).orElseThrow();
            while (true) {
                Thread.sleep(500);
                polls++;
                try (ResultSet r = s.executeQuery("select (select count(*) from delivery where status = 'DELIVERED' "
                        + "and ticket_id in (" + list + ")), (select count(*) from outbox_event)")) {
                    r.next();
                    if (r.getLong(1) == tickets.size() && r.getLong(2) == 0) {
                        return polls;
                    }
                    assertTrue(System.nanoTime() < deadline, "delivered " + r.getLong(1) + " of " + tickets.size());
                }
            }
        }
    }

    private static long commits() throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select xact_commit from pg_stat_database where datname = current_database()")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static Connection connection() throws SQLException {
        var config = ConfigProvider.getConfig();
        Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
        c.setAutoCommit(true);
        return c;
    }
}
