package org.linkage.intake.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.linkage.events.EventTypes;
import org.linkage.events.TicketStatusChanged;
import org.linkage.events.Topics;
import org.linkage.intake.support.CallFixtures;
import org.linkage.intake.support.StatementTally;
import org.linkage.stack.KafkaUsers;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.linkage.intake.support.CallFixtures.call;
import static org.linkage.intake.support.CallFixtures.with;

/**
 * What one accepted call and one consumed ticket status cost intake's database, counted rather than timed: SQL
 * statements Hibernate sends, PostgreSQL commits ({@code pg_stat_database.xact_commit}, which also counts every
 * autocommit statement of the outbox relay) and rows written, per call and per event, over a table that already
 * holds {@code linkage.bench.stored} calls (100,000 by default). Counts do not depend on how busy the machine is.
 * Off by default; run with
 * {@code mvn -B -o verify -pl intake-service -am -Dtest=SubmitCostBench -Dlinkage.bench=true
 * -Dsurefire.failIfNoSpecifiedTests=false} and read the {@code BENCH} lines.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@TestSecurity(user = "calltaker-bench", roles = "call-taker")
@EnabledIfSystemProperty(named = "linkage.bench", matches = "true")
class SubmitCostBench {
    static final int STORED = Integer.getInteger("linkage.bench.stored", 100_000);
    static final int CALLS = Integer.getInteger("linkage.bench.calls", 1_000);

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    /** Transactions of this bench's own (its waits for the work to finish), taken off the commits counted. */
    long ownCommits;

    @Test
    void statementsAndCommitsPerCallAndPerStatusEvent() throws Exception {
        store(STORED);
        Map<String, Object> pending = call(CallFixtures.NOISE);
        Map<String, Object> referred = with(call(CallFixtures.WAGES), "confirm", true);
        for (int i = 0; i < 100; i++) {
            post(i % 2 == 0 ? referred : pending);
        }
        settle();

        Cost pendingCost = measure(CALLS, () -> {
            for (int i = 0; i < CALLS; i++) {
                post(pending);
            }
        });
        List<UUID[]> referrals = new ArrayList<>();
        Cost referredCost = measure(CALLS, () -> {
            for (int i = 0; i < CALLS; i++) {
                var created = given().contentType(ContentType.JSON).body(referred).when().post("/api/calls")
                        .then().statusCode(201).extract();
                referrals.add(new UUID[]{UUID.fromString(created.path("id")),
                        UUID.fromString(created.path("referral.referralId"))});
            }
        });
        long before = reports();
        Cost statusCost = measure(CALLS, () -> publishStatuses(referrals, before + CALLS));

        print("pending call (classified, not referred)", pendingCost);
        print("one-click transfer (referred, event to the outbox and relayed)", referredCost);
        print("ticket status event consumed (linkage.tickets)", statusCost);
    }

    record Cost(long statements, long commits, long rowsWritten, int units, double seconds) {
    }

    private static void print(String what, Cost c) {
        System.out.printf("BENCH %s over %,d stored calls: %.2f statements, %.2f commits, %.2f rows written per unit "
                        + "(%d units, %.1f s)%n", what, STORED, (double) c.statements / c.units,
                (double) c.commits / c.units, (double) c.rowsWritten / c.units, c.units, c.seconds);
    }

    private Cost measure(int units, ThrowingRunnable work) throws Exception {
        long[] start = databaseCounters();
        ownCommits = 0;
        long t0 = System.nanoTime();
        StatementTally.start();
        work.run();
        settle();
        long statements = StatementTally.stop();
        double seconds = (System.nanoTime() - t0) / 1e9;
        long[] end = databaseCounters();
        // the first counter read's own transaction is in the figure, as are the bench's waits
        return new Cost(statements, end[0] - start[0] - 1 - ownCommits, end[1] - start[1], units, seconds);
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Commits and rows written (inserted, updated, deleted) so far in this database, as the statistics collector has them. */
    private long[] databaseCounters() throws InterruptedException {
        // Backends report their counts when idle, at most once a second and at the latest 10 s after their last
        // transaction: wait that long so every transaction of the measured work is in the figures.
        Thread.sleep(11_000);
        Object[] row = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("select pg_stat_clear_snapshot()").getSingleResult();
            return (Object[]) em.createNativeQuery("""
                    select xact_commit, tup_inserted + tup_updated + tup_deleted
                    from pg_stat_database where datname = current_database()""").getSingleResult();
        });
        return new long[]{((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    /** Waits until the relay has published every event and the consumer has taken every status. */
    private void settle() throws InterruptedException {
        while (count("select count(*) from outbox_event") > 0) {
            Thread.sleep(20);
        }
    }

    private long reports() {
        return count("select count(*) from ticket_status_report");
    }

    private long count(String sql) {
        ownCommits++;
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    /** One status per referred call, as the router would publish them, then waits until every one is stored. */
    private void publishStatuses(List<UUID[]> referrals, long expected) throws Exception {
        Map<String, Object> config = KafkaUsers.writerOf(Topics.TICKETS).clientConfig(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        Instant at = Instant.now();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            List<Future<?>> sent = new ArrayList<>();
            for (UUID[] r : referrals) {
                UUID ticketId = UUID.randomUUID();
                String number = "12345-BENCH-" + ticketId.toString().substring(0, 8);
                TicketStatusChanged change = new TicketStatusChanged(ticketId, number, r[0], r[1], "DISPATCHED", null,
                        "CD-HRSS", "成都市人力资源和社会保障局", at.plusSeconds(86_400), null, null, "DELIVERED",
                        "system:router", at);
                ProducerRecord<String, String> record = new ProducerRecord<>(Topics.TICKETS, ticketId.toString(),
                        json.writeValueAsString(change));
                header(record, "ce_specversion", "1.0");
                header(record, "ce_id", UUID.randomUUID().toString());
                header(record, "ce_type", EventTypes.TICKET_STATUS_CHANGED);
                header(record, "ce_source", "/linkage/router");
                header(record, "ce_subject", number);
                header(record, "content-type", "application/json");
                sent.add(producer.send(record));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        }
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (reports() < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(expected, reports(), "status reports stored");
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void post(Map<String, Object> body) {
        given().contentType(ContentType.JSON).body(body).when().post("/api/calls").then().statusCode(201);
    }

    /** {@code calls} calls a year might have left, written by the database itself (one statement). */
    private void store(int calls) {
        QuarkusTransaction.requiringNew().timeout(1800).run(() -> em.createNativeQuery("""
                insert into call (id, call_number, retrieval_code, channel, caller_phone, address, district_code,
                                  content, received_at, taken_by, created_at, urgency, suggested_disposition,
                                  suggested_category, confidence, model_version, decision, disposition, category_code,
                                  decided_by, decided_at)
                select md5('bench-call-' || g)::uuid, 'BENCH' || lpad(g::text, 9, '0'),
                       'B' || lpad(g::text, 7, '0'), 'PHONE', '13' || lpad(((g::bigint * 7919) % 1000000000)::text, 9, '0'),
                       '成都市武侯区第' || (g % 300 + 1) || '街', '510107', '楼上装修噪音太大了', t.at, 'bench', t.at, 'NORMAL',
                       'NON_POLICE', 'NOISE', 0.9, 'bench', 'CONFIRMED', 'NON_POLICE', 'NOISE', 'bench', t.at
                from generate_series(1, ?1) g
                cross join lateral (select now() - ((g % 365) || ' days')::interval - ((g % 86400) || ' seconds')::interval as at) t
                """).setParameter(1, calls).executeUpdate());
        PostgresResource.asOwner("analyze call");
    }
}
